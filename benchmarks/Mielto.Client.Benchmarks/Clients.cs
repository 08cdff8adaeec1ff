using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Http;
using Refit;

namespace Mielto.Client.Benchmarks;

/// <summary>The four ways to make the same DELETE, built once per benchmark run over one transport.</summary>
public sealed class Clients : IDisposable
{
    private readonly HttpClient _raw;
    private readonly HttpClient _refitHttp;
    private readonly ServiceProvider _services;
    private readonly MieltoClient? _constructed;
    private readonly IMemoriesApi _refit;
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", Canned.ApiKey);

    /// <param name="baseAddress">The server, or null for the in-memory transport.</param>
    public Clients(Uri? baseAddress)
    {
        var address = baseAddress ?? new Uri("http://127.0.0.1/");
        HttpMessageHandler Transport() => baseAddress is null ? new CannedHandler() : new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

        _raw = new HttpClient(Transport()) { BaseAddress = address };
        _raw.DefaultRequestHeaders.UserAgent.ParseAdd("raw/1.0");

        var services = new ServiceCollection();
        var builder = services.AddMieltoClient(o =>
        {
            o.BaseAddress = address;
            o.ApiKey = Canned.ApiKey;
        });
        if (baseAddress is null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => new CannedHandler());
        }

        _services = services.BuildServiceProvider();
        Di = _services.GetRequiredService<IMemoriesClient>();

        if (baseAddress is not null)
        {
            _constructed = new MieltoClient(new MieltoClientOptions { BaseAddress = address, ApiKey = Canned.ApiKey });
        }

        _refitHttp = new HttpClient(Transport()) { BaseAddress = address };
        _refitHttp.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + Canned.ApiKey);
        _refit = RestService.ForGenerated<IMemoriesApi>(_refitHttp, RefitSettings.ForJsonContext(MieltoJsonContext.Default));
    }

    public IMemoriesClient Di { get; }

    public IMemoriesClient Constructed => _constructed?.Memories ?? throw new InvalidOperationException("only over a server");

    /// <summary>The physical limit: a hand-written DELETE with the same headers, its body deserialized from the stream.</summary>
    public async Task<MemoryDeleteResponse> RawAsync(string memoryId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "api/v1/memories/" + Uri.EscapeDataString(memoryId));
        request.Headers.Authorization = _authorization;
        using var response = await _raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(stream, MieltoJsonContext.Default.MemoryDeleteResponse))!;
    }

    /// <summary>The bare generated Refit interface, with the body read the same way as the raw call.</summary>
    public async Task<MemoryDeleteResponse> RefitAsync(string memoryId)
    {
        using var response = await _refit.DeleteMemoryAsync(memoryId, null, null, CancellationToken.None);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(stream, MieltoJsonContext.Default.MemoryDeleteResponse))!;
    }

    public void Dispose()
    {
        _raw.Dispose();
        _refitHttp.Dispose();
        _constructed?.Dispose();
        _services.Dispose();
    }
}

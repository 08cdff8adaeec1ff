using System.Net.Http.Headers;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Mielto.Client.Benchmarks.Peers.Kiota;
using Mielto.Client.Benchmarks.Peers.NSwag;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// The clients a .NET developer would generate from the seed's OpenAPI document, set up as their documentation says:
/// NSwag over one <see cref="HttpClient"/> with the key as a default header, and Kiota with its default
/// <c>KiotaClientFactory</c> middleware and a bearer token provider.
/// </summary>
internal sealed class PeerClients : IDisposable
{
    private readonly HttpClient _nswagHttp;
    private readonly HttpClient _kiotaHttp;
    private readonly NSwagMemoriesClient _nswag;
    private readonly KiotaMemoriesClient _kiota;
    private readonly User_id _userId = new() { Value = "user_bench" };

    public PeerClients(Uri baseAddress)
    {
        _nswagHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
        _nswagHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Canned.ApiKey);
        _nswag = new NSwagMemoriesClient(_nswagHttp);

        _kiotaHttp = KiotaClientFactory.Create();
        var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new Token()), httpClient: _kiotaHttp)
        {
            BaseUrl = baseAddress.ToString().TrimEnd('/'),
        };
        _kiota = new KiotaMemoriesClient(adapter);
    }

    public Task NSwagDeleteAsync(string memoryId) => _nswag.Memory_api_v1_memories__memory_id__deleteAsync(memoryId, _userId, null);

    public Task KiotaDeleteAsync(string memoryId) => _kiota.Api.V1.Memories[memoryId].DeleteAsync(c => c.QueryParameters.UserId = "user_bench");

    public void Dispose()
    {
        _nswagHttp.Dispose();
        _kiotaHttp.Dispose();
    }

    /// <summary>The API key as Kiota asks for it.</summary>
    private sealed class Token : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Canned.ApiKey);
    }
}

using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mielto.Client.Tests.Infrastructure;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Mielto.Client.Tests;

[Collection(ClientCollection.Name)]
public sealed class ClientTests(WireServer wire) : WireTest(wire)
{
    /// <summary>Answers each delete with the id it was asked for, as Mielto does.</summary>
    private void EchoDeletedId() => Wire.Server.Given(Request.Create().UsingDelete()).RespondWith(Response.Create().WithCallback(request =>
    {
        var id = Uri.UnescapeDataString(request.Headers![WireServer.RawTargetHeader][0].Split('?')[0]["/api/v1/memories/".Length..]);
        var body = $$"""{"memory_id":{{System.Text.Json.JsonSerializer.Serialize(id)}},"message":"Memory deleted successfully"}""";
        return new ResponseMessage
        {
            StatusCode = 200,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
    }));

    [Fact]
    public async Task AddMieltoClient_registers_one_shared_client_whose_Memories_is_the_registered_IMemoriesClient()
    {
        Respond(200, Deleted);
        var services = Services();

        var client = services.GetRequiredService<MieltoClient>();

        Assert.Same(services.GetRequiredService<IMemoriesClient>(), client.Memories);
        Assert.Same(client, services.GetRequiredService<MieltoClient>());
        Assert.Equal("mem_1", (await client.Memories.DeleteAsync("mem_1")).MemoryId);
    }

    [Fact]
    public async Task AddMieltoClient_binds_options_from_a_configuration_section()
    {
        RespondInSequence(() => Json(503, "{}"), () => Json(200, Deleted));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mielto:BaseAddress"] = Wire.BaseAddress.ToString(),
            ["Mielto:ApiKey"] = ApiKey,
            ["Mielto:WorkspaceId"] = "wsp_from_config",
            ["Mielto:Timeout"] = "00:00:05",
            ["Mielto:MaxRetries"] = "1",
            ["Mielto:RetryDelay"] = "00:00:00.001",
            ["Mielto:UserAgentSuffix"] = "configured/1.0",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMieltoClient(configuration.GetSection("Mielto"));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IMemoriesClient>().DeleteAsync("mem_1");

        var options = provider.GetRequiredService<IOptions<MieltoClientOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(1, options.MaxRetries);
        Assert.Equal(2, Wire.Requests.Count);
        Assert.All(Wire.Requests, r => Assert.Equal("wsp_from_config", r.Header("X-Workspace-Id")));
        Assert.All(Wire.Requests, r => Assert.Equal($"Bearer {ApiKey}", r.Header("Authorization")));
        Assert.EndsWith(" configured/1.0", Wire.Requests[0].Header("User-Agent"));
    }

    [Fact]
    public async Task AddMieltoClient_binds_the_key_header_and_the_response_cap_from_configuration()
    {
        Respond(200, Deleted);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mielto:BaseAddress"] = Wire.BaseAddress.ToString(),
            ["Mielto:ApiKey"] = ApiKey,
            ["Mielto:ApiKeyHeader"] = "XApiKey",
            ["Mielto:MaxResponseBytes"] = "2048",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMieltoClient(configuration.GetSection("Mielto"));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IMemoriesClient>().DeleteAsync("mem_1");

        var options = provider.GetRequiredService<IOptions<MieltoClientOptions>>().Value;
        Assert.Equal((MieltoApiKeyHeader.XApiKey, 2048), (options.ApiKeyHeader, options.MaxResponseBytes));
        Assert.Equal(ApiKey, Assert.Single(Wire.Requests).Header("X-API-Key"));
        Assert.False(Wire.Requests[0].HasHeader("Authorization"));
    }

    [Fact]
    public async Task AddMieltoClient_called_twice_keeps_one_pipeline_and_adds_the_options()
    {
        RespondInSequence(() => Json(503, "{}"));
        var services = new ServiceCollection().AddLogging();
        services.AddMieltoClient(o =>
        {
            o.BaseAddress = Wire.BaseAddress;
            o.ApiKey = ApiKey;
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
        });
        services.AddMieltoClient(o => o.MaxRetries = 1);
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<MieltoServerException>(() => provider.GetRequiredService<IMemoriesClient>().DeleteAsync("mem_1"));

        Assert.Equal(2, Wire.Requests.Count);
    }

    [Theory]
    [InlineData(null, "https://api.mielto.com/", "MieltoClientOptions.ApiKey is required")]
    [InlineData("  ", "https://api.mielto.com/", "MieltoClientOptions.ApiKey is required")]
    [InlineData("mk_live_1\r\nX-Evil: 1", "https://api.mielto.com/", "MieltoClientOptions.ApiKey contains characters")]
    [InlineData("mk_live_1 ", "https://api.mielto.com/", "MieltoClientOptions.ApiKey contains characters")]
    [InlineData("mk_live_1", "http://api.mielto.com/", "MieltoClientOptions.BaseAddress must use https")]
    [InlineData("mk_live_1", "ftp://api.mielto.com/", "MieltoClientOptions.BaseAddress must use https")]
    [InlineData("mk_live_1", "https://user:s3cr3t@api.mielto.com/", "MieltoClientOptions.BaseAddress must not contain user information")]
    [InlineData("mk_live_1", "https://api.mielto.com/?a=b", "MieltoClientOptions.BaseAddress must not contain a query")]
    public void Invalid_options_are_refused_when_the_client_is_resolved_naming_the_setting(string? apiKey, string baseAddress, string expected)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMieltoClient(o =>
        {
            o.ApiKey = apiKey;
            o.BaseAddress = new Uri(baseAddress);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMemoriesClient>());

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("mk_live_1", error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Theory]
    [InlineData("Timeout", "MieltoClientOptions.Timeout must be")]
    [InlineData("OverallTimeout", "MieltoClientOptions.OverallTimeout must be")]
    [InlineData("MaxRetries", "MieltoClientOptions.MaxRetries must be between 0 and 10")]
    [InlineData("RetryDelay", "MieltoClientOptions.RetryDelay must be")]
    [InlineData("MaxRetryDelay", "MieltoClientOptions.MaxRetryDelay must be")]
    [InlineData("WorkspaceId", "MieltoClientOptions.WorkspaceId contains characters")]
    [InlineData("UserAgentSuffix", "MieltoClientOptions.UserAgentSuffix contains characters")]
    [InlineData("ApiKeyHeader", "MieltoClientOptions.ApiKeyHeader must be Bearer or XApiKey")]
    [InlineData("MaxResponseBytes", "MieltoClientOptions.MaxResponseBytes must be between 1024 (1 KiB) and 268435456 (256 MiB)")]
    [InlineData("MaxResponseBytesTooLarge", "MieltoClientOptions.MaxResponseBytes must be between")]
    public void The_constructor_refuses_invalid_options_naming_the_setting(string setting, string expected)
    {
        var options = new MieltoClientOptions { ApiKey = "key" };
        switch (setting)
        {
            case "Timeout": options.Timeout = TimeSpan.FromMilliseconds(5); break;
            case "OverallTimeout": options.OverallTimeout = TimeSpan.FromSeconds(-1); break;
            case "MaxRetries": options.MaxRetries = 11; break;
            case "RetryDelay": options.RetryDelay = TimeSpan.FromSeconds(-1); break;
            case "MaxRetryDelay": options.MaxRetryDelay = TimeSpan.FromMilliseconds(100); options.RetryDelay = TimeSpan.FromSeconds(1); break;
            case "WorkspaceId": options.WorkspaceId = "wsp\n"; break;
            case "ApiKeyHeader": options.ApiKeyHeader = (MieltoApiKeyHeader)7; break;
            case "MaxResponseBytes": options.MaxResponseBytes = 1023; break;
            case "MaxResponseBytesTooLarge": options.MaxResponseBytes = (256 * 1024 * 1024) + 1; break;
            default: options.UserAgentSuffix = "app\0"; break;
        }

        var error = Assert.Throws<ArgumentException>("options", () => new MieltoClient(options));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("https://api.mielto.com/api/v1")]
    public void Loopback_http_and_any_https_base_address_are_accepted(string baseAddress)
    {
        using var client = new MieltoClient(new MieltoClientOptions { ApiKey = "key", BaseAddress = new Uri(baseAddress) });

        Assert.NotNull(client.Memories);
    }

    [Fact]
    public async Task The_constructor_builds_the_same_pipeline_as_dependency_injection()
    {
        RespondInSequence(() => Json(503, "{}"), () => Json(200, Deleted));
        var options = new MieltoClientOptions { BaseAddress = Wire.BaseAddress, ApiKey = ApiKey, WorkspaceId = "wsp_1", RetryDelay = TimeSpan.FromMilliseconds(1) };
        using var client = new MieltoClient(options);

        options.ApiKey = "changed-after-construction";
        options.WorkspaceId = "changed";
        var result = await client.Memories.DeleteAsync("mem_1");

        Assert.Equal("mem_1", result.MemoryId);
        Assert.Equal(2, Wire.Requests.Count);
        Assert.All(Wire.Requests, r => Assert.Equal($"Bearer {ApiKey}", r.Header("Authorization")));
        Assert.All(Wire.Requests, r => Assert.Equal("wsp_1", r.Header("X-Workspace-Id")));
    }

    [Fact]
    public async Task The_constructor_logs_through_the_given_logger_factory()
    {
        Respond(200, Deleted);
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        using var client = new MieltoClient(new MieltoClientOptions { BaseAddress = Wire.BaseAddress, ApiKey = ApiKey }, loggerFactory);

        await client.Memories.DeleteAsync("mem_1");

        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Debug && e.Text.StartsWith("Mielto DELETE memory mem_1: 200 after 1 attempt(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_call_is_logged_at_debug_with_its_outcome_and_attempts()
    {
        RespondInSequence(() => Json(503, "{}"), () => Json(404, """{"detail":"Memory not found"}"""));
        var client = Client();

        await Assert.ThrowsAsync<MemoryNotFoundException>(() => client.DeleteAsync("mem_1"));

        var line = Assert.Single(Logs.Entries, e => e.Category == "Mielto.Client.MemoriesClient");
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.StartsWith("Mielto DELETE memory mem_1: 404 after 2 attempt(s) in ", line.Text);
    }

    [Fact]
    public async Task A_call_on_the_collection_is_logged_with_its_resource()
    {
        Respond(200, Infrastructure.OperationCase.Named("list").SuccessBody);

        await Client().ListAsync();

        var line = Assert.Single(Logs.Entries, e => e.Category == "Mielto.Client.MemoriesClient");
        Assert.StartsWith("Mielto LIST memories: 200 after 1 attempt(s) in ", line.Text);
    }

    [Fact]
    public async Task The_api_key_sent_as_X_API_Key_appears_in_no_exception_or_log_line()
    {
        var client = Services(o => o.ApiKeyHeader = MieltoApiKeyHeader.XApiKey, http: b => b.AddDefaultLogger()).GetRequiredService<IMemoriesClient>();
        Wire.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(401)
            .WithHeader("Content-Type", "application/json").WithBody($$"""{"detail":"bad key {{ApiKey}}"}"""));

        var error = await Assert.ThrowsAsync<MieltoAuthenticationException>(() => client.SearchAsync(new MemorySearchRequest { Query = "q" }));

        Assert.Equal(ApiKey, Assert.Single(Wire.Requests).Header("X-API-Key"));
        Assert.DoesNotContain(ApiKey, error.ToString());
        Assert.Contains(Logs.Entries, e => e.Text.Contains("X-API-Key", StringComparison.OrdinalIgnoreCase));
        Assert.All(Logs.Entries, e => Assert.DoesNotContain(ApiKey, e.Text));
    }

    [Fact]
    public async Task The_api_key_appears_in_no_exception_or_log_line_on_any_failure_path()
    {
        var failures = new List<Exception>();

        // IHttpClientFactory's own request logs are off by default; turned back on, they must redact the key too.
        var client = Services(o => o.MaxRetries = 1, http: b => b.AddDefaultLogger()).GetRequiredService<IMemoriesClient>();

        // Every status family and billing code, with the server echoing the key back in its body and headers.
        foreach (var (status, errorCode) in new[] { (400, "E"), (401, "E"), (402, "E"), (402, "CREDIT_LIMIT_EXCEEDED"), (403, "OVERAGE_LIMIT_EXCEEDED"), (403, "E"), (404, "E"), (422, "E"), (429, "E"), (500, "E"), (503, "E") })
        {
            Wire.Reset();
            Wire.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status)
                .WithHeader("Content-Type", "application/json").WithHeader("x-request-id", "req")
                .WithBody($$"""{"detail":"bad key Bearer {{ApiKey}}","error_code":"{{errorCode}}"}"""));
            failures.Add(await Assert.ThrowsAnyAsync<MieltoException>(() => client.DeleteAsync("mem_1")));
        }

        Wire.Reset();
        Wire.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody($"<html>{ApiKey}</html>"));
        failures.Add(await Assert.ThrowsAnyAsync<MieltoException>(() => client.DeleteAsync("mem_1")));

        Wire.Reset();
        Wire.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", $"https://elsewhere.example/?k={ApiKey}"));
        failures.Add(await Assert.ThrowsAnyAsync<MieltoException>(() => client.DeleteAsync("mem_1")));

        Wire.Reset();
        Wire.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Json(200, Deleted).WithDelay(TimeSpan.FromSeconds(2)));
        failures.Add(await Assert.ThrowsAsync<MieltoTimeoutException>(() => Client(o => o.Timeout = TimeSpan.FromMilliseconds(100)).DeleteAsync("mem_1")));

        failures.Add(await Assert.ThrowsAsync<MieltoConnectionException>(() => Client(o => o.BaseAddress = DroppingServer.RefusingAddress()).DeleteAsync("mem_1")));

        Assert.Equal(15, failures.Count);
        Assert.Equal(13, failures.Select(f => f.GetType()).Distinct().Count());
        foreach (var failure in failures)
        {
            for (var e = failure; e is not null; e = e.InnerException)
            {
                Assert.DoesNotContain(ApiKey, e.ToString());
                Assert.DoesNotContain(ApiKey, string.Join(" ", e.Data.Values.Cast<object?>()));
                if (e is MieltoApiException api)
                {
                    Assert.DoesNotContain(ApiKey, api.Detail ?? string.Empty);
                    Assert.DoesNotContain(ApiKey, api.ResponseBody ?? string.Empty);
                }
            }
        }

        Assert.NotEmpty(Logs.Entries);
        Assert.Contains(Logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) && e.Level == LogLevel.Trace);
        Assert.All(Logs.Entries, e => Assert.DoesNotContain(ApiKey, e.Text));
    }

    [Fact]
    public async Task One_client_shared_by_hundreds_of_concurrent_calls_returns_each_caller_its_own_result()
    {
        EchoDeletedId();
        var client = Client();
        var ids = Enumerable.Range(0, 300).Select(i => $"mem_{i}/ü?{i}").ToArray();

        var results = await Task.WhenAll(ids.Select(id => client.DeleteAsync(id)));

        Assert.Equal(ids, results.Select(r => r.MemoryId));
        Assert.Equal(ids.Order(StringComparer.Ordinal), new ConcurrentBag<string>(Wire.Requests.Select(r =>
            Uri.UnescapeDataString(r.RawTarget()["/api/v1/memories/".Length..]))).Order(StringComparer.Ordinal));
    }
}

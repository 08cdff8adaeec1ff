using Mielto.Client.Diagnostics;
using Refit;

namespace Mielto.Client.Http;

/// <summary>
/// The pieces of the SDK's HTTP pipeline, in one place, so that <c>AddMieltoClient</c> and
/// <c>new MieltoClient(options)</c> compose exactly the same client: from the outside in, the call handler
/// (timeouts, body reading, retries), then the socket handler.
/// </summary>
internal static class MieltoHttp
{
    private static readonly string UserAgent = "Mielto.Client/" + Telemetry.Version;

    /// <summary>The transport: redirects are never followed, and pooled connections are recycled.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        // A DELETE re-sent to wherever a redirect points could delete the wrong thing.
        AllowAutoRedirect = false,

        // The client is a long-lived singleton: recycle connections so that DNS changes are seen.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>The timeout, body-reading and retry layer, built from the options.</summary>
    public static CallHandler CreateCallHandler(MieltoClientOptions options, TimeProvider timeProvider) => new(options, timeProvider);

    /// <summary>
    /// Sets the client's address, user agent, timeout and key from the options: the key goes on every request, in
    /// exactly one of the two headers Mielto accepts (<c>Authorization: Bearer</c> or <c>X-API-Key</c>), so that no
    /// operation carries it as a parameter.
    /// </summary>
    public static void Configure(HttpClient client, MieltoClientOptions options)
    {
        client.BaseAddress = BaseAddress.Normalize(options.BaseAddress);
        if (options.ApiKeyHeader == MieltoApiKeyHeader.XApiKey)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-API-Key", options.ApiKey);
        }
        else
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + options.ApiKey);
        }

        // The call handler owns every timeout; HttpClient's own would cut retries short.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.TryAddWithoutValidation(
            "User-Agent", string.IsNullOrEmpty(options.UserAgentSuffix) ? UserAgent : $"{UserAgent} {options.UserAgentSuffix}");
    }

    /// <summary>Refit's settings: source-generated JSON, and failures passed through untouched.</summary>
    public static RefitSettings CreateRefitSettings()
    {
        var settings = RefitSettings.ForJsonContext(MieltoJsonContext.Wire);

        // The client maps every response and transport failure itself.
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }
}

namespace Mielto.Client.Operations;

/// <summary>The API key as the client sends it: in exactly one of the two headers Mielto accepts, the other null.</summary>
/// <param name="BearerKey">The key for <c>Authorization: Bearer</c>, or null.</param>
/// <param name="ApiKey">The key for <c>X-API-Key</c>, or null.</param>
internal readonly record struct Credentials(string? BearerKey, string? ApiKey)
{
    public static Credentials For(string apiKey, MieltoApiKeyHeader header) =>
        header == MieltoApiKeyHeader.XApiKey ? new(null, apiKey) : new(apiKey, null);
}

namespace Mielto.Client.Operations;

/// <summary>
/// The API key as the client sends it, in exactly one of the two headers Mielto accepts, the other null; the
/// header values are built once per client, not per call.
/// </summary>
/// <param name="Authorization">The <c>Authorization</c> value, <c>Bearer &lt;key&gt;</c>, or null.</param>
/// <param name="ApiKey">The <c>X-API-Key</c> value, or null.</param>
internal readonly record struct Credentials(string? Authorization, string? ApiKey)
{
    public static Credentials For(string apiKey, MieltoApiKeyHeader header) =>
        header == MieltoApiKeyHeader.XApiKey ? new(null, apiKey) : new("Bearer " + apiKey, null);
}

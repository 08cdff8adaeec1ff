namespace Mielto.Client;

/// <summary>Which header carries the API key. Mielto accepts either; the SDK sends exactly one.</summary>
public enum MieltoApiKeyHeader
{
    /// <summary><c>Authorization: Bearer &lt;key&gt;</c>, the default.</summary>
    Bearer,

    /// <summary><c>X-API-Key: &lt;key&gt;</c>.</summary>
    XApiKey,
}

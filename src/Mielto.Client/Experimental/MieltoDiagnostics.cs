namespace Mielto.Client;

/// <summary>The diagnostic ids the SDK marks its APIs with.</summary>
public static class MieltoDiagnostics
{
    /// <summary>
    /// <c>MIELTO001</c>: an operation known only from Mielto's official SDKs, not from its published API reference;
    /// its shape may change. Suppress it (<c>#pragma warning disable MIELTO001</c>, or <c>NoWarn</c>) to use one.
    /// </summary>
    public const string Experimental = "MIELTO001";
}

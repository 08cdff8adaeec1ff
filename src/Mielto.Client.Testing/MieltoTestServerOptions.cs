namespace Mielto.Client.Testing;

/// <summary>Settings of a <see cref="MieltoTestServer"/>.</summary>
public sealed class MieltoTestServerOptions
{
    /// <summary>The one API key the server accepts. Defaults to a fresh random key per server.</summary>
    public string ApiKey { get; set; } = "mk_test_" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// The workspace the API key belongs to: the one a call without <c>X-Workspace-Id</c> acts in.
    /// Defaults to <c>wsp_default</c>.
    /// </summary>
    public string DefaultWorkspaceId { get; set; } = "wsp_default";

    /// <summary>Other workspaces the API key may name in <c>X-Workspace-Id</c>. Any other workspace is refused with 403.</summary>
    public IList<string> AdditionalWorkspaceIds { get; } = new List<string>();
}

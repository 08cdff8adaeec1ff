using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Mielto.Client.Mcp;

/// <summary>
/// Which Mielto server the MCP server talks to, decided once at start and said on standard error: the embedded
/// stand-in only when nothing names a server, never as a quiet fallback for a configuration that meant Mielto.
/// </summary>
internal static class ServerTarget
{
    /// <summary>The server's version as MCP hosts see it: the package version the git tag gives, without the commit.</summary>
    public static string Version { get; } =
        typeof(ServerTarget).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";

    /// <summary>True when no key and no address are configured: the server runs on the stand-in, to be tried.</summary>
    public static bool UsesStandIn(IConfiguration mielto) =>
        string.IsNullOrEmpty(mielto["ApiKey"]) && string.IsNullOrEmpty(mielto["BaseAddress"]);

    /// <summary>Why the configuration cannot start, or null: an address without a key would reach nothing.</summary>
    public static string? Refusal(IConfiguration mielto) =>
        string.IsNullOrEmpty(mielto["ApiKey"]) && !string.IsNullOrEmpty(mielto["BaseAddress"])
            ? $"mielto-mcp: Mielto:BaseAddress is set ({mielto["BaseAddress"]}) but Mielto:ApiKey is not. Set the key " +
              "(environment variable Mielto__ApiKey, or `dotnet user-secrets set Mielto:ApiKey <key> --project samples/Mielto.Mcp`), " +
              "or remove the address to try the server on its embedded stand-in."
            : null;

    /// <summary>
    /// The collections <c>search_knowledge</c> searches: <c>Mielto:CollectionIds</c> as one comma-separated value
    /// (<c>Mielto__CollectionIds=col_a,col_b</c>) or as a list (<c>Mielto__CollectionIds__0=col_a</c>); none by default.
    /// </summary>
    public static IReadOnlyList<string> CollectionIds(IConfiguration mielto)
    {
        var section = mielto.GetSection("CollectionIds");
        var values = section.Value is { } joined ? joined.Split(',') : section.GetChildren().Select(c => c.Value ?? string.Empty);
        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The line said at start: where memories go, for whom, which collections are searched, and never the key.</summary>
    public static string Describe(MieltoClientOptions options, bool standIn, string userId, bool allowDelete, IReadOnlyList<string> collectionIds)
    {
        var tools = (allowDelete ? "search_memories, add_memory, list_memories, delete_memory" : "search_memories, add_memory, list_memories")
            + (collectionIds.Count > 0 ? $", search_knowledge (collections {string.Join(", ", collectionIds)})" : string.Empty);
        var workspace = options.WorkspaceId is { Length: > 0 } id ? $"workspace {id}" : "the key's own workspace";
        return standIn
            ? $"mielto-mcp {Version}: no Mielto:ApiKey is set, so the tools ({tools}) act for user {userId} on an EMBEDDED STAND-IN at " +
              $"{options.BaseAddress}: what they store is kept in this process's memory only and is lost when it stops. Set Mielto:ApiKey to use Mielto."
            : $"mielto-mcp {Version}: the tools ({tools}) act for user {userId} in {workspace} on Mielto at {options.BaseAddress}.";
    }
}

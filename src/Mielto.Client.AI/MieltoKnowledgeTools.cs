using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mielto.Client.AI.Tools;

namespace Mielto.Client.AI;

/// <summary>
/// Mielto knowledge as a Microsoft.Extensions.AI tool: <c>search_knowledge</c> over the collections you bind in code
/// with <see cref="For"/>. The model gives only the query (and how many passages): it has no way to name another
/// collection or workspace. Results are capped like the memory tools', and a failure reaches the model as a short
/// message of our own. Thread-safe; register it once.
/// </summary>
/// <example>
/// <code>
/// var options = new ChatOptions { Tools = [.. knowledgeTools.For(["col_docs", "col_faq"])] };
/// var response = await chatClient.GetResponseAsync(messages, options, ct);   // a client built with UseFunctionInvocation()
/// </code>
/// </example>
public sealed class MieltoKnowledgeTools
{
    /// <summary>The name of the knowledge search tool.</summary>
    public const string SearchKnowledge = "search_knowledge";

    private readonly ICollectionsClient _collections;
    private readonly MieltoKnowledgeToolsOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the tool factory over a collections client.</summary>
    /// <param name="collections">The client the tool calls.</param>
    /// <param name="options">What the tool returns; copied, so later changes have no effect.</param>
    /// <param name="logger">Where a failing search logs its exception (the model sees only a short message).</param>
    /// <exception cref="ArgumentNullException"><paramref name="collections"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public MieltoKnowledgeTools(ICollectionsClient collections, MieltoKnowledgeToolsOptions? options = null, ILogger<MieltoKnowledgeTools>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(collections);
        _collections = collections;
        _options = (options ?? new MieltoKnowledgeToolsOptions()).Copy();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxResultCharacters, 200, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNotEqual(_options.DefaultK is >= 1 and <= 100, true, nameof(options));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Builds the tool for a set of collections.</summary>
    /// <param name="collectionIds">The collections the tool may search, from your app's own choice; at least one. A search covers them all, best passages first across them.</param>
    /// <param name="workspaceId">The workspace; null uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <returns>The tool, to put in <see cref="ChatOptions.Tools"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="collectionIds"/> is null.</exception>
    /// <exception cref="ArgumentException">No collection is given, or an id is empty or whitespace.</exception>
    public IList<AITool> For(IEnumerable<string> collectionIds, string? workspaceId = null)
    {
        ArgumentNullException.ThrowIfNull(collectionIds);
        var ids = collectionIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || ids.Exists(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("The knowledge tool needs at least one collection id, and none empty.", nameof(collectionIds));
        }

        return [new SearchKnowledgeTool(_collections, ids, workspaceId, _options, _logger)];
    }
}

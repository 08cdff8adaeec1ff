using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Mielto.Client.AI.Tools;

/// <summary>
/// <c>search_knowledge</c>: the passages of the bound collections that bear on a query, best first across them. The
/// collections are bound in code; the model gives only the query and how many results.
/// </summary>
internal sealed class SearchKnowledgeTool(ICollectionsClient collections, IReadOnlyList<string> collectionIds, string? workspaceId, MieltoKnowledgeToolsOptions options, ILogger logger) : BoundTool(
    MieltoKnowledgeTools.SearchKnowledge,
    "Searches the team's documents (its knowledge collections) for passages that answer a question. Use it whenever the answer may be in the documentation rather than in general knowledge. Returns the most relevant passages first, each with its text, a score from 0 to 1 and its source.",
    """
    {
      "type": "object",
      "properties": {
        "query": { "type": "string", "description": "What to look for, in plain words." },
        "k": { "type": "integer", "minimum": 1, "maximum": 100, "description": "The most passages to return (default 5)." }
      },
      "required": ["query"],
      "additionalProperties": false
    }
    """,
    logger,
    "knowledge",
    "collection")
{
    protected override async Task<string> RunAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var query = ToolArguments.Required(ToolArguments.String(arguments, "query"), "query");
        var k = ToolArguments.InRange(ToolArguments.Int(arguments, "k"), options.DefaultK, 100, "k");
        var searches = collectionIds.Select(id => collections.SearchAsync(new CollectionSearchRequest { Query = query, CollectionId = id, K = k }, workspaceId, cancellationToken));
        var found = await Task.WhenAll(searches).ConfigureAwait(false);
        var best = found.SelectMany(f => f.Results).OrderByDescending(r => r.Score).Take(k).ToList();
        return ToolResults.Knowledge(best, options.MaxResultCharacters);
    }
}

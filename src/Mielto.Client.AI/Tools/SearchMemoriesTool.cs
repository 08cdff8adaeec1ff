using Microsoft.Extensions.AI;

namespace Mielto.Client.AI.Tools;

/// <summary><c>search_memories</c>: what the app remembers about the user that bears on a query.</summary>
internal sealed class SearchMemoriesTool(ToolContext context) : MemoryTool(
    context,
    MieltoMemoryTools.SearchMemories,
    "Searches what is remembered about the current user, such as preferences, facts and past decisions. Use it before answering whenever earlier knowledge of the user could help. Returns the most relevant memories first, each with its id, content, topics and date.",
    """
    {
      "type": "object",
      "properties": {
        "query": { "type": "string", "description": "What to look for, in plain words." },
        "limit": { "type": "integer", "minimum": 1, "maximum": 100, "description": "The most memories to return (default 5)." },
        "retrieval_method": {
          "type": "string",
          "enum": ["agentic", "agentic_vector", "agentic_hybrid", "agentic_keyword", "vector", "hybrid", "keyword", "last_n", "first_n"],
          "description": "How to search: agentic (the default) understands meaning; last_n returns the most recent memories, first_n the oldest."
        }
      },
      "required": ["query"],
      "additionalProperties": false
    }
    """)
{
    protected override async Task<string> RunAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var query = ToolArguments.Required(ToolArguments.String(arguments, "query"), "query");
        var limit = ToolArguments.InRange(ToolArguments.Int(arguments, "limit"), Context.Options.DefaultSearchLimit, 100, "limit");
        var method = ToolArguments.String(arguments, "retrieval_method");
        var found = await Context.Memories.SearchAsync(
            new MemorySearchRequest { Query = query, UserId = Context.UserId, Limit = limit, RetrievalMethod = method is null ? null : (RetrievalMethod?)new RetrievalMethod(method) },
            Context.WorkspaceId,
            cancellationToken).ConfigureAwait(false);
        return ToolResults.Memories(found.Memories, Context.Options.MaxResultCharacters);
    }
}

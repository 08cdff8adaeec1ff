using Microsoft.Extensions.AI;

namespace Mielto.Client.AI.Tools;

/// <summary><c>list_memories</c>: the user's most recent memories, one bounded page.</summary>
internal sealed class ListMemoriesTool(ToolContext context) : MemoryTool(
    context,
    MieltoMemoryTools.ListMemories,
    "Lists the most recently changed memories of the current user, newest first. Use search_memories instead to find something in particular.",
    """
    {
      "type": "object",
      "properties": {
        "limit": { "type": "integer", "minimum": 1, "maximum": 100, "description": "The most memories to return (default 20)." }
      },
      "additionalProperties": false
    }
    """)
{
    protected override async Task<string> RunAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var limit = ToolArguments.InRange(ToolArguments.Int(arguments, "limit"), Context.Options.DefaultListLimit, 100, "limit");
        var page = await Context.Memories.ListAsync(
            new MemoryListOptions { UserId = Context.UserId, Limit = limit, SortBy = "updated_at", SortOrder = MemorySortOrder.Descending },
            Context.WorkspaceId,
            cancellationToken).ConfigureAwait(false);
        return ToolResults.Memories(page.Memories, Context.Options.MaxResultCharacters);
    }
}

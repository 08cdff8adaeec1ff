using Microsoft.Extensions.AI;

namespace Mielto.Client.AI.Tools;

/// <summary><c>delete_memory</c>, only when the app allows it: forgets one of the user's memories.</summary>
internal sealed class DeleteMemoryTool(ToolContext context) : MemoryTool(
    context,
    MieltoMemoryTools.DeleteMemory,
    "Forgets one memory of the current user, by its id (from search_memories or list_memories). Use it when the user asks to forget something, or a memory is wrong. It cannot be undone.",
    """
    {
      "type": "object",
      "properties": {
        "memory_id": { "type": "string", "description": "The id of the memory to forget." }
      },
      "required": ["memory_id"],
      "additionalProperties": false
    }
    """)
{
    protected override async Task<string> RunAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var memoryId = ToolArguments.Required(ToolArguments.String(arguments, "memory_id"), "memory_id");

        // With user_id set, the server deletes only a memory the bound user owns.
        await Context.Memories.DeleteAsync(memoryId, Context.UserId, Context.WorkspaceId, cancellationToken).ConfigureAwait(false);
        return ToolResults.Done("deleted", memoryId);
    }
}

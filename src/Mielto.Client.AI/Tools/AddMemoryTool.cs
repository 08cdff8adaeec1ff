using Microsoft.Extensions.AI;

namespace Mielto.Client.AI.Tools;

/// <summary><c>add_memory</c>: remembers something about the user for later conversations.</summary>
internal sealed class AddMemoryTool(ToolContext context) : MemoryTool(
    context,
    MieltoMemoryTools.AddMemory,
    "Remembers one fact about the current user for later conversations: a preference, a detail of their life or work, a decision. Write it as a short, self-contained sentence. Do not store secrets such as passwords.",
    """
    {
      "type": "object",
      "properties": {
        "content": { "type": "string", "description": "The fact to remember, as a short sentence." },
        "topics": { "type": "array", "items": { "type": "string" }, "description": "A few topics to file it under, such as \"preferences\"." }
      },
      "required": ["content"],
      "additionalProperties": false
    }
    """)
{
    protected override async Task<string> RunAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var content = ToolArguments.Required(ToolArguments.String(arguments, "content"), "content");
        var created = await Context.Memories.CreateAsync(
            new MemoryCreateRequest { UserId = Context.UserId, Content = content, Topics = ToolArguments.Strings(arguments, "topics") },
            Context.WorkspaceId,
            cancellationToken).ConfigureAwait(false);
        return ToolResults.Done("stored", created.MemoryId);
    }
}

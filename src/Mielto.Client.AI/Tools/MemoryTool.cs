namespace Mielto.Client.AI.Tools;

/// <summary>A memory tool, bound in code to one end user (and workspace).</summary>
internal abstract class MemoryTool(ToolContext context, string name, string description, string schema)
    : BoundTool(name, description, schema, context.Logger, "memory", "memory")
{
    protected ToolContext Context => context;
}

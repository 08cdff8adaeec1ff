using Microsoft.Extensions.Logging;

namespace Mielto.Client.AI.Tools;

/// <summary>What every tool built for one end user shares: the client, the bound user and workspace, the limits.</summary>
internal sealed record ToolContext(IMemoriesClient Memories, string UserId, string? WorkspaceId, MieltoMemoryToolsOptions Options, ILogger Logger);

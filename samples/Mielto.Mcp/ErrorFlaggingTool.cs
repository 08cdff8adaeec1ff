using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Mielto.Client.Mcp;

/// <summary>
/// A memory tool as MCP sees it, with a failure flagged as one: the tools answer a failure with
/// <c>{"error": code, "message": …}</c> rather than throwing, and MCP hosts read <c>isError</c> to tell a failed
/// call from a result.
/// </summary>
internal sealed class ErrorFlaggingTool(McpServerTool inner) : DelegatingMcpServerTool(inner)
{
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var result = await base.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Content is [TextContentBlock { Text: var text }] && IsFailure(text))
        {
            result.IsError = true;
        }

        return result;
    }

    private static bool IsFailure(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Mielto.Client.AI.Tools;

/// <summary>
/// A memory tool bound in code to one end user (and workspace): no tool takes a user or a workspace from the model.
/// Its schema is written out, its arguments read by hand, so that it needs no reflection (trimming and AOT stay
/// clean). A failure reaches the model as a short message of our own, and never throws out of the tool.
/// </summary>
internal abstract class MemoryTool(ToolContext context, string name, string description, string schema) : AIFunction
{
    private readonly JsonElement _schema = Parse(schema);

    public override string Name => name;

    public override string Description => description;

    public override JsonElement JsonSchema => _schema;

    protected ToolContext Context => context;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (ToolArgumentException invalid)
        {
            return ToolResults.Error("invalid_argument", invalid.Message + ".");
        }
        catch (Exception error) when (error is MieltoException or ArgumentException)
        {
            Log.ToolFailed(context.Logger, error, name);
            return error switch
            {
                MieltoRateLimitException => ToolResults.Error("rate_limited", "The memory service is busy; try again later."),
                MemoryNotFoundException => ToolResults.Error("not_found", "There is no such memory."),
                MemoryValidationException or ArgumentException => ToolResults.Error("invalid_argument", "The memory service could not take these arguments."),
                MieltoAuthenticationException or MieltoPermissionException or MieltoPaymentRequiredException => ToolResults.Error("not_allowed", "The memory service refused this request."),
                MieltoServerException or MieltoTimeoutException or MieltoConnectionException => ToolResults.Error("unavailable", "The memory service is unavailable right now; try again later."),
                _ => ToolResults.Error("failed", "The memory operation failed."),
            };
        }
    }

    /// <summary>Does the tool's work; a <see cref="ToolArgumentException"/> or an SDK exception becomes a message for the model.</summary>
    protected abstract Task<string> RunAsync(AIFunctionArguments arguments, CancellationToken cancellationToken);

    private static JsonElement Parse(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return document.RootElement.Clone();
    }
}

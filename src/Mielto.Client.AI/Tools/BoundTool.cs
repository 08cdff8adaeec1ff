using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Mielto.Client.AI.Tools;

/// <summary>
/// A Mielto tool bound in code to what it may reach (one end user's memories, a set of collections): no tool takes a
/// user, a workspace or a collection from the model. Its schema is written out, its arguments read by hand, so that
/// it needs no reflection (trimming and AOT stay clean). A failure reaches the model as a short message of our own,
/// and never throws out of the tool.
/// </summary>
/// <param name="name">The tool's name.</param>
/// <param name="description">What it does, for the model.</param>
/// <param name="schema">Its arguments' JSON schema.</param>
/// <param name="logger">Where a failure's exception is logged.</param>
/// <param name="service">How messages name the service: <c>memory</c>, <c>knowledge</c>.</param>
/// <param name="thing">What a 404 means is missing: <c>memory</c>, <c>collection</c>.</param>
internal abstract class BoundTool(string name, string description, string schema, ILogger logger, string service, string thing) : AIFunction
{
    private readonly JsonElement _schema = Parse(schema);

    public override string Name => name;

    public override string Description => description;

    public override JsonElement JsonSchema => _schema;

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
            Log.ToolFailed(logger, error, name);
            return error switch
            {
                MieltoRateLimitException => ToolResults.Error("rate_limited", $"The {service} service is busy; try again later."),
                MieltoNotFoundException => ToolResults.Error("not_found", $"There is no such {thing}."),
                MieltoValidationException or ArgumentException => ToolResults.Error("invalid_argument", $"The {service} service could not take these arguments."),
                MieltoAuthenticationException or MieltoPermissionException or MieltoPaymentRequiredException => ToolResults.Error("not_allowed", $"The {service} service refused this request."),
                MieltoServerException or MieltoTimeoutException or MieltoConnectionException => ToolResults.Error("unavailable", $"The {service} service is unavailable right now; try again later."),
                _ => ToolResults.Error("failed", $"The {service} operation failed."),
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

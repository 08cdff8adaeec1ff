namespace Mielto.Client.Sample;

/// <summary>How the tool tells a person what went wrong: a sentence, and a short name of the kind of failure.</summary>
internal static class CliErrors
{
    /// <summary>The error as a sentence: the SDK's message, without a .NET parameter name.</summary>
    public static string Describe(Exception error) => error switch
    {
        ArgumentException { ParamName: { } name } argument when argument.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal) =>
            argument.Message[..^$" (Parameter '{name}')".Length],
        _ => error.Message,
    };

    /// <summary>The kind of failure, as the summaries group failures and as <c>--json</c> names them.</summary>
    public static string Kind(Exception error) => error switch
    {
        MemoryNotFoundException => "not_found",
        MieltoAuthenticationException => "authentication",
        MieltoPaymentRequiredException => "billing",
        MieltoPermissionException => "permission",
        MieltoRateLimitException => "rate_limited",
        MemoryValidationException or ArgumentException => "invalid_input",
        MieltoServerException => "server_error",
        MieltoTimeoutException => "timeout",
        MieltoConnectionException => "connection_failed",
        MieltoApiException => "refused",
        _ => "failed",
    };
}

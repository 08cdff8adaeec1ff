namespace Mielto.Client.Sample;

/// <summary>The tool's exit codes. When several kinds of failure happen in one run, the highest code wins.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 1;
    public const int NotFound = 2;
    public const int Validation = 3;
    public const int RateLimited = 4;
    public const int ServerOrTransport = 5;
    public const int AuthOrPermission = 6;
    public const int Cancelled = 130;

    public const string Help = """
        Exit codes (the highest that applies):
          0    success (for delete: every memory deleted, or already absent with --if-exists)
          1    usage or configuration error
          2    a memory, collection or content was not found
          3    Mielto refused the input (422 validation, other 4xx, or an invalid id)
          4    rate limited (429) after the retries
          5    server error, timeout or connection failure after the retries
          6    authentication, permission or billing refusal (401, 402, 403)
          130  cancelled (Ctrl+C)
        """;

    /// <summary>The exit code for a failed call.</summary>
    public static int For(Exception error) => error switch
    {
        MieltoNotFoundException => NotFound,
        FileNotFoundException or DirectoryNotFoundException => Usage,
        MieltoAuthenticationException or MieltoPermissionException or MieltoPaymentRequiredException => AuthOrPermission,
        MieltoRateLimitException => RateLimited,
        MieltoValidationException or ArgumentException => Validation,
        MieltoApiException { StatusCode: >= (System.Net.HttpStatusCode)400 and < (System.Net.HttpStatusCode)500 } => Validation,
        _ => ServerOrTransport,
    };
}

using Microsoft.Extensions.Options;
using Mielto.Client.Http;

namespace Mielto.Client.DependencyInjection;

/// <summary>Validates <see cref="MieltoClientOptions"/> when a client is built, naming each bad setting.</summary>
internal sealed class MieltoClientOptionsValidator : IValidateOptions<MieltoClientOptions>
{
    // Bounds that keep every limit meaningful (below 10 ms no call can complete) and within what the timers
    // and Polly's delays accept, checked here so that a bad value is named rather than failing at a call.
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    private const int MaxRetriesLimit = 10;
    private const int MinResponseBytes = 1024;
    private const int MaxResponseBytesLimit = 256 * 1024 * 1024;
    private const int MaxChatEventBytesLimit = 64 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, MieltoClientOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns one message per bad setting; none when the options can be used.</summary>
    public static IEnumerable<string> Failures(MieltoClientOptions options)
    {
        const string Prefix = nameof(MieltoClientOptions) + ".";

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            yield return Prefix + nameof(options.ApiKey) + " is required: set it to your Mielto API key (bound from configuration: the key 'Mielto:ApiKey', or the environment variable MIELTO__APIKEY; in code: new MieltoClientOptions { ApiKey = ... }).";
        }
        else if (!HeaderValue.IsSendable(options.ApiKey))
        {
            yield return Prefix + nameof(options.ApiKey) + " contains characters that cannot be sent in an HTTP header (control characters, non-ASCII characters or surrounding spaces); check that it was copied whole and alone.";
        }

        if (!Enum.IsDefined(options.ApiKeyHeader))
        {
            yield return $"{Prefix}{nameof(options.ApiKeyHeader)} must be {nameof(MieltoApiKeyHeader.Bearer)} or {nameof(MieltoApiKeyHeader.XApiKey)} (it was {(int)options.ApiKeyHeader}).";
        }

        if (options.MaxResponseBytes is < MinResponseBytes or > MaxResponseBytesLimit)
        {
            yield return $"{Prefix}{nameof(options.MaxResponseBytes)} must be between {MinResponseBytes} (1 KiB) and {MaxResponseBytesLimit} (256 MiB) (it was {options.MaxResponseBytes}).";
        }

        if (options.MaxChatEventBytes is < MinResponseBytes or > MaxChatEventBytesLimit)
        {
            yield return $"{Prefix}{nameof(options.MaxChatEventBytes)} must be between {MinResponseBytes} (1 KiB) and {MaxChatEventBytesLimit} (64 MiB) (it was {options.MaxChatEventBytes}).";
        }

        if (BaseAddress.Problem(options.BaseAddress) is { } problem)
        {
            // The address is echoed unless it holds user information, which may be a credential.
            yield return options.BaseAddress is { IsAbsoluteUri: true, UserInfo.Length: > 0 }
                ? $"{Prefix}{nameof(options.BaseAddress)} {problem}."
                : $"{Prefix}{nameof(options.BaseAddress)} {problem} (it was '{options.BaseAddress}').";
        }

        if (options.WorkspaceId is { Length: > 0 } workspace && !HeaderValue.IsSendable(workspace))
        {
            yield return Prefix + nameof(options.WorkspaceId) + " contains characters that cannot be sent in the X-Workspace-Id header (control characters, non-ASCII characters or surrounding spaces).";
        }

        if (options.UserAgentSuffix is { Length: > 0 } suffix && !HeaderValue.IsSendable(suffix))
        {
            yield return Prefix + nameof(options.UserAgentSuffix) + " contains characters that cannot be sent in the User-Agent header.";
        }

        foreach (var failure in TimingFailures(options, Prefix))
        {
            yield return failure;
        }
    }

    /// <summary>The messages for the limits on time and retries.</summary>
    private static IEnumerable<string> TimingFailures(MieltoClientOptions options, string Prefix)
    {
        if (!IsTimeout(options.Timeout))
        {
            yield return $"{Prefix}{nameof(options.Timeout)} must be between 10 ms and one day (it was {options.Timeout}).";
        }

        if (!IsTimeout(options.CompressTimeout))
        {
            yield return $"{Prefix}{nameof(options.CompressTimeout)} must be between 10 ms and one day (it was {options.CompressTimeout}).";
        }

        foreach (var (name, limit) in new[] { (nameof(options.ChatTimeout), options.ChatTimeout), (nameof(options.ChatFirstByteTimeout), options.ChatFirstByteTimeout), (nameof(options.ChatIdleTimeout), options.ChatIdleTimeout) })
        {
            if (!IsTimeout(limit))
            {
                yield return $"{Prefix}{name} must be between 10 ms and one day (it was {limit}).";
            }
        }

        if (options.OverallTimeout is { } overall && !IsTimeout(overall))
        {
            yield return $"{Prefix}{nameof(options.OverallTimeout)} must be between 10 ms and one day when set (it was {overall}).";
        }

        if (options.MaxRetries is < 0 or > MaxRetriesLimit)
        {
            yield return $"{Prefix}{nameof(options.MaxRetries)} must be between 0 and {MaxRetriesLimit} (it was {options.MaxRetries}).";
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > MaxTimeout)
        {
            yield return $"{Prefix}{nameof(options.RetryDelay)} must be between zero and one day (it was {options.RetryDelay}).";
        }

        if (options.MaxRetryDelay < options.RetryDelay || options.MaxRetryDelay > MaxTimeout)
        {
            yield return $"{Prefix}{nameof(options.MaxRetryDelay)} must be at least {nameof(options.RetryDelay)} and at most one day (it was {options.MaxRetryDelay}).";
        }
    }

    private static bool IsTimeout(TimeSpan value) => value >= MinTimeout && value <= MaxTimeout;
}

namespace Mielto.Client;

/// <summary>How <see cref="IContentsClient.WaitForIngestionAsync"/> polls.</summary>
public sealed record IngestionWaitOptions
{
    /// <summary>The first wait between polls; each later one is half again as long, up to <see cref="MaxPollInterval"/>. Defaults to 1 second.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between polls. Defaults to 15 seconds.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait in all before giving up with a <see cref="MieltoTimeoutException"/>. Defaults to 10 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
}

namespace Mielto.Client.AI;

/// <summary>How a <see cref="MieltoMemoryWriter"/> holds and sends the stores it is given.</summary>
public sealed class MieltoMemoryWriterOptions
{
    /// <summary>The most stores waiting to be sent; one more is dropped, counted and logged. Defaults to 1,000.</summary>
    public int Capacity { get; set; } = 1000;

    /// <summary>
    /// The most stores sent at once. Defaults to 32: with answers taking 20 ms, that drains 1,000 pending stores in
    /// about 0.7 s (16 took 1.4 s; see docs/performance.md). Lower it when Mielto answers your key 429 often.
    /// </summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>
    /// How long disposal (and so a host's shutdown, for the queue registered with dependency injection) waits for the
    /// stores still pending; what is not sent by then is counted and logged as lost. Defaults to 5 seconds.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A copy of <paramref name="options"/> (or the defaults), checked.</summary>
    internal static MieltoMemoryWriterOptions Validated(MieltoMemoryWriterOptions? options)
    {
        var copy = (MieltoMemoryWriterOptions)(options ?? new MieltoMemoryWriterOptions()).MemberwiseClone();
        var problem = copy switch
        {
            { Capacity: < 1 or > 1_000_000 } => $"{nameof(Capacity)} must be between 1 and 1,000,000.",
            { MaxConcurrency: < 1 or > 64 } => $"{nameof(MaxConcurrency)} must be between 1 and 64.",
            _ when copy.DrainTimeout < TimeSpan.Zero => $"{nameof(DrainTimeout)} must not be negative.",
            _ => null,
        };
        return problem is null ? copy : throw new ArgumentOutOfRangeException(nameof(options), $"{nameof(MieltoMemoryWriterOptions)}.{problem}");
    }
}

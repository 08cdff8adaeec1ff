namespace Mielto.Client.Operations;

/// <summary>What a streamed operation makes of its events: one per call of it, as it may keep what earlier events said.</summary>
/// <typeparam name="TEvent">An event's data.</typeparam>
/// <typeparam name="TItem">What the operation yields.</typeparam>
internal interface IEventReader<in TEvent, out TItem>
    where TItem : class
{
    /// <summary>What one event yields.</summary>
    TItem Next(TEvent value);

    /// <summary>What is left to yield once the stream has ended well, or null.</summary>
    TItem? Last();

    /// <summary>The error an event reports in place of data, or null for a good one.</summary>
    string? ErrorOf(TEvent value);
}

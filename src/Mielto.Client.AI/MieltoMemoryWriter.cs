using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mielto.Client.AI;

/// <summary>
/// Sends the memories a chat stores off the chat's path: a store is queued when the response is complete and sent in
/// the background, with the SDK's retry rules, so that it never delays an answer. The queue is bounded: a store that
/// finds it full, a store that fails for good, and one still pending when disposal's deadline passes are each counted
/// (the <c>mielto.ai.memory.stores</c> counter, tagged with their outcome) and logged at Warning, never lost silently.
/// The same store queued again while the first is pending or recently sent (a retried run, a stream read twice) is
/// sent once.
/// </summary>
/// <remarks>
/// Register one per process with <c>services.AddMieltoMemoryWriter()</c>: <c>UseMieltoMemory()</c> then uses it,
/// and the container's disposal at host shutdown drains it within <see cref="MieltoMemoryWriterOptions.DrainTimeout"/>.
/// Without one registered, each memory chat client has its own, drained when it is disposed.
/// </remarks>
public sealed class MieltoMemoryWriter : IAsyncDisposable, IDisposable
{
    private const int RecentKeys = 1024;
    private static readonly Meter Meter = new(MieltoTelemetry.MeterName);
    private static readonly Counter<long> Stores = Meter.CreateCounter<long>("mielto.ai.memory.stores", description: "Memory stores by outcome: sent, duplicate, dropped (queue full), failed, lost (pending at disposal).");

    private readonly IMemoriesClient _memories;
    private readonly MieltoMemoryWriterOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<(long Sequence, MemoryStore Store)> _channel;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _senders;
    private readonly object _gate = new();
    private readonly SortedSet<long> _pending = [];
    private readonly HashSet<MemoryStore> _recent = [];
    private readonly Queue<MemoryStore> _recentOrder = new();
    private readonly List<(long Through, TaskCompletionSource Done)> _flushes = [];
    private long _sequence;
    private int _disposed;

    /// <summary>Starts a queue that sends through <paramref name="memories"/>.</summary>
    /// <param name="memories">The memories client the stores go through.</param>
    /// <param name="options">Capacity, concurrency and drain deadline; copied.</param>
    /// <param name="logger">Where dropped, failed and lost stores are logged (never their text).</param>
    /// <exception cref="ArgumentNullException"><paramref name="memories"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public MieltoMemoryWriter(IMemoriesClient memories, MieltoMemoryWriterOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(memories);
        _memories = memories;
        _options = MieltoMemoryWriterOptions.Validated(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _channel = Channel.CreateBounded<(long, MemoryStore)>(new BoundedChannelOptions(_options.Capacity) { FullMode = BoundedChannelFullMode.Wait });
        _senders = [.. Enumerable.Range(0, _options.MaxConcurrency).Select(_ => Task.Run(SendAsync))];
    }

    /// <summary>How many stores are queued or being sent.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>How many stores wait in the queue, not yet taken by a sender.</summary>
    internal int Waiting => _channel.Reader.Count;

    /// <summary>Waits until every store queued before this call has been sent, or has failed for good.</summary>
    /// <param name="cancellationToken">Stops the wait (the stores go on).</param>
    /// <returns>A task that completes when they are done.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var through = _sequence;
            if (_pending.Count == 0 || _pending.Min > through)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushes.Add((through, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Queues a store; false, counted and logged when the queue is full or disposed.</summary>
    internal bool Enqueue(MemoryStore store)
    {
        long sequence;
        lock (_gate)
        {
            if (_disposed != 0)
            {
                Count("lost");
                Log.StoreLost(_logger, 1);
                return false;
            }

            if (!_recent.Add(store))
            {
                Count("duplicate");
                return true;
            }

            Remember(store);
            sequence = ++_sequence;
            _pending.Add(sequence);
        }

        if (_channel.Writer.TryWrite((sequence, store)))
        {
            return true;
        }

        lock (_gate)
        {
            // Not sent, so not a duplicate if the same store comes again.
            _recent.Remove(store);
        }

        Completed(sequence);
        Count("dropped");
        Log.StoreDropped(_logger, _options.Capacity);
        return false;
    }

    /// <summary>Stops taking stores and sends what is pending, for at most <see cref="MieltoMemoryWriterOptions.DrainTimeout"/>.</summary>
    /// <returns>A task that completes when the queue is drained or the deadline has passed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _channel.Writer.TryComplete();
        var drained = Task.WhenAll(_senders);
        try
        {
            await drained.WaitAsync(_options.DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var lost = Pending;
            await _stopping.CancelAsync().ConfigureAwait(false);
            await drained.ConfigureAwait(false);
            Count("lost", lost);
            Log.StoreLost(_logger, lost);
        }

        _stopping.Dispose();
    }

    /// <summary>As <see cref="DisposeAsync"/>, waiting for it.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task SendAsync()
    {
        while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_channel.Reader.TryRead(out var item))
            {
                if (_stopping.IsCancellationRequested)
                {
                    Completed(item.Sequence);
                    continue;
                }

                try
                {
                    await item.Store.SendAsync(_memories, _stopping.Token).ConfigureAwait(false);
                    Count("sent");
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    // Lost at disposal's deadline: counted there, with the others still pending.
                }
                catch (Exception error) when (error is MieltoException or ArgumentException)
                {
                    Count("failed");
                    Log.StoreFailed(_logger, error);
                }
                finally
                {
                    Completed(item.Sequence);
                }
            }
        }
    }

    private void Completed(long sequence)
    {
        lock (_gate)
        {
            _pending.Remove(sequence);
            var first = _pending.Count == 0 ? long.MaxValue : _pending.Min;
            for (var i = _flushes.Count - 1; i >= 0; i--)
            {
                if (_flushes[i].Through < first)
                {
                    _flushes[i].Done.TrySetResult();
                    _flushes.RemoveAt(i);
                }
            }
        }
    }

    private void Remember(MemoryStore key)
    {
        _recentOrder.Enqueue(key);
        if (_recentOrder.Count > RecentKeys)
        {
            _recent.Remove(_recentOrder.Dequeue());
        }
    }

    private static void Count(string outcome, long count = 1) => Stores.Add(count, new KeyValuePair<string, object?>("mielto.outcome", outcome));
}

using Microsoft.Extensions.Logging;
using Mielto.Client.Diagnostics;
using Mielto.Client.Http;

namespace Mielto.Client.Bulk;

/// <summary>
/// Erases every memory of one user: lists the user's memories and deletes each, with <c>user_id</c> set, at a pace
/// the server allows, overlapping listing and deleting. It does not trust a cursor to stay valid while the list
/// shrinks: it lists again from the start until a listing finds nothing it has not already tried. A memory the
/// listing shows for another user is never deleted.
/// </summary>
internal sealed class UserErasure(IMemoriesClient memories, ILogger logger, TimeProvider clock)
{
    private const int PageSize = 100;

    public async Task<MemoryEraseResult> RunAsync(string userId, MemoryEraseOptions options, CancellationToken cancellationToken)
    {
        var run = new Run(userId, options, new ErasePacer(options.MaxConcurrency, clock), new EraseTally(options.Progress));

        // Every call of this erasure (listings, deletes and their retries) tells the pacer of a 429.
        RateLimitSignal.Observer = run.Pacer;
        using var reporting = clock.CreateTimer(_ => run.Tally.Report(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        try
        {
            while (await PassAsync(run, cancellationToken).ConfigureAwait(false) != 0)
            {
                // Listed again from the start: what was deleted is gone, and a cursor may not have survived.
            }
        }
        finally
        {
            // On cancellation or a failed listing, the deletes in flight end (their token is the caller's) before this does.
            await Task.WhenAll(run.Deletes).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            RateLimitSignal.Observer = null;
        }

        run.Tally.Report();
        return run.Tally.Result();
    }

    /// <summary>Lists the user's memories from the start and deletes each not tried before; returns how many that was.</summary>
    private async Task<int> PassAsync(Run run, CancellationToken cancellationToken)
    {
        var fresh = 0;
        try
        {
            await foreach (var memory in memories.ListAllAsync(new MemoryListOptions { UserId = run.UserId, Limit = PageSize }, run.Options.WorkspaceId, cancellationToken).ConfigureAwait(false))
            {
                if (!string.Equals(memory.UserId, run.UserId, StringComparison.Ordinal))
                {
                    if (run.Foreign.Add(memory.MemoryId))
                    {
                        run.Tally.Skipped();
                        Log.ForeignMemorySkipped(logger, memory.MemoryId, run.UserId);
                    }
                }
                else if (run.Tried.Add(memory.MemoryId))
                {
                    fresh++;
                    run.Tally.Found();
                    await run.Pacer.EnterAsync(cancellationToken).ConfigureAwait(false);
                    run.Start(DeleteAsync(memory.MemoryId, run, cancellationToken));
                }
            }
        }
        catch (MieltoRateLimitException limited)
        {
            // A listing still refused after the SDK's retries: wait as asked, and list again from the start.
            run.Pacer.OnRateLimited(limited.RetryAfter);
            await run.Pacer.PauseAsync(cancellationToken).ConfigureAwait(false);
            fresh = -1;
        }

        await Task.WhenAll(run.Deletes).ConfigureAwait(false);
        run.Deletes.Clear();
        return fresh;
    }

    /// <summary>Deletes one memory: gone, already gone, or failed; a 429 that outlasts the SDK's retries is paced and tried again.</summary>
    private async Task DeleteAsync(string memoryId, Run run, CancellationToken cancellationToken)
    {
        var (pacer, tally) = (run.Pacer, run.Tally);
        var succeeded = false;
        try
        {
            while (true)
            {
                try
                {
                    await memories.DeleteAsync(memoryId, run.UserId, run.Options.WorkspaceId, cancellationToken).ConfigureAwait(false);
                    tally.Deleted();
                    succeeded = true;
                    return;
                }
                catch (MemoryNotFoundException)
                {
                    tally.AlreadyGone();
                    succeeded = true;
                    return;
                }
                catch (MieltoRateLimitException limited)
                {
                    pacer.OnRateLimited(limited.RetryAfter);
                    await pacer.PauseAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is MieltoException or ArgumentException)
                {
                    // An id the server listed that cannot be sent is a failure of that memory, not of the erasure.
                    tally.Failed(memoryId, error);
                    return;
                }
            }
        }
        finally
        {
            pacer.Exit(succeeded);
        }
    }

    /// <summary>The state of one erasure.</summary>
    private sealed record Run(string UserId, MemoryEraseOptions Options, ErasePacer Pacer, EraseTally Tally)
    {
        /// <summary>The ids of the user's memories already tried, whatever came of it.</summary>
        public HashSet<string> Tried { get; } = new(StringComparer.Ordinal);

        /// <summary>The ids listed for the user that belong to someone else.</summary>
        public HashSet<string> Foreign { get; } = new(StringComparer.Ordinal);

        /// <summary>The deletes of the current pass.</summary>
        public List<Task> Deletes { get; } = [];

        public void Start(Task delete)
        {
            Deletes.Add(delete);

            // No more than a few times the concurrency are kept, so that a large erasure holds no task per memory.
            if (Deletes.Count > 4 * Options.MaxConcurrency)
            {
                Deletes.RemoveAll(d => d.IsCompleted);
            }
        }
    }
}

using System.Net;
using Mielto.Client.Testing;

namespace Mielto.Client.Sample;

/// <summary>Walks through the SDK's behaviour against the embedded stand-in, one step at a time.</summary>
internal sealed class DemoRunner(IMemoriesClient memories, MieltoTestServer standIn, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        output.WriteLine($"Running against the embedded Mielto stand-in at {standIn.BaseAddress} (no API key is configured).");
        output.WriteLine("To use the real API, set an API key (environment variable MIELTO__APIKEY, or");
        output.WriteLine("`dotnet user-secrets set Mielto:ApiKey <key> --project samples/Mielto.Client.Sample`) and run `delete <memoryId>`.");
        output.WriteLine();

        await Step("1. Delete a memory with DeleteAsync", DeleteAsync, cancellationToken);
        await Step("2. Delete the same memory again", DeleteAgainAsync, cancellationToken);
        await Step("3. DeleteIfExistsAsync on a memory that is already gone", DeleteIfExistsAsync, cancellationToken);
        await Step("4. Delete another user's memory", DeleteOthersAsync, cancellationToken);
        await Step("5. A transient 503, retried by the SDK", DeleteThroughRetryAsync, cancellationToken);
        await Step("6. A validation error", DeleteInvalidAsync, cancellationToken);

        output.WriteLine();
        output.WriteLine($"Left in the stand-in: {string.Join(", ", standIn.Memories.Select(m => m.MemoryId))}.");
        return ExitCodes.Success;
    }

    private async Task<string> DeleteAsync(CancellationToken cancellationToken)
    {
        var deleted = await memories.DeleteAsync("mem_tea", userId: DemoData.Ada, cancellationToken: cancellationToken);
        return $"deleted {deleted.MemoryId}: \"{deleted.Message}\"";
    }

    private async Task<string> DeleteAgainAsync(CancellationToken cancellationToken)
    {
        try
        {
            await memories.DeleteAsync("mem_tea", userId: DemoData.Ada, cancellationToken: cancellationToken);
            return "unexpectedly deleted twice";
        }
        catch (MemoryNotFoundException notFound)
        {
            return $"MemoryNotFoundException ({(int)notFound.StatusCode}): \"{notFound.Detail}\", handled";
        }
    }

    private async Task<string> DeleteIfExistsAsync(CancellationToken cancellationToken)
    {
        var deleted = await memories.DeleteIfExistsAsync("mem_tea", userId: DemoData.Ada, cancellationToken: cancellationToken);
        return $"returned {(deleted ? "true" : "false")}: nothing to delete, and no exception";
    }

    private async Task<string> DeleteOthersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await memories.DeleteAsync("mem_bob_dog", userId: DemoData.Ada, cancellationToken: cancellationToken);
            return "unexpectedly deleted";
        }
        catch (MieltoPermissionException denied)
        {
            return $"MieltoPermissionException ({(int)denied.StatusCode}): \"{denied.Detail}\"; Bob's memory is kept";
        }
    }

    private async Task<string> DeleteThroughRetryAsync(CancellationToken cancellationToken)
    {
        standIn.FailNext(1, HttpStatusCode.ServiceUnavailable);
        var before = standIn.Requests.Count;
        var deleted = await memories.DeleteAsync("mem_retry", userId: DemoData.Ada, cancellationToken: cancellationToken);
        var statuses = string.Join(", ", standIn.Requests.Skip(before).Select(r => r.StatusCode));
        return $"deleted {deleted.MemoryId} after the server answered {statuses}";
    }

    private async Task<string> DeleteInvalidAsync(CancellationToken cancellationToken)
    {
        try
        {
            await memories.DeleteAsync(new string('x', 300), cancellationToken: cancellationToken);
            return "unexpectedly accepted";
        }
        catch (MemoryValidationException invalid)
        {
            var fields = string.Join("; ", invalid.Errors.Select(e => $"{string.Join('.', e.Location)}: {e.Message} ({e.Type})"));
            return $"MemoryValidationException ({(int)invalid.StatusCode}): {fields}";
        }
    }

    private async Task Step(string title, Func<CancellationToken, Task<string>> action, CancellationToken cancellationToken)
    {
        output.WriteLine(title);
        output.WriteLine("   -> " + await action(cancellationToken));
    }
}

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

        await Step("1. Delete a memory with DeleteAsync", async () =>
        {
            var deleted = await memories.DeleteAsync("mem_tea", userId: DemoData.Ada, cancellationToken: cancellationToken);
            return $"deleted {deleted.MemoryId}: \"{deleted.Message}\"";
        });

        await Step("2. Delete the same memory again", async () =>
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
        });

        await Step("3. DeleteIfExistsAsync on a memory that is already gone", async () =>
        {
            var deleted = await memories.DeleteIfExistsAsync("mem_tea", userId: DemoData.Ada, cancellationToken: cancellationToken);
            return $"returned {deleted.ToString().ToLowerInvariant()}: nothing to delete, and no exception";
        });

        await Step("4. Delete another user's memory", async () =>
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
        });

        await Step("5. A transient 503, retried by the SDK", async () =>
        {
            standIn.FailNext(1, HttpStatusCode.ServiceUnavailable);
            var before = standIn.Requests.Count;
            var deleted = await memories.DeleteAsync("mem_retry", userId: DemoData.Ada, cancellationToken: cancellationToken);
            var statuses = string.Join(", ", standIn.Requests.Skip(before).Select(r => r.StatusCode));
            return $"deleted {deleted.MemoryId} after the server answered {statuses}";
        });

        await Step("6. A validation error", async () =>
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
        });

        output.WriteLine();
        output.WriteLine($"Left in the stand-in: {string.Join(", ", standIn.Memories.Select(m => m.MemoryId))}.");
        return ExitCodes.Success;
    }

    private async Task Step(string title, Func<Task<string>> action)
    {
        output.WriteLine(title);
        output.WriteLine("   -> " + await action());
    }
}

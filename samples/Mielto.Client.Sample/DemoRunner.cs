using System.Net;
using Mielto.Client.Testing;

namespace Mielto.Client.Sample;

/// <summary>Walks through the SDK's behaviour against the embedded stand-in, one step at a time.</summary>
internal sealed class DemoRunner(MieltoClient client, MieltoTestServer standIn, TextWriter output)
{
    private readonly IMemoriesClient _memories = client.Memories;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        output.WriteLine($"Running against the embedded Mielto stand-in at {standIn.BaseAddress} (no API key is configured).");
        output.WriteLine("To use the real API, set an API key (environment variable MIELTO__APIKEY, or");
        output.WriteLine("`dotnet user-secrets set Mielto:ApiKey <key> --project samples/Mielto.Client.Sample`) and run a command such as `list`; see --help.");
        output.WriteLine();

        await Step("1. Create a memory with CreateAsync", CreateAsync, cancellationToken);
        await Step("2. Search Ada's memories with SearchAsync", SearchAsync, cancellationToken);
        await Step("3. Change its topics with UpdateAsync (only what is set is sent)", UpdateAsync, cancellationToken);
        await Step("4. List Ada's memories, every page, with ListAllAsync", ListAsync, cancellationToken);
        await Step("5. Delete a memory with DeleteAsync", DeleteAsync, cancellationToken);
        await Step("6. Delete the same memory again", DeleteAgainAsync, cancellationToken);
        await Step("7. DeleteIfExistsAsync on a memory that is already gone", DeleteIfExistsAsync, cancellationToken);
        await Step("8. Delete another user's memory", DeleteOthersAsync, cancellationToken);
        await Step("9. A transient 503, retried by the SDK", DeleteThroughRetryAsync, cancellationToken);
        await Step("10. A validation error", DeleteInvalidAsync, cancellationToken);
        await Step("11. Upload a document to the handbook collection, and wait for its ingestion", UploadAsync, cancellationToken);
        await Step("12. Search the handbook collection", SearchKnowledgeAsync, cancellationToken);

        output.WriteLine();
        output.WriteLine($"Left in the stand-in: {string.Join(", ", standIn.Memories.Select(m => m.MemoryId))}.");
        return ExitCodes.Success;
    }

    private string? _created;

    private async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var created = await _memories.CreateAsync(
            new MemoryCreateRequest { UserId = DemoData.Ada, Content = "Ada takes her tea without sugar", Topics = ["drinks"] },
            cancellationToken: cancellationToken);
        _created = created.MemoryId;
        return $"created {created.MemoryId} at {created.Memory.CreatedAt:yyyy-MM-dd HH:mm:ss}Z";
    }

    private async Task<string> SearchAsync(CancellationToken cancellationToken)
    {
        var found = await _memories.SearchAsync(new MemorySearchRequest { Query = "tea", UserId = DemoData.Ada, Limit = 5 }, cancellationToken: cancellationToken);
        return $"{found.TotalResults} found for \"tea\": {string.Join(", ", found.Memories.Select(m => m.MemoryId))}";
    }

    private async Task<string> UpdateAsync(CancellationToken cancellationToken)
    {
        var updated = await _memories.UpdateAsync(_created!, new MemoryUpdateRequest { UserId = DemoData.Ada, Topics = ["drinks", "preferences"] }, cancellationToken: cancellationToken);
        return $"topics of {updated.MemoryId} now {string.Join(", ", updated.Memory.Topics ?? [])}; content unchanged: \"{updated.Memory.Content}\"";
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var memory in _memories.ListAllAsync(new MemoryListOptions { UserId = DemoData.Ada, Limit = 2, SortBy = "memory_id", SortOrder = MemorySortOrder.Ascending }, cancellationToken: cancellationToken))
        {
            ids.Add(memory.MemoryId);
        }

        return $"{ids.Count} memories in pages of 2: {string.Join(", ", ids)}";
    }

    private async Task<string> DeleteAsync(CancellationToken cancellationToken)
    {
        var deleted = await _memories.DeleteAsync("mem_tea", userId: DemoData.Ada, cancellationToken: cancellationToken);
        return $"deleted {deleted.MemoryId}: \"{deleted.Message}\"";
    }

    private async Task<string> DeleteAgainAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _memories.DeleteAsync("mem_tea", userId: DemoData.Ada, cancellationToken: cancellationToken);
            return "unexpectedly deleted twice";
        }
        catch (MemoryNotFoundException notFound)
        {
            return $"MemoryNotFoundException ({(int)notFound.StatusCode}): \"{notFound.Detail}\", handled";
        }
    }

    private async Task<string> DeleteIfExistsAsync(CancellationToken cancellationToken)
    {
        var deleted = await _memories.DeleteIfExistsAsync("mem_tea", userId: DemoData.Ada, cancellationToken: cancellationToken);
        return $"returned {(deleted ? "true" : "false")}: nothing to delete, and no exception";
    }

    private async Task<string> DeleteOthersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _memories.DeleteAsync("mem_bob_dog", userId: DemoData.Ada, cancellationToken: cancellationToken);
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
        var deleted = await _memories.DeleteAsync("mem_retry", userId: DemoData.Ada, cancellationToken: cancellationToken);
        var statuses = string.Join(", ", standIn.Requests.Skip(before).Select(r => r.StatusCode));
        return $"deleted {deleted.MemoryId} after the server answered {statuses}";
    }

    private async Task<string> DeleteInvalidAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _memories.DeleteAsync(new string('x', 300), cancellationToken: cancellationToken);
            return "unexpectedly accepted";
        }
        catch (MemoryValidationException invalid)
        {
            var fields = string.Join("; ", invalid.Errors.Select(e => $"{string.Join('.', e.Location)}: {e.Message} ({e.Type})"));
            return $"MemoryValidationException ({(int)invalid.StatusCode}): {fields}";
        }
    }

    private async Task<string> UploadAsync(CancellationToken cancellationToken)
    {
        var uploaded = await client.Collections.UploadTextAsync(
            DemoData.Handbook, "Visitors sign in at the front desk and wear a badge.", new UploadOptions { Label = "visitors.md" }, cancellationToken: cancellationToken);
        var ingested = await client.Contents.WaitForIngestionAsync(uploaded.ContentIds, cancellationToken: cancellationToken);
        return $"uploaded {string.Join(", ", ingested.Select(c => $"{c.Name} ({c.Id}): ingestion {c.Status}"))}";
    }

    private async Task<string> SearchKnowledgeAsync(CancellationToken cancellationToken)
    {
        var found = await client.Collections.SearchAsync(new CollectionSearchRequest { CollectionId = DemoData.Handbook, Query = "visitors badge", K = 1 }, cancellationToken: cancellationToken);
        return $"best passage for \"visitors badge\": \"{found.Results[0].Content}\"";
    }

    private async Task Step(string title, Func<CancellationToken, Task<string>> action, CancellationToken cancellationToken)
    {
        output.WriteLine(title);
        output.WriteLine("   -> " + await action(cancellationToken));
    }
}

using Mielto.Client.Testing;

namespace Mielto.Client.Tests.StandIn;

/// <summary>docs/testing.md's stand-in example, run (the docs tests compile it), so that the example cannot rot.</summary>
public sealed class ForgetUserTests
{
    [Fact]
    public async Task Forgetting_a_user_deletes_their_memories_only()
    {
        await using var server = await MieltoTestServer.StartAsync();
        server.AddMemory("mem_1", userId: "user_42", content: "likes tea");
        server.AddMemory("mem_2", userId: "user_7");
        using var client = server.CreateClient(o => o.RetryDelay = TimeSpan.FromMilliseconds(1));

        await new ForgetUser(client.Memories).RunAsync("user_42", ["mem_1"]);   // your code

        Assert.Equal(["mem_2"], server.Memories.Select(m => m.MemoryId));
        Assert.Equal("?user_id=user_42", Assert.Single(server.Requests).RawQuery);
    }

    /// <summary>The "your code" of the example: deletes a user's memories, tolerating ones already gone.</summary>
    private sealed class ForgetUser(IMemoriesClient memories)
    {
        public async Task RunAsync(string userId, IEnumerable<string> memoryIds)
        {
            foreach (var memoryId in memoryIds)
            {
                await memories.DeleteIfExistsAsync(memoryId, userId);
            }
        }
    }
}

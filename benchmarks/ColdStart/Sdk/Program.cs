using Mielto.Client;

// The SDK without dependency injection, from process start to the first completed call.
using var client = new MieltoClient(new MieltoClientOptions { BaseAddress = new Uri(args[0]), ApiKey = "mk_cold_start" });
var deleted = await client.Memories.DeleteAsync("mem_1");
Console.WriteLine(deleted.MemoryId);

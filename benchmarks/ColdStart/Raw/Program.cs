using System.Net.Http.Headers;
using System.Text.Json;
using ColdStart.Raw;

// The baseline: a hand-written delete, from process start to the first completed call.
using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
using var request = new HttpRequestMessage(HttpMethod.Delete, "api/v1/memories/mem_1");
request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "mk_cold_start");
using var response = await http.SendAsync(request);
response.EnsureSuccessStatusCode();
await using var stream = await response.Content.ReadAsStreamAsync();
var deleted = await JsonSerializer.DeserializeAsync(stream, ColdJson.Default.Deleted);
Console.WriteLine(deleted!.MemoryId);

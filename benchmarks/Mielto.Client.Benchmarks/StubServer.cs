using System.Globalization;
using System.Text;

namespace Mielto.Client.Benchmarks;

/// <summary>
/// The benchmarks' server, run as a process of its own (<c>serve</c>) so that its allocations and CPU are not counted
/// as the client's: Kestrel on 127.0.0.1 with a fixed answer per operation. A listing has <c>memories</c> memories
/// in pages of 100, the cursor being the page number.
/// </summary>
internal static class StubServer
{
    public const int PageSize = 100;

    private static readonly byte[] Created = Encoding.UTF8.GetBytes($$"""{"memory_id":"mem_0123456789","message":"Memory created successfully","memory":{{Memory(0)}}}""");
    private static readonly byte[] Found = Encoding.UTF8.GetBytes($$"""{"memories":[{{string.Join(",", Enumerable.Range(0, 100).Select(Memory))}}],"total_results":100,"query":"tea","retrieval_method":"agentic"}""");

    /// <summary>Serves until standard input closes; the first line written is the address.</summary>
    public static async Task<int> RunAsync(int memories)
    {
        var pages = Math.Max(1, (memories + PageSize - 1) / PageSize);
        var pageBodies = new Dictionary<int, byte[]>();
        byte[] Page(int page)
        {
            lock (pageBodies)
            {
                // Each page's body is made once: the server's own cost stays small and the same for both sides.
                if (!pageBodies.TryGetValue(page % 50, out var body))
                {
                    var items = string.Join(",", Enumerable.Range(page * PageSize, PageSize).Select(Memory));
                    body = Encoding.UTF8.GetBytes($$"""{"memories":[{{items}}],"total_count":100,"next_cursor":"CURSOR","has_more":true}""");
                    pageBodies[page % 50] = body;
                }

                var next = page + 1 < pages ? $"\"{(page + 1).ToString(CultureInfo.InvariantCulture)}\"" : "null";
                return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"CURSOR\"", next, StringComparison.Ordinal).Replace("\"has_more\":true", page + 1 < pages ? "\"has_more\":true" : "\"has_more\":false", StringComparison.Ordinal));
            }
        }

        await using var server = await MinimalServer.StartAsync(request => (request.Method, request.Path.Value) switch
        {
            ("POST", "/api/v1/memories") => Created,
            ("POST", "/api/v1/memories/search") => Found,
            ("GET", "/api/v1/memories") => Page(int.TryParse(request.Query["cursor"], CultureInfo.InvariantCulture, out var page) ? page : 0),
            _ => Canned.Body,
        });
        Console.WriteLine(server.BaseAddress);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private static string Memory(int i) =>
        $$$"""{"memory_id":"mem_{{{i:D10}}}","user_id":"user_bench","memory":"Memory number {{{i}}}: the user prefers green tea in the morning and coffee after lunch.","topics":["preferences","drinks"],"created_at":"2026-01-02T03:04:05.123456","updated_at":"2026-01-02T03:04:05.123456","metadata":{"source":"chat","n":{{{i}}}}}""";
}

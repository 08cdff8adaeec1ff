using Mielto.Client.Testing;

namespace Mielto.Client.Sample;

/// <summary>The memories, and the knowledge collection, the embedded stand-in starts with.</summary>
internal static class DemoData
{
    public const string Ada = "user_ada";
    public const string Bob = "user_bob";
    public const string Handbook = "col_handbook";

    public static void Seed(MieltoTestServer server)
    {
        server.AddMemory("mem_tea", Ada, content: "Ada prefers green tea in the morning", topics: ["preferences", "drinks"]);
        server.AddMemory("mem_paris", Ada, content: "Ada is planning a trip to Paris in May", topics: ["travel"]);
        server.AddMemory("mem_bob_dog", Bob, content: "Bob has a dog called Pixel", topics: ["pets"]);
        server.AddMemory("mem_retry", Ada, content: "Ada's standing desk is 110 cm high", topics: ["work"]);
        server.AddCollection(Handbook, "Team handbook");
        server.AddChunk(Handbook, "Brew green tea at 80 degrees for two minutes.", source: "kitchen.md");
        server.AddChunk(Handbook, "Expenses are filed by the fifth of each month.", source: "finance.md");
    }
}

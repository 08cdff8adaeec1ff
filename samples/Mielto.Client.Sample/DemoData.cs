using Mielto.Client.Testing;

namespace Mielto.Client.Sample;

/// <summary>The memories the embedded stand-in starts with.</summary>
internal static class DemoData
{
    public const string Ada = "user_ada";
    public const string Bob = "user_bob";

    public static void Seed(MieltoTestServer server)
    {
        server.AddMemory("mem_tea", Ada, content: "Ada prefers green tea in the morning", topics: ["preferences", "drinks"]);
        server.AddMemory("mem_paris", Ada, content: "Ada is planning a trip to Paris in May", topics: ["travel"]);
        server.AddMemory("mem_bob_dog", Bob, content: "Bob has a dog called Pixel", topics: ["pets"]);
        server.AddMemory("mem_retry", Ada, content: "Ada's standing desk is 110 cm high", topics: ["work"]);
    }
}

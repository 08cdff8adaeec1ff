namespace Mielto.Client.Benchmarks;

/// <summary>The response every benchmark transport returns.</summary>
public static class Canned
{
    public const string ApiKey = "mk_bench_0123456789abcdef";
    public const string MemoryId = "mem_0123456789";

    public static readonly byte[] Body = """{"memory_id":"mem_0123456789","message":"Memory deleted successfully"}"""u8.ToArray();
}

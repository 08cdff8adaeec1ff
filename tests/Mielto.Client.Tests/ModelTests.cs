using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client.Tests;

/// <summary>Your own source-generated context, as an AOT app would declare one for the SDK's models.</summary>
[JsonSerializable(typeof(MemoryCreateRequest))]
[JsonSerializable(typeof(MemorySearchResponse))]
internal sealed partial class UserJsonContext : JsonSerializerContext;

/// <summary>The models and extensible values as values: equality, conversions, and JSON in any context.</summary>
public sealed class ModelTests
{
    [Fact]
    public void Extensible_values_compare_by_text_ignoring_case_and_convert_from_strings()
    {
        MemoryType fromString = "AGENT";
        RetrievalMethod custom = "future_method";

        Assert.Equal(MemoryType.Agent, fromString);
        Assert.True(MemoryType.Agent == new MemoryType("agent"));
        Assert.True(MemoryType.User != MemoryType.Team);
        Assert.Equal(MemoryType.Agent.GetHashCode(), fromString.GetHashCode());
        Assert.Equal("AGENT", fromString.ToString());
        Assert.Equal("future_method", custom.ToString());
        Assert.Equal(string.Empty, default(MemoryType).ToString());
        Assert.Throws<ArgumentNullException>(() => new RetrievalMethod(null!));
        Assert.Equal(
            ["agentic", "agentic_vector", "agentic_hybrid", "agentic_keyword", "vector", "hybrid", "keyword", "last_n", "first_n"],
            new[] { RetrievalMethod.Agentic, RetrievalMethod.AgenticVector, RetrievalMethod.AgenticHybrid, RetrievalMethod.AgenticKeyword, RetrievalMethod.Vector, RetrievalMethod.Hybrid, RetrievalMethod.Keyword, RetrievalMethod.LastN, RetrievalMethod.FirstN }.Select(m => m.ToString()));
        Assert.Equal(["user", "agent", "team", "workflow"], new[] { MemoryType.User, MemoryType.Agent, MemoryType.Team, MemoryType.Workflow }.Select(t => t.ToString()));
    }

    [Fact]
    public void Models_serialize_as_the_APIs_objects_in_a_source_generated_context_of_your_own()
    {
        var request = new MemoryCreateRequest { UserId = "u", Content = "c", MemoryType = MemoryType.Workflow };

        var json = JsonSerializer.Serialize(request, UserJsonContext.Default.MemoryCreateRequest);
        var found = JsonSerializer.Deserialize("""{"memories":[],"total_results":0,"query":"q","retrieval_method":"last_n"}""", UserJsonContext.Default.MemorySearchResponse)!;

        Assert.Equal("""{"user_id":"u","memory":"c","memory_type":"workflow","topics":null,"metadata":null}""", json);
        Assert.Equal(RetrievalMethod.LastN, found.RetrievalMethod);
    }
}

using System.Text.Json.Serialization;

namespace Mielto.Client.Sample;

/// <summary>The tool's JSON output: the SDK's models, which serialize as the API's own snake_case objects.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Memory))]
[JsonSerializable(typeof(MemoryCreateResponse))]
[JsonSerializable(typeof(MemorySearchResponse))]
[JsonSerializable(typeof(MemoryUpdateResponse))]
[JsonSerializable(typeof(MemoryReplaceResponse))]
[JsonSerializable(typeof(Dictionary<string, System.Text.Json.JsonElement>))]
internal sealed partial class SampleJson : JsonSerializerContext;

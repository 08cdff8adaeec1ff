using System.Text.Json.Serialization;

namespace Mielto.Client.Http;

/// <summary>The source-generated JSON metadata for every type the SDK reads or writes.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(MemoryDeleteResponse))]
internal sealed partial class MieltoJsonContext : JsonSerializerContext;

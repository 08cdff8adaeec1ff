using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client.Sample;

/// <summary>
/// The tool's JSON output: the SDK's models, which serialize as the API's own snake_case objects. Every command writes
/// JSON in one style, the one <c>export-user</c> writes through the SDK: compact, with text as it is (<c>Ada's</c>,
/// not <c>Ada\u0027s</c>).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Memory))]
[JsonSerializable(typeof(MemoryCreateResponse))]
[JsonSerializable(typeof(MemorySearchResponse))]
[JsonSerializable(typeof(MemoryUpdateResponse))]
[JsonSerializable(typeof(MemoryReplaceResponse))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(Collection))]
[JsonSerializable(typeof(CollectionDeleteResult))]
[JsonSerializable(typeof(CollectionSearchResponse))]
[JsonSerializable(typeof(CollectionContent))]
[JsonSerializable(typeof(CollectionChunk))]
[JsonSerializable(typeof(UploadResult))]
[JsonSerializable(typeof(DirectoryUploadResult))]
[JsonSerializable(typeof(CompressResult))]
internal sealed partial class SampleJson : JsonSerializerContext
{
    /// <summary>The context every command writes with.</summary>
    public static SampleJson Output { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>The options of a writer that writes a document of the tool's own (a summary).</summary>
    public static JsonWriterOptions Writer { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

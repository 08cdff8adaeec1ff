using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mielto.Client.Json;
using Mielto.Client.Operations;

namespace Mielto.Client.Http;

/// <summary>
/// The source-generated JSON metadata for every type the SDK reads or writes: snake_case names from the models'
/// attributes, unset (null) members left out, unknown members ignored, timestamps read as FastAPI writes them.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(TimestampConverter), typeof(EmbeddingConverter)])]
[JsonSerializable(typeof(MemoryDeleteResponse))]
[JsonSerializable(typeof(Memory))]
[JsonSerializable(typeof(MemoryCreateRequest))]
[JsonSerializable(typeof(MemoryCreateResponse))]
[JsonSerializable(typeof(MemoryListWire))]
[JsonSerializable(typeof(MemoryListRawWire))]
[JsonSerializable(typeof(MemorySearchRequest))]
[JsonSerializable(typeof(MemorySearchResponse))]
[JsonSerializable(typeof(MemoryUpdateRequest))]
[JsonSerializable(typeof(MemoryUpdateResponse))]
[JsonSerializable(typeof(MemoryReplaceRequest))]
[JsonSerializable(typeof(MemoryReplaceResponse))]
[JsonSerializable(typeof(IReadOnlyList<Memory>))]
[JsonSerializable(typeof(MemoryFromMessagesRequest))]
[JsonSerializable(typeof(FromMessagesWire))]
[JsonSerializable(typeof(ChunkListWire))]
[JsonSerializable(typeof(MemoryProfile))]
[JsonSerializable(typeof(Collection))]
[JsonSerializable(typeof(CollectionCreateRequest))]
[JsonSerializable(typeof(CollectionUpdateRequest))]
[JsonSerializable(typeof(CollectionListWire))]
[JsonSerializable(typeof(CollectionDeleteResult))]
[JsonSerializable(typeof(CollectionSearchRequest))]
[JsonSerializable(typeof(CollectionSearchResponse))]
[JsonSerializable(typeof(CollectionContent))]
[JsonSerializable(typeof(ContentListWire))]
[JsonSerializable(typeof(ContentUpdateRequest))]
[JsonSerializable(typeof(ContentIds))]
[JsonSerializable(typeof(ContentDeleteManyResult))]
[JsonSerializable(typeof(CollectionChunkListWire))]
[JsonSerializable(typeof(UploadWire))]
[JsonSerializable(typeof(UploadResultWire))]
[JsonSerializable(typeof(ReaderConfiguration))]
[JsonSerializable(typeof(ChunkCreationWire))]
[JsonSerializable(typeof(ChunkCreationResult))]
[JsonSerializable(typeof(CompressWire))]
[JsonSerializable(typeof(CompressResult))]
[JsonSerializable(typeof(CompressMessage))]
[JsonSerializable(typeof(ChatWire.Completion))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
internal sealed partial class MieltoJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the SDK sends and reads with: as <see cref="JsonSerializerContext"/>'s default, but writing
    /// non-ASCII text as UTF-8 rather than as <c>\uXXXX</c> escapes (the same JSON strings, in fewer bytes).
    /// </summary>
    /// <remarks>Made on first use: the generated <see cref="Default"/>, in another part of this class, may not exist before.</remarks>
    public static MieltoJsonContext Wire => s_wire ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static MieltoJsonContext? s_wire;
}

using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mielto.Client.Json;

namespace Mielto.Client;

/// <summary>
/// Reads and writes the SDK's extensible values (<see cref="MemoryType"/>, <see cref="RetrievalMethod"/>) as their
/// JSON strings. The values name it in their <see cref="JsonConverterAttribute"/>, so that System.Text.Json uses it
/// in any context, a source-generated one of your own included; there is no need to use it directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ExtensibleValueJsonConverter : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert == typeof(MemoryType) || typeToConvert == typeof(RetrievalMethod) || typeToConvert == typeof(CollectionStatus)
        || typeToConvert == typeof(CollectionVisibility) || typeToConvert == typeof(CollectionStoreType) || typeToConvert == typeof(CollectionSearchType)
        || typeToConvert == typeof(ContentStatus) || typeToConvert == typeof(UploadStatus);

    /// <inheritdoc/>
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(MemoryType) ? new ExtensibleValueConverter<MemoryType>()
        : typeToConvert == typeof(RetrievalMethod) ? new ExtensibleValueConverter<RetrievalMethod>()
        : typeToConvert == typeof(CollectionStatus) ? new ExtensibleValueConverter<CollectionStatus>()
        : typeToConvert == typeof(CollectionVisibility) ? new ExtensibleValueConverter<CollectionVisibility>()
        : typeToConvert == typeof(CollectionStoreType) ? new ExtensibleValueConverter<CollectionStoreType>()
        : typeToConvert == typeof(CollectionSearchType) ? new ExtensibleValueConverter<CollectionSearchType>()
        : typeToConvert == typeof(ContentStatus) ? new ExtensibleValueConverter<ContentStatus>()
        : typeToConvert == typeof(UploadStatus) ? new ExtensibleValueConverter<UploadStatus>()
        : null;
}

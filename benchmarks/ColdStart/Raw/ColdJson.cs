using System.Text.Json.Serialization;

namespace ColdStart.Raw;

/// <summary>The hand-written program's source-generated JSON metadata.</summary>
[JsonSerializable(typeof(Deleted))]
internal sealed partial class ColdJson : JsonSerializerContext;

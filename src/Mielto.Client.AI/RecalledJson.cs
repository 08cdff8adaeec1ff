using System.Text.Json.Serialization;

namespace Mielto.Client.AI;

/// <summary>
/// The JSON of recalled memories, source-generated (trimming and AOT stay clean), with the default encoder: it escapes
/// quotes, line breaks and the characters of markup (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>), so that a memory cannot
/// end its line or write a tag.
/// </summary>
[JsonSerializable(typeof(string))]
internal sealed partial class RecalledJson : JsonSerializerContext;

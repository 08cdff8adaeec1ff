using System.Text.Json.Serialization;
using Mielto.Client.AI;

namespace Mielto.Client.Agents;

/// <summary>The JSON of the provider's session state, source-generated so that trimming and AOT stay clean.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MieltoMemoryScope))]
internal sealed partial class AgentsJson : JsonSerializerContext;

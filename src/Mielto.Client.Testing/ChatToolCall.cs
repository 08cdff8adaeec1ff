namespace Mielto.Client.Testing;

/// <summary>A call of a tool the request offered, with its arguments as a JSON string.</summary>
internal sealed record ChatToolCall(string Id, string Name, string Arguments);

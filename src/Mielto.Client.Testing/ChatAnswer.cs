namespace Mielto.Client.Testing;

/// <summary>What the stand-in's chat answers: a text, or a call of a tool.</summary>
internal sealed record ChatAnswer(string? Text, ChatToolCall? Call);

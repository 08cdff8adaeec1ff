namespace Mielto.Client.Sample;

/// <summary>An argument the tool itself refuses (exit code 1).</summary>
internal sealed class UsageException(string message) : Exception(message);

namespace Mielto.Client.AI.Tools;

/// <summary>An argument a model gave that the tool cannot use; its message is written for the model.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message);

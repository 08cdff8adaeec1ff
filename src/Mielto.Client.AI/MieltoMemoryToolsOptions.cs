namespace Mielto.Client.AI;

/// <summary>What the memory tools may do, and how much they hand back to a model.</summary>
public sealed class MieltoMemoryToolsOptions
{
    /// <summary>Adds <c>delete_memory</c>, with which the model can delete the end user's memories. Off by default.</summary>
    public bool AllowDelete { get; set; }

    /// <summary>The most characters a tool returns to the model; longer results are cut, and say so. Defaults to 4,000.</summary>
    public int MaxResultCharacters { get; set; } = 4000;

    /// <summary>The memories <c>search_memories</c> returns when the model gives no limit. Defaults to 5.</summary>
    public int DefaultSearchLimit { get; set; } = 5;

    /// <summary>The memories <c>list_memories</c> returns when the model gives no limit, newest first. Defaults to 20.</summary>
    public int DefaultListLimit { get; set; } = 20;

    /// <summary>Copies the settings, so that tools built with them do not change if these do.</summary>
    internal MieltoMemoryToolsOptions Copy() => (MieltoMemoryToolsOptions)MemberwiseClone();
}

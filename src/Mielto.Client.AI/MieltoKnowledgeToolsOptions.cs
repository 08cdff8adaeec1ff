namespace Mielto.Client.AI;

/// <summary>What the knowledge tool returns.</summary>
public sealed class MieltoKnowledgeToolsOptions
{
    /// <summary>The most characters of a result handed to the model; passages that do not fit are left out. Defaults to 4,000.</summary>
    public int MaxResultCharacters { get; set; } = 4000;

    /// <summary>How many passages a search returns when the model does not say, 1 to 100. Defaults to 5.</summary>
    public int DefaultK { get; set; } = 5;

    internal MieltoKnowledgeToolsOptions Copy() => (MieltoKnowledgeToolsOptions)MemberwiseClone();
}

namespace Mielto.Client.Tests.Docs;

/// <summary>A fenced block of a doc page: where it is, its language, its text, and the snippet directive just before it.</summary>
/// <param name="Page">The page, relative to the repository's root, such as <c>docs/memories.md</c>.</param>
/// <param name="Line">The line of its opening fence.</param>
/// <param name="Language">The fence's language, such as <c>csharp</c> or <c>bash</c>.</param>
/// <param name="Text">What is between the fences.</param>
/// <param name="Directive">The text of a <c>&lt;!-- snippet: … --&gt;</c> comment on the line before the fence, or null.</param>
/// <param name="PageContext">The text of the page's <c>&lt;!-- snippet-context: … --&gt;</c> comment, or null.</param>
public sealed record DocBlock(string Page, int Line, string Language, string Text, string? Directive, string? PageContext)
{
    public override string ToString() => $"{Page}:{Line}";
}

namespace Mielto.Client.Tests.Docs;

/// <summary>Every C# block of README, CONTRIBUTING and <c>docs/</c> compiles as written; the quick start runs.</summary>
public sealed class SnippetTests
{
    public static TheoryData<string> CSharpBlocks() => [.. DocPages.Blocks.Where(b => b.Language is "csharp" or "cs").Select(b => b.ToString())];

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public async Task Every_CSharp_block_compiles_as_written_and_runs_where_it_says_so(string where)
    {
        var block = DocPages.Blocks.Single(b => string.Equals(b.ToString(), where, StringComparison.Ordinal));

        var (errors, image) = SnippetCompiler.Compile(block);

        Assert.True(errors.Count == 0, $"{where} does not compile:\n{string.Join('\n', errors)}\n\nas compiled:\n{SnippetCompiler.Source(block)}");
        if (SnippetCompiler.Directive(block).Flags.Contains("run"))
        {
            await SnippetCompiler.RunAsync(image!);
        }
    }

    public static TheoryData<string> JsonBlocks() => [.. DocPages.Blocks.Where(b => b.Language is "json").Select(b => b.ToString())];

    [Theory]
    [MemberData(nameof(JsonBlocks))]
    public void Every_JSON_block_is_JSON(string where)
    {
        var block = DocPages.Blocks.Single(b => string.Equals(b.ToString(), where, StringComparison.Ordinal));

        var error = Record.Exception(() => System.Text.Json.JsonDocument.Parse(block.Text).Dispose());

        Assert.True(error is null, $"{where} is not JSON: {error?.Message}");
    }

    [Fact]
    public void The_quick_start_runs_and_every_page_with_CSharp_has_its_blocks_found()
    {
        var blocks = DocPages.Blocks.Where(b => b.Language is "csharp").ToList();

        Assert.Contains(blocks, b => b.Page == "README.md" && SnippetCompiler.Directive(b).Flags.Contains("run"));
        Assert.All(["README.md", "docs/memories.md", "docs/ai.md", "docs/testing.md", "docs/configuration.md"], page => Assert.Contains(blocks, b => b.Page == page));
    }

    [Fact]
    public void A_block_that_does_not_compile_is_reported_with_its_page_and_line()
    {
        var broken = new DocBlock("docs/example.md", 12, "csharp", "IMemoriesClient memories = null!;", Directive: null, PageContext: null);
        var whole = broken with { Text = "using Mielto.Client;\nIMemoriesClient memories = null!;" };

        var (errors, _) = SnippetCompiler.Compile(broken);

        Assert.Contains(errors, e => e.Contains("docs/example.md(13,1)", StringComparison.Ordinal) && e.Contains("CS0246", StringComparison.Ordinal));
        Assert.Empty(SnippetCompiler.Compile(whole).Errors);
    }
}

using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mielto.Client.Tests.Docs;

/// <summary>
/// Compiles a doc page's C# block as a reader's project would: a program on its own, with the implicit usings of a
/// console project (or of an ASP.NET Core one), against the SDK's assemblies and what they depend on; and runs it
/// when its directive says <c>run</c>.
/// </summary>
public static partial class SnippetCompiler
{
    private static readonly string[] ConsoleUsings = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        .. ConsoleUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly string[] Flags = ["web", "run", "whole"];

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    /// <summary>What the directive asks: the flags before <c>|</c> (or alone), and the code to put before the block.</summary>
    public static (HashSet<string> Flags, string? Context) Directive(DocBlock block)
    {
        var directive = block.Directive ?? string.Empty;
        var bar = directive.IndexOf('|', StringComparison.Ordinal);
        var (flagText, code) = bar >= 0
            ? (directive[..bar], directive[(bar + 1)..].Trim())
            : directive.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => Flags.Contains(word, StringComparer.Ordinal)) ? (directive, string.Empty) : (string.Empty, directive);
        var flags = flagText.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var context = code.Length > 0 ? code : flags.Count > 0 && block.Directive is not null ? null : block.PageContext;
        return (flags, context);
    }

    /// <summary>The program the block makes: its usings and the context's first, then the context's declarations, then the block.</summary>
    public static string Source(DocBlock block)
    {
        var (_, context) = Directive(block);
        var usings = new StringBuilder();
        var declarations = context is null ? string.Empty : UsingDirective().Replace(context, match =>
        {
            usings.AppendLine(match.Value.Trim());
            return string.Empty;
        }).Trim();
        var lines = block.Text.Split('\n');
        var first = 0;
        while (first < lines.Length && (UsingDirective().IsMatch(lines[first]) || string.IsNullOrWhiteSpace(lines[first])))
        {
            usings.AppendLine(lines[first++]);
        }

        return $"{usings}\n{declarations}\n#line {block.Line + 1 + first} \"{block.Page}\"\n{string.Join('\n', lines[first..])}\n";
    }

    /// <summary>Compiles the block; returns its errors (empty when it compiles) and, when it does, the assembly's image.</summary>
    public static (IReadOnlyList<string> Errors, byte[]? Image) Compile(DocBlock block)
    {
        var (flags, _) = Directive(block);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var globalUsings = string.Concat((flags.Contains("web") ? WebUsings : ConsoleUsings).Select(name => $"global using global::{name};\n"));
        var compilation = CSharpCompilation.Create(
            "Snippet_" + block.Line,
            [CSharpSyntaxTree.ParseText(globalUsings, parse), CSharpSyntaxTree.ParseText(Source(block), parse, path: block.Page)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);

        // A block of type declarations only (a test class, say) has no program to run: that is not an error.
        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && !string.Equals(d.Id, "CS5001", StringComparison.Ordinal))
            .Select(d => d.ToString())
            .ToList();
        return (errors, errors.Count == 0 && result.Success ? image.ToArray() : null);
    }

    /// <summary>Runs a compiled block's program, in a context of its own that shares the SDK's loaded assemblies.</summary>
    public static async Task RunAsync(byte[] image)
    {
        var context = new AssemblyLoadContext("snippet", isCollectible: true);
        try
        {
            var entry = context.LoadFromStream(new MemoryStream(image)).EntryPoint ?? throw new InvalidOperationException("The snippet has no program to run.");
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            if (result is Task task)
            {
                await task;
            }
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            throw invocation.InnerException;
        }
        finally
        {
            context.Unload();
        }
    }

    private static MetadataReference[] LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in platform.Concat(local))
        {
            byName.TryAdd(Path.GetFileName(path), path);
        }

        var references = new List<MetadataReference>(byName.Count);
        foreach (var path in byName.Values)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
                if (reader.HasMetadata)
                {
                    references.Add(MetadataReference.CreateFromFile(path));
                }
            }
            catch (BadImageFormatException)
            {
                // A native library beside the managed ones: nothing to compile against.
            }
        }

        return [.. references];
    }

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?[A-Za-z_][\w.]*\s*;\s*$|using\s+[A-Za-z_][\w.]*\s*;", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UsingDirective();
}

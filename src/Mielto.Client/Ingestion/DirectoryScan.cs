using System.IO.Enumeration;

namespace Mielto.Client.Ingestion;

/// <summary>
/// The files of a folder that an upload takes, in a stable order: its own, and with <see cref="DirectoryUploadOptions.Recursive"/>
/// those below it, without what <see cref="DirectoryUploadOptions.Exclude"/>, git (with <see cref="DirectoryUploadOptions.UseGitIgnore"/>)
/// or hiding leaves out, with the extensions asked for. A folder left out is not walked; a linked folder is not followed.
/// </summary>
internal static class DirectoryScan
{
    /// <summary>A file found: its path, its path relative to the folder (with <c>/</c>), its size.</summary>
    public sealed record Found(string FullPath, string RelativePath, long Length);

    private static readonly EnumerationOptions Enumeration = new() { RecurseSubdirectories = false, AttributesToSkip = default, IgnoreInaccessible = true };

    public static List<Found> Find(string root, DirectoryUploadOptions options)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var extensions = options.Extensions is { Count: > 0 } wanted
            ? new HashSet<string>(wanted.Select(static e => e.StartsWith('.') ? e : "." + e), StringComparer.OrdinalIgnoreCase)
            : null;
        var rules = new List<IgnoreRules>();
        if (options.UseGitIgnore)
        {
            rules.AddRange(Above(root));
        }

        var found = new List<Found>();
        Walk(new Scan(root, options, extensions, IgnoreRules.Parse(root, options.Exclude ?? []), rules, found), root);
        found.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return found;
    }

    private static void Walk(Scan scan, string folder)
    {
        var own = scan.Options.UseGitIgnore && !string.Equals(folder, scan.Root, StringComparison.Ordinal) ? IgnoreRules.Load(folder) : null;
        if (own is not null)
        {
            scan.GitIgnores.Add(own);
        }

        // One pass over the folder's entries as the file system lists them: a name and a kind cost no call of their own,
        // a file's length one stat, a folder's link check one; no object is made per entry. A hidden entry is one whose
        // name starts with a dot, and on Windows also one marked hidden (which Windows lists for free).
        var entries = new FileSystemEnumerable<Entry>(
            folder,
            static (ref FileSystemEntry e) => e.IsDirectory
                ? new Entry(e.ToFullPath(), e.FileName.ToString(), true, OperatingSystem.IsWindows() && e.IsHidden, e.Attributes.HasFlag(FileAttributes.ReparsePoint), 0)
                : new Entry(e.ToFullPath(), e.FileName.ToString(), false, OperatingSystem.IsWindows() && e.IsHidden, false, e.Length),
            Enumeration);
        foreach (var entry in entries)
        {
            if (entry.Name is ".git" || (!scan.Options.IncludeHidden && (entry.Hidden || entry.Name.StartsWith('.'))) || scan.Ignored(entry.FullPath, entry.IsFolder))
            {
                continue;
            }

            if (!entry.IsFolder && (scan.Extensions is null || scan.Extensions.Contains(Path.GetExtension(entry.Name))))
            {
                scan.Files.Add(new Found(entry.FullPath, Relative(scan.Root, entry.FullPath), entry.Length));
            }
            else if (entry is { IsFolder: true, Link: false } && scan.Options.Recursive)
            {
                Walk(scan, entry.FullPath);
            }
        }

        if (own is not null)
        {
            scan.GitIgnores.RemoveAt(scan.GitIgnores.Count - 1);
        }
    }

    /// <summary>The rules of the folder's own <c>.gitignore</c> and of those above it, up to the root of its git repository (none above when it is in none).</summary>
    private static List<IgnoreRules> Above(string root)
    {
        var chain = new List<IgnoreRules>();
        for (var folder = new DirectoryInfo(root); folder is not null; folder = folder.Parent)
        {
            if (IgnoreRules.Load(folder.FullName) is { } rules)
            {
                chain.Insert(0, rules);
            }

            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return chain;
            }
        }

        return [.. chain.Where(r => string.Equals(r.BaseFolder, root, StringComparison.Ordinal))];
    }

    private static string Relative(string folder, string path) =>
        (path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == Path.DirectorySeparatorChar
            ? path[(folder.Length + 1)..]
            : Path.GetRelativePath(folder, path)).Replace('\\', '/');

    /// <summary>One walk: what it takes, and the <c>.gitignore</c> lists in force where it is, outermost first.</summary>
    private sealed record Scan(string Root, DirectoryUploadOptions Options, HashSet<string>? Extensions, IgnoreRules? Excluded, List<IgnoreRules> GitIgnores, List<Found> Files)
    {
        /// <summary>Left out by the caller's patterns, else by git's: the deepest list that speaks of the path decides, as in git.</summary>
        public bool Ignored(string fullPath, bool isFolder)
        {
            if (Excluded?.Decide(Relative(Root, fullPath), isFolder) is true)
            {
                return true;
            }

            for (var i = GitIgnores.Count - 1; i >= 0; i--)
            {
                if (GitIgnores[i].Decide(Relative(GitIgnores[i].BaseFolder, fullPath), isFolder) is { } decided)
                {
                    return decided;
                }
            }

            return false;
        }
    }

    /// <summary>An entry of a folder, as listed.</summary>
    private readonly record struct Entry(string FullPath, string Name, bool IsFolder, bool Hidden, bool Link, long Length);
}

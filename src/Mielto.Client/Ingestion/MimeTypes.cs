namespace Mielto.Client.Ingestion;

/// <summary>
/// The MIME type of a file to upload, as the official TypeScript SDK finds it: from its first bytes for the common
/// binary formats, else from its extension, else <c>application/octet-stream</c>.
/// </summary>
internal static class MimeTypes
{
    /// <summary>How many first bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 16;

    public const string Fallback = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".epub"] = "application/epub+zip",
        [".rtf"] = "application/rtf",
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".markdown"] = "text/markdown",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".xml"] = "application/xml",
        [".json"] = "application/json",
        [".jsonl"] = "application/jsonl",
        [".yaml"] = "application/yaml",
        [".yml"] = "application/yaml",
        [".csv"] = "text/csv",
        [".tsv"] = "text/tab-separated-values",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml",
        [".zip"] = "application/zip",
    };

    /// <summary>The type of a file named <paramref name="name"/> that starts with <paramref name="head"/>.</summary>
    public static string Detect(ReadOnlySpan<byte> head, string name)
    {
        var extension = Path.GetExtension(name);
        var byName = ByExtension.GetValueOrDefault(extension);
        return Magic(head) switch
        {
            // A ZIP or an OLE compound file is the container of several formats: its extension says which.
            "application/zip" or "application/x-cfb" when byName is not null => byName,
            { } found => found,
            null => byName ?? Fallback,
        };
    }

    private static string? Magic(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x47, 0x49, 0x46, 0x38, 0x37 or 0x39, 0x61, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        [0x50, 0x4B, 0x03, 0x04, ..] => "application/zip",
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => "application/x-cfb",
        [0x7B, 0x5C, 0x72, 0x74, 0x66, ..] => "application/rtf",
        [0x1F, 0x8B, ..] => "application/gzip",
        [_, _, _, _, 0x66, 0x74, 0x79, 0x70, ..] => "video/mp4",
        [0x49, 0x44, 0x33, ..] => "audio/mpeg",
        _ => null,
    };
}

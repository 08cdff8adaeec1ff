using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Mielto.Client.Testing;

/// <summary>
/// Uploads and later ingestion, after the route, the key and the workspace are checked: an upload as the official SDKs
/// send it (JSON, base64 files) or as the docs show it (multipart), answered in the SDKs' <c>UploadResponse</c> shape.
/// Each rule is listed with its source in the rules table of docs/testing.md.
/// </summary>
internal sealed class UploadApi(MieltoTestServerOptions options, CollectionStore store)
{
    public Task HandleAsync(MieltoOperation operation, Call call, byte[] body) =>
        operation is MieltoOperation.Upload ? UploadAsync(call, body) : CreateChunksAsync(call, body);

    private static UploadForm ReadJson(byte[] body, Problems problems)
    {
        using var json = JsonBody.Parse(body, problems);
        var form = new UploadForm(json.String("collection_id", required: true), json.String("content_type"), json.String("content"), json.Strings("urls"), json.String("label"), json.String("description"))
        {
            Ingest = json.Raw("ingest") is not { ValueKind: JsonValueKind.False },
        };

        if (json.Raw("files") is { ValueKind: JsonValueKind.Array } files)
        {
            foreach (var file in files.EnumerateArray())
            {
                var label = file.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "file";
                var type = file.TryGetProperty("mimetype", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                form.Files.Add(file.TryGetProperty("file", out var data) && data.ValueKind == JsonValueKind.String && data.TryGetBytesFromBase64(out var bytes)
                    ? new UploadedFile(label, type, bytes, null)
                    : new UploadedFile(label, type, [], $"The file '{label}' is not valid base64"));
            }
        }

        return form;
    }

    private static async Task<UploadForm> ReadMultipartAsync(byte[] body, string boundary)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var files = new List<UploadedFile>();
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } name)
            {
                continue;
            }

            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content).ConfigureAwait(false);
            if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
            {
                files.Add(new UploadedFile(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "file", section.ContentType, content.ToArray(), null));
            }
            else
            {
                (fields.TryGetValue(name, out var values) ? values : fields[name] = []).Add(Encoding.UTF8.GetString(content.ToArray()));
            }
        }

        string? Field(string name) => fields.TryGetValue(name, out var values) ? values[0] : null;
        var form = new UploadForm(Field("collection_id"), Field("content_type"), Field("content"), fields.GetValueOrDefault("urls"), Field("label"), Field("description"))
        {
            Ingest = !string.Equals(Field("ingest"), "false", StringComparison.OrdinalIgnoreCase),
        };
        form.Files.AddRange(files);
        return form;
    }

    private static string Kind(UploadForm form) => form.ContentType ?? (form.Content is not null ? "text" : form.Urls is { Count: > 0 } ? "url" : "file");

    private async Task UploadAsync(Call call, byte[] body)
    {
        var contentType = call.Context.Request.ContentType ?? string.Empty;
        UploadForm form;
        if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && MediaTypeHeaderValue.TryParse(contentType, out var media) && HeaderUtilities.RemoveQuotes(media.Boundary).Value is { Length: > 0 } boundary)
        {
            form = await ReadMultipartAsync(body, boundary).ConfigureAwait(false);
            if (form.CollectionId is null)
            {
                call.Problems.Missing(["body", "collection_id"]);
            }
        }
        else
        {
            form = ReadJson(body, call.Problems);
        }

        if (call.Problems.Any)
        {
            await call.InvalidAsync().ConfigureAwait(false);
            return;
        }

        if (store.Find(call.WorkspaceId, form.CollectionId!) is null)
        {
            await Answers.DetailAsync(call.Context, StatusCodes.Status403Forbidden, "Collection not found or not accessible").ConfigureAwait(false);
            return;
        }

        var kind = Kind(form);
        var items = Items(form, kind);
        if (items.Count == 0)
        {
            await Answers.DetailAsync(call.Context, StatusCodes.Status400BadRequest, $"Nothing to upload for content_type '{kind}'").ConfigureAwait(false);
            return;
        }

        var results = items.Select(item => Store(call, form, kind, item)).ToList();
        await Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer => WriteResult(writer, form.CollectionId!, kind, results)).ConfigureAwait(false);
    }

    /// <summary>What the upload holds, item by item: the files, the addresses, or the text.</summary>
    private static List<UploadedFile> Items(UploadForm form, string kind) => kind switch
    {
        "text" => form.Content is { } text && !string.IsNullOrWhiteSpace(text) ? [new(form.Label ?? "text", "text/plain", Encoding.UTF8.GetBytes(text), null)] : [],
        "url" => [.. (form.Urls ?? []).Select(url => new UploadedFile(url, "text/html", Encoding.UTF8.GetBytes($"The page at {url}."), null))],
        _ => form.Files,
    };

    private (UploadedFile Item, TestContent? Content, string? Error) Store(Call call, UploadForm form, string kind, UploadedFile item)
    {
        var error = item.Error ?? (item.Bytes.Length == 0 ? $"The file '{item.Label}' is empty" : null);
        if (error is not null)
        {
            return (item, null, error);
        }

        var now = options.TimeProvider.GetUtcNow();
        var content = new TestContent(
            "con_" + Guid.NewGuid().ToString("N")[..24],
            form.CollectionId!,
            call.WorkspaceId,
            item.Label,
            item.MimeType ?? "application/octet-stream",
            item.Bytes.Length,
            form.Ingest ? "processing" : "new",
            null,
            form.Description,
            now,
            now);
        store.Upload(content, Text(kind, item), form.Ingest);
        return (item, content, null);
    }

    /// <summary>The text the stand-in chunks: the bytes of a text item, else the item's name.</summary>
    private static string Text(string kind, UploadedFile item) =>
        kind is "text" or "url" || item.MimeType is { } type && (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal) || type.EndsWith("yaml", StringComparison.Ordinal))
            ? Encoding.UTF8.GetString(item.Bytes)
            : item.Label;

    private static void WriteResult(Utf8JsonWriter writer, string collectionId, string kind, List<(UploadedFile Item, TestContent? Content, string? Error)> results)
    {
        var failed = results.Count(r => r.Error is not null);
        writer.WriteString("status", failed == 0 ? "success" : failed == results.Count ? "failed" : "partial_success");
        writer.WriteString("collection_id", collectionId);
        writer.WriteString("content_type", kind);
        writer.WriteStartArray("contents");
        foreach (var (item, content, error) in results)
        {
            writer.WriteStartObject();
            if (content is not null)
            {
                writer.WriteString("id", content.Id);
            }

            writer.WriteString("name", item.Label);
            writer.WriteString("content_type", kind);
            writer.WriteString("status", content?.Status ?? "failed");
            writer.WriteString("type", item.MimeType);
            writer.WriteNumber("size", item.Bytes.Length);
            if (kind is "url")
            {
                writer.WriteString("url", item.Label);
            }

            if (error is not null)
            {
                writer.WriteString("error", error);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("total_uploads", results.Count);
        writer.WriteNumber("successful_uploads", results.Count - failed);
        writer.WriteNumber("failed_uploads", failed);
    }

    private Task CreateChunksAsync(Call call, byte[] body)
    {
        string? contentId;
        bool force;
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            contentId = json.String("content_id", required: true);
            force = json.Raw("force_rechunk") is { ValueKind: JsonValueKind.True };
        }

        if (call.Problems.Any)
        {
            return call.InvalidAsync();
        }

        if (store.Ingest(call.WorkspaceId, contentId!, force) is not { } chunks)
        {
            return Answers.DetailAsync(call.Context, StatusCodes.Status404NotFound, "Content not found");
        }

        return Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteString("status", "success");
            writer.WriteString("message", chunks == 0 ? "Content already has chunks; set force_rechunk to chunk it again" : "Chunk creation started");
            writer.WriteStartArray("content_ids_processed");
            writer.WriteStringValue(contentId);
            writer.WriteEndArray();
            writer.WriteStartArray("content_ids_failed");
            writer.WriteEndArray();
            writer.WriteNumber("total_chunks_created", chunks);
        });
    }

    /// <summary>An upload's fields, from JSON or a form.</summary>
    private sealed record UploadForm(string? CollectionId, string? ContentType, string? Content, List<string>? Urls, string? Label, string? Description)
    {
        public bool Ingest { get; init; } = true;

        public List<UploadedFile> Files { get; } = [];
    }

    /// <summary>One item to upload, with why it cannot be, if so.</summary>
    private sealed record UploadedFile(string Label, string? MimeType, byte[] Bytes, string? Error);
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mielto.Client.Testing;

/// <summary>Writes the stand-in's answers: JSON bodies in the API's shapes, and FastAPI's error bodies.</summary>
internal static class Answers
{
    public static Task DetailAsync(HttpContext context, int status, string detail) =>
        JsonAsync(context, status, writer => writer.WriteString("detail", detail));

    /// <summary>Answers with an injected status, in the body shape of the real API.</summary>
    public static Task InjectedAsync(HttpContext context, int status, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return DetailAsync(context, status, "Injected failure from MieltoTestServer");
    }

    /// <summary>Answers 429 with a <c>Retry-After</c> of the whole seconds until <paramref name="wait"/> has passed (at least 1).</summary>
    public static Task RateLimitedAsync(HttpContext context, TimeSpan wait)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return DetailAsync(context, StatusCodes.Status429TooManyRequests, "Rate limit exceeded");
    }

    public static Task ValidationAsync(HttpContext context, Problems problems) =>
        JsonAsync(context, StatusCodes.Status422UnprocessableEntity, writer =>
        {
            writer.WriteStartArray("detail");
            foreach (var (location, message, type) in problems.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("type", type);
                writer.WriteStartArray("loc");
                foreach (var segment in location)
                {
                    if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        writer.WriteNumberValue(index);
                    }
                    else
                    {
                        writer.WriteStringValue(segment);
                    }
                }

                writer.WriteEndArray();
                writer.WriteString("msg", message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    /// <summary>Writes a memory as the API's <c>MemoryResponse</c>.</summary>
    public static void Memory(Utf8JsonWriter writer, TestMemory memory)
    {
        writer.WriteStartObject();
        writer.WriteString("memory_id", memory.MemoryId);
        writer.WriteString("user_id", memory.UserId);
        writer.WriteString("memory", memory.Content);
        if (memory.Topics is { } topics)
        {
            writer.WriteStartArray("topics");
            foreach (var topic in topics)
            {
                writer.WriteStringValue(topic);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull("topics");
        }

        writer.WriteString("created_at", memory.CreatedAt);
        writer.WriteString("updated_at", memory.UpdatedAt);
        writer.WritePropertyName("metadata");
        Metadata(writer, memory.Metadata);
        writer.WriteEndObject();
    }

    /// <summary>Writes metadata as the JSON object it is, or <c>null</c>.</summary>
    public static void Metadata(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? metadata)
    {
        if (metadata is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var (key, value) in metadata)
        {
            writer.WritePropertyName(key);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    public static void Memories(Utf8JsonWriter writer, string name, IEnumerable<TestMemory> memories)
    {
        writer.WriteStartArray(name);
        foreach (var memory in memories)
        {
            Memory(writer, memory);
        }

        writer.WriteEndArray();
    }

    /// <summary>Answers with a JSON object whose members <paramref name="writeMembers"/> writes.</summary>
    public static Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> writeMembers) =>
        WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        });

    /// <summary>Answers with the JSON value <paramref name="write"/> writes.</summary>
    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        using var body = new MemoryStream();
        var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await using (writer.ConfigureAwait(false))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), context.RequestAborted).ConfigureAwait(false);
    }
}

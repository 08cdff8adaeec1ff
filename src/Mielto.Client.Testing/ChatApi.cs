using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mielto.Client.Testing;

/// <summary>
/// <c>POST /api/v1/chat/completions</c> without a model, deterministic: the answer repeats the last user message and lists
/// the user's memories and the collections' chunks that share a word of four letters or more with it. With tools, it
/// calls one when asked to (<c>tool_choice</c> <c>required</c> or naming a function, or a message naming the tool), with
/// every string parameter set to the message; after a tool's result, it reports the result. Streamed as server-sent
/// events with the framing OpenAI uses: one word per chunk, tool calls in pieces, <c>[DONE]</c>. Listed in the rules table
/// of docs/testing.md.
/// </summary>
internal sealed class ChatApi(MieltoTestServerOptions options, MemoryStore memories, CollectionStore collections, ChatStreamFaults faults)
{
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    private static readonly TimeSpan BreakGrace = TimeSpan.FromMilliseconds(50);

    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(Call call, byte[] body)
    {
        ChatTurn? turn;
        using (var json = JsonBody.Parse(body, call.Problems))
        {
            turn = ChatTurn.Read(json, call);
        }

        if (call.Problems.Any || turn is null)
        {
            await call.InvalidAsync().ConfigureAwait(false);
            return;
        }

        var answer = Answer(turn, call.WorkspaceId);
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..24];
        var created = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (turn.Stream)
        {
            await StreamAsync(call.Context, turn, answer, id, created).ConfigureAwait(false);
            return;
        }

        await Answers.JsonAsync(call.Context, StatusCodes.Status200OK, writer =>
        {
            Head(writer, id, "chat.completion", created, turn.Model);
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            WriteText(writer, answer.Text);
            WriteCalls(writer, answer.Call, pieces: false);
            writer.WriteEndObject();
            writer.WriteString("finish_reason", answer.Call is null ? "stop" : "tool_calls");
            writer.WriteEndObject();
            writer.WriteEndArray();
            Usage(writer, turn, answer);
        }).ConfigureAwait(false);
    }

    private ChatAnswer Answer(ChatTurn turn, string workspaceId)
    {
        if (turn.LastToolResult is { } result)
        {
            return new ChatAnswer($"The tool returned: {result}", null);
        }

        if (turn.ToolToCall() is { } tool)
        {
            return new ChatAnswer(null, tool);
        }

        var words = Words(turn.LastUserText);
        var text = new StringBuilder("You said: ").Append(turn.LastUserText);
        var recalled = turn.UserId is null ? [] : memories.Where(workspaceId, turn.UserId).Where(m => Words(m.Content).Overlaps(words)).Select(m => m.Content).ToList();
        if (recalled.Count > 0)
        {
            text.Append("\nFrom your memories:");
            recalled.ForEach(m => text.Append("\n- ").Append(m));
        }

        var found = turn.CollectionIds.SelectMany(collections.Chunks).Where(c => Words(c.Content).Overlaps(words)).Select(c => c.Content).ToList();
        if (found.Count > 0)
        {
            text.Append("\nFrom the knowledge:");
            found.ForEach(c => text.Append("\n- ").Append(c));
        }

        return new ChatAnswer(text.ToString(), null);
    }

    private async Task StreamAsync(HttpContext context, ChatTurn turn, ChatAnswer answer, string id, long created)
    {
        var (pause, breakAfter) = faults.Next();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        await response.WriteAsync(": mielto stand-in\n\n", context.RequestAborted).ConfigureAwait(false);
        await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }

        var sent = 0;
        foreach (var chunk in Chunks(turn, answer, id, created).Append(Done))
        {
            if (sent == breakAfter)
            {
                // A reset drops what the socket has not sent yet: give the events already flushed time to leave.
                await Task.Delay(BreakGrace, context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                return;
            }

            await response.Body.WriteAsync(chunk, context.RequestAborted).ConfigureAwait(false);
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            sent++;
        }
    }

    /// <summary>The events of a streamed answer, each framed as <c>data: {json}</c> and a blank line.</summary>
    private static IEnumerable<byte[]> Chunks(ChatTurn turn, ChatAnswer answer, string id, long created)
    {
        var first = true;
        foreach (var word in answer.Text is null ? [] : Pieces(answer.Text))
        {
            yield return Event(writer => Delta(writer, id, created, turn.Model, first, w => w.WriteString("content", word), finish: null));
            first = false;
        }

        if (answer.Call is { } call)
        {
            var arguments = call.Arguments;
            var half = arguments.Length / 2;
            yield return Event(writer => Delta(writer, id, created, turn.Model, first, w => WriteCalls(w, call with { Arguments = arguments[..half] }, pieces: true), finish: null));
            yield return Event(writer => Delta(writer, id, created, turn.Model, false, w => WriteCalls(w, call with { Arguments = arguments[half..] }, pieces: true, continued: true), finish: null));
        }

        yield return Event(writer => Delta(writer, id, created, turn.Model, false, null, answer.Call is null ? "stop" : "tool_calls"));
        if (turn.IncludeUsage)
        {
            yield return Event(writer =>
            {
                Head(writer, id, "chat.completion.chunk", created, turn.Model);
                writer.WriteStartArray("choices");
                writer.WriteEndArray();
                Usage(writer, turn, answer);
            });
        }
    }

    /// <summary>The answer's words, each with the space or line break after it, so that joined they are the answer.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ' ' or '\n')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static void Delta(Utf8JsonWriter writer, string id, long created, string model, bool first, Action<Utf8JsonWriter>? write, string? finish)
    {
        Head(writer, id, "chat.completion.chunk", created, model);
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("delta");
        if (first)
        {
            writer.WriteString("role", "assistant");
        }

        write?.Invoke(writer);
        writer.WriteEndObject();
        if (finish is null)
        {
            writer.WriteNull("finish_reason");
        }
        else
        {
            writer.WriteString("finish_reason", finish);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static byte[] Event(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        buffer.Write("data: "u8);
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        buffer.Write("\n\n"u8);
        return buffer.ToArray();
    }

    private static void Head(Utf8JsonWriter writer, string id, string kind, long created, string model)
    {
        writer.WriteString("id", id);
        writer.WriteString("object", kind);
        writer.WriteNumber("created", created);
        writer.WriteString("model", model);
    }

    private static void WriteText(Utf8JsonWriter writer, string? text)
    {
        if (text is null)
        {
            writer.WriteNull("content");
        }
        else
        {
            writer.WriteString("content", text);
        }
    }

    private static void WriteCalls(Utf8JsonWriter writer, ChatToolCall? call, bool pieces, bool continued = false)
    {
        if (call is null)
        {
            return;
        }

        writer.WriteStartArray("tool_calls");
        writer.WriteStartObject();
        if (pieces)
        {
            writer.WriteNumber("index", 0);
        }

        if (!continued)
        {
            writer.WriteString("id", call.Id);
            writer.WriteString("type", "function");
        }

        writer.WriteStartObject("function");
        if (!continued)
        {
            writer.WriteString("name", call.Name);
        }

        writer.WriteString("arguments", call.Arguments);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    /// <summary>Token counts as words: the prompt's, and the answer's.</summary>
    private static void Usage(Utf8JsonWriter writer, ChatTurn turn, ChatAnswer answer)
    {
        var prompt = turn.PromptWords;
        var completion = answer.Text is null ? 1 : answer.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", prompt);
        writer.WriteNumber("completion_tokens", completion);
        writer.WriteNumber("total_tokens", prompt + completion);
        writer.WriteEndObject();
    }

    /// <summary>The words of four letters or more, lower-cased.</summary>
    internal static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start >= 4)
            {
                words.Add(text[start..i].ToLower(CultureInfo.InvariantCulture));
            }

            start = -1;
        }

        return words;
    }
}

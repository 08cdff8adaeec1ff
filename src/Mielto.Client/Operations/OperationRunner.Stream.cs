using System.Diagnostics;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mielto.Client.Diagnostics;
using Mielto.Client.Errors;
using Mielto.Client.Http;

namespace Mielto.Client.Operations;

/// <summary>The pipeline's way for an operation whose answer is a stream of server-sent events.</summary>
internal sealed partial class OperationRunner
{
    private const int MaxSnippetChars = 200;

    /// <summary>
    /// Runs one call of a streamed <paramref name="operation"/>: sends it as any other (a failure before the stream is
    /// the usual typed exception), then yields its events as they arrive, parsed by the runtime's SSE parser, until
    /// <c>[DONE]</c>. The stream has no size limit but a bounded line, a limit on the wait for its first event and one
    /// on the silence between events; a stream that stops early is a <see cref="MieltoStreamException"/> after the
    /// events that arrived. Disposing the enumerator (or cancelling) releases the connection at once.
    /// </summary>
    /// <param name="api">The Refit interface of the operation's resource.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="args">Its checked arguments.</param>
    /// <param name="send">Sends them; a static lambda, so that nothing is captured.</param>
    /// <param name="eventType">What each event's data is.</param>
    /// <param name="reader">Turns the events into what the operation yields; one per call.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async IAsyncEnumerable<TItem> StreamAsync<TApi, TArgs, TEvent, TItem>(
        TApi api,
        Operation operation,
        TArgs args,
        Func<TApi, TArgs, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<TEvent> eventType,
        IEventReader<TEvent, TItem> reader,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TEvent : class
        where TItem : class
    {
        var call = new StreamCall<TEvent>(this, operation, eventType, reader.ErrorOf, cancellationToken);
        try
        {
            await call.OpenAsync(send(api, args, cancellationToken)).ConfigureAwait(false);
            while (await call.NextAsync().ConfigureAwait(false))
            {
                yield return reader.Next(call.Current!);
            }
        }
        finally
        {
            await call.DisposeAsync().ConfigureAwait(false);
        }

        if (reader.Last() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>What the SSE parser makes of one event: the end marker, a value, data that is not one, or an <c>error</c> event.</summary>
    private readonly record struct StreamEvent<TEvent>(TEvent? Value, bool Done, string? Unreadable, string? Error)
        where TEvent : class;

    /// <summary>One streamed call: its response, its events, its limits and its telemetry.</summary>
    private sealed class StreamCall<TEvent> : IAsyncDisposable
        where TEvent : class
    {
        private readonly OperationRunner _runner;
        private readonly Operation _operation;
        private readonly JsonTypeInfo<TEvent> _eventType;
        private readonly Func<TEvent, string?> _errorOf;
        private readonly CancellationToken _cancellationToken;
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly Activity? _activity;
        private HttpResponseMessage? _response;
        private CancellationTokenSource? _watch;
        private CancellationTokenRegistration _link;
        private IAsyncEnumerator<SseItem<StreamEvent<TEvent>>>? _events;
        private int? _status;
        private int? _attempts;
        private Exception? _failure;
        private int _count;

        public StreamCall(OperationRunner runner, Operation operation, JsonTypeInfo<TEvent> eventType, Func<TEvent, string?> errorOf, CancellationToken cancellationToken)
        {
            _runner = runner;
            _operation = operation;
            _eventType = eventType;
            _errorOf = errorOf;
            _cancellationToken = cancellationToken;
            _activity = Telemetry.StartOperation(operation, null, runner._options.BaseAddress);
        }

        public TEvent? Current { get; private set; }

        /// <summary>Waits for the response; a failure before the stream is the operation's usual exception.</summary>
        public async Task OpenAsync(Task<HttpResponseMessage> sending)
        {
            var options = _runner._options;
            try
            {
                _response = await sending.ConfigureAwait(false);
                _status = (int)_response.StatusCode;
                if (!_response.IsSuccessStatusCode)
                {
                    var body = await ResponseBody.GetAsync(_response, options.MaxResponseBytes, _cancellationToken).ConfigureAwait(false);
                    _attempts = body.Attempt;
                    throw _failure = ApiErrorFactory.Create(_operation, _operation.Describe(null), _response, body, body.Attempt, options.ApiKey!, _runner._clock);
                }

                _attempts = MieltoResilience.StreamAttempts(_response);

                // From here the stream's own limits apply: the first event, then the silence between events.
                _watch = new CancellationTokenSource(options.ChatFirstByteTimeout, _runner._clock);
                _link = _cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _watch);
                var stream = await _response.Content.ReadAsStreamAsync(_watch.Token).ConfigureAwait(false);
                _events = SseParser.Create(new EventLineLimit(stream, options.MaxChatEventBytes), Parse).EnumerateAsync(_watch.Token).GetAsyncEnumerator(_watch.Token);
            }
            catch (OperationCanceledException canceled) when (_cancellationToken.IsCancellationRequested)
            {
                _failure = canceled;
                throw;
            }
            catch (Exception ex) when (ex is CallTimeoutException or OperationCanceledException or HttpRequestException or IOException)
            {
                _attempts = _runner.Attempts(ex);
                throw _failure = _runner.TransportError(_operation.Describe(null), ex, _attempts);
            }
        }

        /// <summary>Moves to the next event; false at <c>[DONE]</c>; an exception for any other end.</summary>
        public async ValueTask<bool> NextAsync()
        {
            bool more;
            try
            {
                more = await _events!.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException canceled) when (_cancellationToken.IsCancellationRequested)
            {
                _failure = canceled;
                throw;
            }
            catch (OperationCanceledException ex) when (_watch!.IsCancellationRequested)
            {
                throw _failure = new MieltoTimeoutException(TimeoutMessage(), ex);
            }
            catch (EventLineTooLongException ex)
            {
                throw _failure = Broken($"a line of an event ran longer than {nameof(MieltoClientOptions.MaxChatEventBytes)} ({ex.Limit} bytes); raise it if such events are expected", ex);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                throw _failure = Broken($"the connection broke ({ex.Message})", ex);
            }

            if (!more)
            {
                var type = _response!.Content.Headers.ContentType?.MediaType;
                throw _failure = Broken(string.Equals(type, "text/event-stream", StringComparison.OrdinalIgnoreCase) || type is null
                    ? "the stream ended without its end marker ([DONE])"
                    : $"the response was '{type}', not an event stream, and had no end marker ([DONE])");
            }

            var item = _events.Current.Data;
            if (item.Done)
            {
                return false;
            }

            if (item.Unreadable is { } unreadable)
            {
                throw _failure = Broken($"an event was not the JSON expected: {unreadable}");
            }

            if ((item.Error ?? _errorOf(item.Value!)) is { } reported)
            {
                throw _failure = Broken($"the server reported an error in it: {reported}");
            }

            _count++;
            _watch!.CancelAfter(_runner._options.ChatIdleTimeout);
            Current = item.Value;
            return true;
        }

        public async ValueTask DisposeAsync()
        {
            if (_events is not null)
            {
                await _events.DisposeAsync().ConfigureAwait(false);
            }

            // Disposing a response whose body is unread closes its connection: a cancelled stream stops at once.
            _response?.Dispose();
            _link.Dispose();
            _watch?.Dispose();
            var errorType = _failure is null ? null : Telemetry.ErrorType(_failure is MieltoApiException ? _status : null, _failure);
            Telemetry.EndOperation(_activity, _operation.Name, _status, _attempts, errorType, _started);
            _runner.WriteLog(_operation, null, _status, _attempts, errorType, _started);
        }

        private StreamEvent<TEvent> Parse(string eventType, ReadOnlySpan<byte> data)
        {
            if (data.SequenceEqual("[DONE]"u8))
            {
                return new(null, Done: true, null, null);
            }

            if (string.Equals(eventType, "error", StringComparison.Ordinal))
            {
                return new(null, Done: false, null, Snippet(data));
            }

            try
            {
                return JsonSerializer.Deserialize(data, _eventType) is { } value ? new(value, Done: false, null, null) : new(null, Done: false, Snippet(data), null);
            }
            catch (JsonException)
            {
                return new(null, Done: false, Snippet(data), null);
            }
        }

        private static string Snippet(ReadOnlySpan<byte> data)
        {
            var text = Encoding.UTF8.GetString(data[..Math.Min(data.Length, MaxSnippetChars * 4)]);
            return text.Length > MaxSnippetChars ? string.Concat(text.AsSpan(0, MaxSnippetChars), "…") : text;
        }

        private string TimeoutMessage()
        {
            var options = _runner._options;
            var call = _operation.Describe(null);
            return _count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{call} timed out: the stream's first event did not come within {nameof(MieltoClientOptions.ChatFirstByteTimeout)} ({options.ChatFirstByteTimeout.TotalSeconds:0.###} s) of its headers. Raise it, or check the network.")
                : string.Create(CultureInfo.InvariantCulture, $"{call} timed out: no event came for {nameof(MieltoClientOptions.ChatIdleTimeout)} ({options.ChatIdleTimeout.TotalSeconds:0.###} s) after {_count} events, and the stream was given up. The updates before it were delivered; raise the limit, or check the network.");
        }

        private MieltoStreamException Broken(string what, Exception? inner = null) =>
            new($"{_operation.Describe(null)} stopped before its end: {what}, after {_count} events. The updates before it were delivered; the request is not sent again, since the server may have acted on it.", _count, inner);
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mielto.Client.Tests.Reliability;

/// <summary>A request as its bytes arrived: the request line's target untouched, every header as sent, its body as UTF-8.</summary>
public sealed record RawRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body = "")
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public int HeaderCount(string name) => Headers.Count(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One request on one connection, with the means to answer it well or badly.</summary>
public sealed class RawExchange(RawRequest request, Socket socket, NetworkStream stream, CancellationToken stopping)
{
    public RawRequest Request { get; } = request;

    public CancellationToken Stopping { get; } = stopping;

    /// <summary>False once the handler broke or closed the connection: the server stops reading it.</summary>
    public bool KeepAlive { get; private set; } = true;

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(byte[] bytes) => await stream.WriteAsync(bytes, Stopping);

    /// <summary>Answers with a complete response.</summary>
    public Task RespondAsync(int status, string body, string contentType = "application/json", string extraHeaders = "") =>
        RespondAsync(status, Encoding.UTF8.GetBytes(body), contentType, extraHeaders);

    /// <summary>Answers with a complete response; no Content-Type header when <paramref name="contentType"/> is null.</summary>
    public Task RespondAsync(int status, byte[] body, string? contentType, string extraHeaders = "")
    {
        var type = contentType is null ? string.Empty : $"Content-Type: {contentType}\r\n";
        return WriteAsync([.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status} Status\r\n{type}Content-Length: {body.Length}\r\n{extraHeaders}\r\n"), .. body]);
    }

    /// <summary>
    /// Waits until the client closes the connection, or <paramref name="limit"/> passes (then throws): for a response
    /// that never ends, and to see that a client let go of it.
    /// </summary>
    public async Task WaitForCloseAsync(TimeSpan limit)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Stopping);
        timeout.CancelAfter(limit);
        var buffer = new byte[256];
        while (await stream.ReadAsync(buffer, timeout.Token) > 0)
        {
        }

        KeepAlive = false;
    }

    /// <summary>Closes the connection gracefully (FIN).</summary>
    public void Close()
    {
        KeepAlive = false;
        socket.Shutdown(SocketShutdown.Both);
        socket.Close();
    }

    /// <summary>Resets the connection (RST), as a crashed peer or a middlebox would.</summary>
    public void Reset()
    {
        KeepAlive = false;
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 over raw sockets: it records each request exactly as its bytes
/// arrived (no decoding, no normalisation, nothing refused) and lets a test answer it any way at all,
/// including ways no real server library would: cut, reset, slow, endless or malformed.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<RawExchange, Task> _respond;
    private readonly ConcurrentQueue<RawRequest> _received = new();
    private readonly bool _record;
    private int _connections;
    private int _requests;

    /// <param name="respond">Answers each request.</param>
    /// <param name="record">False to only count requests, so that a load test measures the client's memory alone.</param>
    public RawHttpServer(Func<RawExchange, Task> respond, bool record = true)
    {
        _respond = respond;
        _record = record;
        _listener.Start(512);
        _ = AcceptLoopAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections => Volatile.Read(ref _connections);

    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<RawRequest> Received => [.. _received];

    public void Clear() => _received.Clear();

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stopping.Token);
                Interlocked.Increment(ref _connections);
                _ = ServeAsync(socket);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: true);
            var buffer = new byte[MaxHeaderBytes];
            var filled = 0;
            while (!_stopping.IsCancellationRequested)
            {
                var end = -1;
                while ((end = IndexOfHeaderEnd(buffer, filled)) < 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), _stopping.Token);
                    if (read == 0 || filled + read >= buffer.Length)
                    {
                        return;
                    }

                    filled += read;
                }

                var request = Parse(Encoding.Latin1.GetString(buffer, 0, end));
                Buffer.BlockCopy(buffer, end + 4, buffer, 0, filled - end - 4);
                filled -= end + 4;

                // A body with a Content-Length is read whole, so that the next request on the connection starts clean.
                var length = int.TryParse(request.Header("Content-Length"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var declared) ? declared : 0;
                if (length > buffer.Length)
                {
                    Array.Resize(ref buffer, length);
                }

                while (filled < length)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), _stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                request = request with { Body = Encoding.UTF8.GetString(buffer, 0, length) };
                Buffer.BlockCopy(buffer, length, buffer, 0, filled - length);
                filled -= length;
                Interlocked.Increment(ref _requests);
                if (_record)
                {
                    _received.Enqueue(request);
                }

                var exchange = new RawExchange(request, socket, stream, _stopping.Token);
                await _respond(exchange);
                if (!exchange.KeepAlive)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the test broke the connection on purpose.
        }
    }

    private static int IndexOfHeaderEnd(byte[] buffer, int length) => buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);

    private static RawRequest Parse(string head)
    {
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Select(parts => new KeyValuePair<string, string>(parts[0], parts.Length > 1 ? parts[1].Trim(' ', '\t') : string.Empty))
            .ToList();
        return new RawRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : string.Empty, headers);
    }
}

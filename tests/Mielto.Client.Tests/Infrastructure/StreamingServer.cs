using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mielto.Client.Tests.Infrastructure;

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 that answers each request with a script: a status and headers, then pieces of body
/// written when the test says, then a clean close or a reset. For what WireMock cannot do: a body that arrives over time,
/// stops mid-way, or is abandoned by the client (which the server sees as its connection closing).
/// </summary>
public sealed class StreamingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Script, Task> _script;
    private int _requests;

    public StreamingServer(Func<Script, Task> script)
    {
        _script = script;
        _listener.Start();

        // On the thread pool, away from the test's synchronization context, so that a busy test never holds the server up.
        _ = Task.Run(AcceptAsync);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Completes when the client closes a connection the server still had open.</summary>
    public TaskCompletionSource ClientClosed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(socket));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            try
            {
                await ReadRequestAsync(stream);
                Interlocked.Increment(ref _requests);
                await _script(new Script(stream, socket, this));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                ClientClosed.TrySetResult();
            }
        }
    }

    private static async Task ReadRequestAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        var length = head.ToString().Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } line
            ? int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        await stream.ReadExactlyAsync(new byte[length]);
    }

    /// <summary>What a script does with one response.</summary>
    public sealed class Script(NetworkStream stream, Socket socket, StreamingServer server)
    {
        /// <summary>Writes the status line and headers: the body then runs until the connection closes.</summary>
        public Task HeadersAsync(int status = 200, string contentType = "text/event-stream") =>
            SendAsync($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nConnection: close\r\n\r\n");

        public async Task SendAsync(string text)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
            await stream.FlushAsync();
        }

        /// <summary>Waits until the client closes the connection (or <paramref name="limit"/> passes), and notes it.</summary>
        public async Task WaitForCloseAsync(TimeSpan limit)
        {
            using var timeout = new CancellationTokenSource(limit);
            var read = await stream.ReadAsync(new byte[1], timeout.Token);
            if (read == 0)
            {
                server.ClientClosed.TrySetResult();
            }
        }

        /// <summary>Breaks the connection with a reset.</summary>
        public void Reset()
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace WebUI.DockerApi.Tests.Distribution;

/// <summary>
/// A TCP proxy on loopback in front of a registry that can misbehave: cut a connection once after a number of bytes
/// sent back to the client, or slow every response down.
/// </summary>
public sealed class FaultyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _dropAfter = -1;

    public FaultyProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }
    public string Host => $"127.0.0.1:{Port}";

    /// <summary>The next connection that sends more than this many bytes to the client is cut there (once).</summary>
    public void DropOnceAfter(long bytes) => Interlocked.Exchange(ref _dropAfter, bytes);

    /// <summary>Bytes per second to the client; 0 for full speed.</summary>
    public int BytesPerSecond { get; set; }

    /// <summary>How many connections were cut.</summary>
    public int Dropped { get; private set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            var a = client.GetStream();
            var b = upstream.GetStream();
            var up = a.CopyToAsync(b, _stop.Token);
            var down = CopyDownAsync(b, a, client);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    private async Task CopyDownAsync(Stream from, Stream to, TcpClient client)
    {
        var buffer = new byte[16384];
        long sent = 0;
        int n;
        while ((n = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            var limit = Interlocked.Read(ref _dropAfter);
            if (limit >= 0 && sent + n > limit && Interlocked.CompareExchange(ref _dropAfter, -1, limit) == limit)
            {
                await to.WriteAsync(buffer.AsMemory(0, (int)(limit - sent)), _stop.Token);
                Dropped++;
                client.Client.LingerState = new LingerOption(true, 0);
                client.Close(); // an abrupt reset in the middle of a response
                return;
            }
            await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            sent += n;
            if (BytesPerSecond > 0) await Task.Delay(TimeSpan.FromSeconds((double)n / BytesPerSecond), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}

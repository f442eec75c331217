using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace WebUI.Engine.Networks;

/// <summary>One container's embedded DNS listeners (UDP and TCP, already bound in its namespace) and their loops.</summary>
internal sealed partial class DnsServer(
    string containerId, Socket udp, Socket tcp, Func<string, IReadOnlyList<string>> resolve, IReadOnlyList<string> upstreams, ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private volatile Func<string, IReadOnlyList<string>> _resolve = resolve;
    private volatile IReadOnlyList<string> _upstreams = upstreams;

    public void Update(Func<string, IReadOnlyList<string>> resolve, IReadOnlyList<string> upstreams)
    {
        _resolve = resolve;
        _upstreams = upstreams;
    }

    public void Run()
    {
        _ = Task.Run(() => UdpLoopAsync(_stop.Token));
        _ = Task.Run(() => TcpLoopAsync(_stop.Token));
    }

    private async Task UdpLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult r;
            try { r = await udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellationToken); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException e) { LogLoopError(logger, containerId, e); continue; }
            var query = buffer.AsSpan(0, r.ReceivedBytes).ToArray();
            var client = r.RemoteEndPoint;
            _ = Task.Run(async () =>
            {
                try
                {
                    var answer = await AnswerAsync(query, tcpUpstream: false, cancellationToken);
                    if (answer is not null) await udp.SendToAsync(answer, SocketFlags.None, client, cancellationToken);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
            }, cancellationToken);
        }
    }

    private async Task TcpLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try { client = await tcp.AcceptAsync(cancellationToken); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException e) { LogLoopError(logger, containerId, e); continue; }
            _ = Task.Run(() => ServeTcpAsync(client, cancellationToken), cancellationToken);
        }
    }

    private async Task ServeTcpAsync(Socket client, CancellationToken cancellationToken)
    {
        using var _ = client;
        await using var stream = new NetworkStream(client);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            var header = new byte[2];
            while (true)
            {
                await stream.ReadExactlyAsync(header, timeout.Token);
                var query = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
                await stream.ReadExactlyAsync(query, timeout.Token);
                var answer = await AnswerAsync(query, tcpUpstream: true, timeout.Token);
                if (answer is null) return;
                var framed = new byte[answer.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)answer.Length);
                answer.CopyTo(framed, 2);
                await stream.WriteAsync(framed, timeout.Token);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OperationCanceledException or SocketException) { }
    }

    /// <summary>A local answer for container names, else the upstream's answer; null for garbage.</summary>
    private async Task<byte[]?> AnswerAsync(byte[] query, bool tcpUpstream, CancellationToken cancellationToken)
    {
        if (DnsMessage.ReadQuestion(query) is not { } q) return null;
        var local = _resolve(q.Name);
        if (local.Count > 0)
        {
            IReadOnlyList<IPAddress> addresses = q.Type == DnsMessage.TypeA ? [.. local.Select(IPAddress.Parse)] : [];
            return DnsMessage.Answer(query, q.End, DnsMessage.RcodeNoError, addresses);
        }
        var upstreams = _upstreams;
        if (upstreams.Count == 0) return DnsMessage.Answer(query, q.End, DnsMessage.RcodeNxDomain, []);
        foreach (var server in upstreams)
        {
            if (!IPAddress.TryParse(server, out var address)) continue;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                return tcpUpstream ? await ForwardTcpAsync(address, query, timeout.Token) : await ForwardUdpAsync(address, query, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or IOException) { LogForwardFailed(logger, containerId, q.Name, server, e.Message); }
        }
        return DnsMessage.Answer(query, q.End, DnsMessage.RcodeServFail, []);
    }

    private static async Task<byte[]> ForwardUdpAsync(IPAddress server, byte[] query, CancellationToken cancellationToken)
    {
        using var s = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await s.ConnectAsync(new IPEndPoint(server, 53), cancellationToken);
        await s.SendAsync(query, SocketFlags.None, cancellationToken);
        var buffer = new byte[4096];
        while (true)
        {
            var n = await s.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            // Only the answer to this query (same id) counts.
            if (n >= 2 && buffer[0] == query[0] && buffer[1] == query[1]) return buffer[..n];
        }
    }

    private static async Task<byte[]> ForwardTcpAsync(IPAddress server, byte[] query, CancellationToken cancellationToken)
    {
        using var s = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await s.ConnectAsync(new IPEndPoint(server, 53), cancellationToken);
        await using var stream = new NetworkStream(s);
        var framed = new byte[query.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
        query.CopyTo(framed, 2);
        await stream.WriteAsync(framed, cancellationToken);
        var header = new byte[2];
        await stream.ReadExactlyAsync(header, cancellationToken);
        var answer = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
        await stream.ReadExactlyAsync(answer, cancellationToken);
        return answer;
    }

    public void Dispose()
    {
        _stop.Cancel();
        udp.Dispose();
        tcp.Dispose();
        _stop.Dispose();
    }
}

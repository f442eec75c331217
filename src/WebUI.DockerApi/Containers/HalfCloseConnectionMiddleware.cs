using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace WebUI.DockerApi.Containers;

/// <summary>
/// Lets a hijacked Docker connection stay open for output after the client half-closes. The docker CLI shuts down its
/// write side as soon as it has no stdin to send (docker run without -i), but Kestrel treats the transport's
/// ConnectionClosed (fired on FIN) as an abort and drops the response. This hands Kestrel a context whose
/// ConnectionClosed ignores the FIN once a handler has marked the connection hijacked (<see cref="MarkHijacked"/>), so
/// ordinary requests still see a client that leaves; the transport itself is unchanged.
/// Register on the Docker API listener: listen.Use(next => new HalfCloseConnectionMiddleware(next).OnConnectionAsync).
/// </summary>
public sealed class HalfCloseConnectionMiddleware(ConnectionDelegate next)
{
    private const string HijackedKey = "webui.hijacked";

    /// <summary>Called by a handler before it upgrades: from now on a FIN from the client only ends its input.</summary>
    public static void MarkHijacked(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionItemsFeature>()?.Items.TryAdd(HijackedKey, true);

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        await using var wrapper = new HalfOpenConnectionContext(connection);
        await next(wrapper);
    }

    private sealed class HalfOpenConnectionContext : ConnectionContext
    {
        private readonly ConnectionContext inner;
        private readonly CancellationTokenSource _closed = new();
        private readonly CancellationTokenRegistration _innerClosed;

        public HalfOpenConnectionContext(ConnectionContext inner)
        {
            this.inner = inner;
            _innerClosed = inner.ConnectionClosed.Register(static state =>
            {
                var self = (HalfOpenConnectionContext)state!;
                if (!self.Items.ContainsKey(HijackedKey)) self.Cancel();
            }, this);
        }

        private void Cancel()
        {
            try { _closed.Cancel(); } catch (ObjectDisposedException) { }
        }

        public override string ConnectionId { get => inner.ConnectionId; set => inner.ConnectionId = value; }
        public override IFeatureCollection Features => inner.Features;
        public override IDictionary<object, object?> Items { get => inner.Items; set => inner.Items = value; }
        public override IDuplexPipe Transport { get => inner.Transport; set => inner.Transport = value; }
        public override CancellationToken ConnectionClosed { get => _closed.Token; set => throw new NotSupportedException(); }
        public override System.Net.EndPoint? LocalEndPoint { get => inner.LocalEndPoint; set => inner.LocalEndPoint = value; }
        public override System.Net.EndPoint? RemoteEndPoint { get => inner.RemoteEndPoint; set => inner.RemoteEndPoint = value; }

        public override void Abort(ConnectionAbortedException abortReason)
        {
            inner.Abort(abortReason);
            Cancel();
        }

        public override void Abort()
        {
            inner.Abort();
            Cancel();
        }

        public override async ValueTask DisposeAsync()
        {
            await _innerClosed.DisposeAsync();
            Cancel();
            _closed.Dispose();
            await base.DisposeAsync();
        }
    }
}

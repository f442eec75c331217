using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace WebUI.DockerApi.Hosting;

/// <summary>
/// Copies HTTP/1.1 requests from the socket to Kestrel while tracking where each one ends (Content-Length or
/// chunked bodies), so that it can rewrite the one kind of request Kestrel cannot upgrade: an upgrade with a body.
/// After any upgrade request the connection carries raw bytes and is passed through untouched.
/// Anything it does not understand is passed through too, for Kestrel to judge.
/// </summary>
internal sealed class HttpRequestFramer(PipeReader source, PipeWriter target, IFeatureCollection connectionFeatures)
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxHijackBodyBytes = 1024 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    public async Task RunAsync()
    {
        try
        {
            while (true)
            {
                var head = await ReadUntilAsync(HeaderEnd, MaxHeaderBytes);
                if (head is null) return;
                var request = RequestHead.Parse(head);
                if (request is null)
                {
                    await WriteAsync(head);
                    await PassThroughAsync();
                    return;
                }

                if (request.Upgrade && !request.Chunked && request.ContentLength is > 0 and <= MaxHijackBodyBytes)
                {
                    var body = await ReadExactAsync((int)request.ContentLength.Value);
                    if (body is null) return;
                    // Set before Kestrel can see the request: the feature is read by that request's handler.
                    connectionFeatures.Set(new HijackRequestBodyFeature(body));
                    await WriteAsync(request.WithoutContentLength());
                    await PassThroughAsync();
                    return;
                }

                await WriteAsync(head);
                if (request.Upgrade)
                {
                    await PassThroughAsync();
                    return;
                }
                if (request.Chunked)
                {
                    if (!await CopyChunkedBodyAsync()) return;
                }
                else if (request.ContentLength > 0 && !await CopyExactAsync(request.ContentLength.Value))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
        }
        finally
        {
            await target.CompleteAsync();
            await source.CompleteAsync();
        }
    }

    /// <summary>Reads through the first <paramref name="delimiter"/>; null at end of stream; passes through a block longer than max.</summary>
    private async Task<byte[]?> ReadUntilAsync(byte[] delimiter, int max)
    {
        while (true)
        {
            var result = await source.ReadAsync();
            if (result.IsCanceled) return null;
            var buffer = result.Buffer;
            var reader = new SequenceReader<byte>(buffer);
            if (reader.TryReadTo(out ReadOnlySequence<byte> _, delimiter, advancePastDelimiter: true))
            {
                var block = buffer.Slice(0, reader.Position).ToArray();
                source.AdvanceTo(reader.Position);
                return block;
            }
            if (buffer.Length > max)
            {
                // Not a request we can frame; Kestrel will reject it with its own error.
                var all = buffer.ToArray();
                source.AdvanceTo(buffer.End);
                await WriteAsync(all);
                await PassThroughAsync();
                return null;
            }
            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty) await WriteAsync(buffer.ToArray());
                source.AdvanceTo(buffer.End);
                return null;
            }
            source.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async Task<byte[]?> ReadExactAsync(int count)
    {
        while (true)
        {
            var result = await source.ReadAsync();
            if (result.IsCanceled) return null;
            var buffer = result.Buffer;
            if (buffer.Length >= count)
            {
                var bytes = buffer.Slice(0, count).ToArray();
                source.AdvanceTo(buffer.GetPosition(count));
                return bytes;
            }
            if (result.IsCompleted) { source.AdvanceTo(buffer.End); return null; }
            source.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Copies exactly <paramref name="count"/> bytes; false if the stream ended first.</summary>
    private async Task<bool> CopyExactAsync(long count)
    {
        while (count > 0)
        {
            var result = await source.ReadAsync();
            if (result.IsCanceled) return false;
            var buffer = result.Buffer;
            var take = buffer.Slice(0, Math.Min(count, buffer.Length));
            foreach (var segment in take) await target.WriteAsync(segment);
            count -= take.Length;
            source.AdvanceTo(take.End);
            if (count > 0 && result.IsCompleted) return false;
        }
        return true;
    }

    /// <summary>Copies a chunked body: size lines, data, and the trailers after the last chunk.</summary>
    private async Task<bool> CopyChunkedBodyAsync()
    {
        while (true)
        {
            var line = await ReadUntilAsync(LineEnd, 4096);
            if (line is null) return false;
            await WriteAsync(line);
            var text = Encoding.ASCII.GetString(line).TrimEnd();
            var semicolon = text.IndexOf(';');
            if (semicolon >= 0) text = text[..semicolon];
            if (!long.TryParse(text, global::System.Globalization.NumberStyles.HexNumber, null, out var size) || size < 0)
            {
                await PassThroughAsync();
                return false;
            }
            if (size == 0)
            {
                while (true)
                {
                    var trailer = await ReadUntilAsync(LineEnd, MaxHeaderBytes);
                    if (trailer is null) return false;
                    await WriteAsync(trailer);
                    if (trailer.Length == 2) return true;
                }
            }
            if (!await CopyExactAsync(size + 2)) return false;
        }
    }

    private async Task PassThroughAsync()
    {
        while (true)
        {
            var result = await source.ReadAsync();
            if (result.IsCanceled) return;
            foreach (var segment in result.Buffer)
            {
                var flush = await target.WriteAsync(segment);
                if (flush.IsCompleted) { source.AdvanceTo(result.Buffer.End); return; }
            }
            source.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted) return;
        }
    }

    private async Task WriteAsync(byte[] bytes)
    {
        var flush = await target.WriteAsync(bytes);
        if (flush.IsCompleted) throw new OperationCanceledException("Kestrel closed the connection");
    }
}

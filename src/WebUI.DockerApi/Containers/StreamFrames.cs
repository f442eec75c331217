using System.Buffers.Binary;
using WebUI.Engine.Containers;

namespace WebUI.DockerApi.Containers;

/// <summary>Docker's multiplexed stream: an 8-byte header (stream type, 3 zero bytes, big-endian length) before each chunk; raw without it for a tty.</summary>
internal static class StreamFrames
{
    public static async Task WriteAsync(Stream output, bool tty, LogStream stream, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (!tty)
        {
            var header = new byte[8];
            header[0] = (byte)stream;
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)data.Length);
            await output.WriteAsync(header, cancellationToken);
        }
        await output.WriteAsync(data, cancellationToken);
    }

    public static string ContentType(bool tty) => tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream";
}

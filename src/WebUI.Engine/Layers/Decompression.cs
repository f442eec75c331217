using System.IO.Compression;
using WebUI.Engine.Errors;
using ZstdSharp;

namespace WebUI.Engine.Layers;

/// <summary>Recognizes a compressed tar by its magic bytes (as Docker does, not by media type) and unwraps it.</summary>
internal static class Decompression
{
    public const string TarMediaType = "application/vnd.oci.image.layer.v1.tar";
    public const string GzipMediaType = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string ZstdMediaType = "application/vnd.oci.image.layer.v1.tar+zstd";

    /// <summary>The uncompressed stream and the OCI media type of what was read (tar, tar+gzip, tar+zstd).</summary>
    public static async Task<(Stream Tar, string MediaType)> OpenWithTypeAsync(Stream source, CancellationToken cancellationToken)
    {
        var head = new byte[6];
        var got = 0;
        while (got < head.Length)
        {
            var n = await source.ReadAsync(head.AsMemory(got), cancellationToken);
            if (n == 0) break;
            got += n;
        }
        var prefixed = new PrefixedStream(head[..got], source);
        ReadOnlySpan<byte> h = head.AsSpan(0, got);
        if (h.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b])) return (new GZipStream(prefixed, CompressionMode.Decompress), GzipMediaType);
        if (h.StartsWith((ReadOnlySpan<byte>)[0x28, 0xb5, 0x2f, 0xfd])) return (new DecompressionStream(prefixed), ZstdMediaType);
        if (h.StartsWith("BZh"u8)) throw EngineException.Invalid("unsupported compression: bzip2");
        if (h.StartsWith((ReadOnlySpan<byte>)[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) throw EngineException.Invalid("unsupported compression: xz");
        return (prefixed, TarMediaType);
    }

    public static async Task<Stream> OpenAsync(Stream source, CancellationToken cancellationToken) =>
        (await OpenWithTypeAsync(source, cancellationToken)).Tar;
}

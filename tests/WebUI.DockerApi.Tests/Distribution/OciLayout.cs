using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Distribution;

/// <summary>Writes OCI image layouts (oci-layout, index.json, blobs/) for tests: a one-layer busybox image built from /bin/busybox, or a two-platform index.</summary>
public static class OciLayout
{
    public sealed record Image(string ManifestDigest, string ConfigDigest, string LayerDigest, byte[] Manifest);

    /// <summary>The busybox image with its layer gzip'd (default), zstd-compressed ("zstd") or plain ("none").</summary>
    public static async Task<Image> WriteBusyboxAsync(string dir, string tag, CancellationToken cancellationToken = default, string compression = "gzip")
    {
        var blobs = Path.Combine(dir, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        var tar = Path.Combine(dir, "rootfs.tar");
        await BusyboxRootfs.WriteAsync(tar, cancellationToken);
        var diffId = Sha256(await File.ReadAllBytesAsync(tar, cancellationToken));

        var gz = Path.Combine(dir, "rootfs.tar.compressed");
        await using (var input = File.OpenRead(tar))
        await using (var output = File.Create(gz))
        {
            Stream compressor = compression switch
            {
                "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
                "zstd" => new ZstdSharp.CompressionStream(output, leaveOpen: true),
                _ => new MemoryStream(),
            };
            await using (compressor)
                await input.CopyToAsync(compression == "none" ? output : compressor, cancellationToken);
        }
        var layer = await File.ReadAllBytesAsync(gz, cancellationToken);
        var layerType = compression switch
        {
            "gzip" => "application/vnd.oci.image.layer.v1.tar+gzip",
            "zstd" => "application/vnd.oci.image.layer.v1.tar+zstd",
            _ => "application/vnd.oci.image.layer.v1.tar",
        };
        File.Delete(tar);
        File.Delete(gz);

        var config = Json(new Dictionary<string, object>
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new Dictionary<string, object> { ["Cmd"] = new[] { "sh" } },
            ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = new[] { diffId } },
            ["history"] = new[] { new Dictionary<string, object> { ["created_by"] = "busybox from the host" } },
        });
        var manifest = Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", config),
            ["layers"] = new[] { Descriptor(layerType, layer) },
        });
        foreach (var blob in new[] { layer, config, manifest })
            await File.WriteAllBytesAsync(Path.Combine(blobs, Sha256(blob)[7..]), blob, cancellationToken);

        var index = Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                    ["digest"] = Sha256(manifest),
                    ["size"] = manifest.Length,
                    ["annotations"] = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = tag },
                },
            },
        });
        await File.WriteAllBytesAsync(Path.Combine(dir, "index.json"), index, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(dir, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}", cancellationToken);
        return new Image(Sha256(manifest), Sha256(config), Sha256(layer), manifest);
    }

    /// <summary>
    /// A layout whose tag names an OCI index of two images: linux/amd64 (busybox) and linux/arm64 (one file, /arch).
    /// Returns the index digest and the two manifest digests.
    /// </summary>
    public static async Task<(string Index, string Amd64, string Arm64)> WriteTwoPlatformIndexAsync(string dir, string tag, CancellationToken cancellationToken = default)
    {
        var amd64 = await WriteBusyboxAsync(dir, tag, cancellationToken);
        var blobs = Path.Combine(dir, "blobs", "sha256");

        byte[] layer;
        using (var ms = new MemoryStream())
        {
            await using (var tar = new System.Formats.Tar.TarWriter(ms, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true))
            {
                var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "arch")
                {
                    Mode = (UnixFileMode)Convert.ToInt32("644", 8),
                    DataStream = new MemoryStream(Encoding.ASCII.GetBytes("arm64\n")),
                };
                await tar.WriteEntryAsync(entry, cancellationToken);
            }
            layer = ms.ToArray();
        }
        var config = Json(new Dictionary<string, object>
        {
            ["architecture"] = "arm64",
            ["os"] = "linux",
            ["config"] = new Dictionary<string, object> { ["Cmd"] = new[] { "/arch" } },
            ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = new[] { Sha256(layer) } },
        });
        var manifest = Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", config),
            ["layers"] = new[] { Descriptor("application/vnd.oci.image.layer.v1.tar", layer) },
        });
        var index = Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["mediaType"] = "application/vnd.oci.image.manifest.v1+json", ["digest"] = Sha256(manifest), ["size"] = manifest.Length,
                    ["platform"] = new Dictionary<string, string> { ["architecture"] = "arm64", ["os"] = "linux" },
                },
                new Dictionary<string, object>
                {
                    ["mediaType"] = "application/vnd.oci.image.manifest.v1+json", ["digest"] = amd64.ManifestDigest, ["size"] = amd64.Manifest.Length,
                    ["platform"] = new Dictionary<string, string> { ["architecture"] = "amd64", ["os"] = "linux" },
                },
            },
        });
        foreach (var blob in new[] { layer, config, manifest, index })
            await File.WriteAllBytesAsync(Path.Combine(blobs, Sha256(blob)[7..]), blob, cancellationToken);
        var top = Json(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["mediaType"] = "application/vnd.oci.image.index.v1+json",
                    ["digest"] = Sha256(index),
                    ["size"] = index.Length,
                    ["annotations"] = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = tag },
                },
            },
        });
        await File.WriteAllBytesAsync(Path.Combine(dir, "index.json"), top, cancellationToken);
        return (Sha256(index), amd64.ManifestDigest, Sha256(manifest));
    }

    public static Dictionary<string, object> Descriptor(string mediaType, byte[] content) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = Sha256(content),
        ["size"] = content.Length,
    };

    public static string Sha256(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    public static byte[] Json(object value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value));
}

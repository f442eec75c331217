using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebUI.DockerApi.Tests.Images;

/// <summary>Writes docker save archives and OCI layouts from layer tarballs, as docker and skopeo would.</summary>
internal static class ImageArchives
{
    public static string Sha(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    public static byte[] Config(IReadOnlyList<byte[]> layers, string created, Dictionary<string, string>? labels = null)
    {
        var config = new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["created"] = created,
            ["config"] = new JsonObject
            {
                ["Cmd"] = new JsonArray("sh"),
                ["Env"] = new JsonArray("PATH=/usr/sbin:/usr/bin:/sbin:/bin"),
                ["Labels"] = labels is null ? null : new JsonObject(labels.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(layers.Select(l => (JsonNode)JsonValue.Create(Sha(l))!).ToArray()) },
            ["history"] = new JsonArray(layers.Select((_, i) => (JsonNode)new JsonObject { ["created"] = created, ["created_by"] = $"ADD layer{i} /" }).ToArray()),
        };
        return Encoding.UTF8.GetBytes(config.ToJsonString());
    }

    public static void WriteDockerArchive(string path, byte[] config, IReadOnlyList<byte[]> layers, string[] repoTags)
    {
        var files = new Dictionary<string, byte[]> { ["blobs/sha256/" + Sha(config)[7..]] = config };
        foreach (var l in layers) files["blobs/sha256/" + Sha(l)[7..]] = l;
        var manifest = new[] { new { Config = "blobs/sha256/" + Sha(config)[7..], RepoTags = repoTags, Layers = layers.Select(l => "blobs/sha256/" + Sha(l)[7..]).ToArray() } };
        files["manifest.json"] = JsonSerializer.SerializeToUtf8Bytes(manifest);
        WriteTar(path, files);
    }

    public static void WriteOciLayout(string path, byte[] config, IReadOnlyList<byte[]> layers, string name)
    {
        var files = new Dictionary<string, byte[]> { ["oci-layout"] = """{"imageLayoutVersion":"1.0.0"}"""u8.ToArray(), ["blobs/sha256/" + Sha(config)[7..]] = config };
        var descriptors = new JsonArray();
        foreach (var l in layers)
        {
            using var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(l);
            var blob = ms.ToArray();
            files["blobs/sha256/" + Sha(blob)[7..]] = blob;
            descriptors.Add(new JsonObject { ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip", ["digest"] = Sha(blob), ["size"] = blob.Length });
        }
        var manifest = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = Sha(config), ["size"] = config.Length },
            ["layers"] = descriptors,
        }.ToJsonString());
        files["blobs/sha256/" + Sha(manifest)[7..]] = manifest;
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                ["digest"] = Sha(manifest),
                ["size"] = manifest.Length,
                ["annotations"] = new JsonObject { ["io.containerd.image.name"] = name, ["org.opencontainers.image.ref.name"] = name.Split(':')[^1] },
            }),
        };
        files["index.json"] = Encoding.UTF8.GetBytes(index.ToJsonString());
        WriteTar(path, files);
    }

    /// <summary>A one-file layer whose single entry climbs out with "../".</summary>
    public static byte[] EscapingLayer()
    {
        using var ms = new MemoryStream();
        using (var w = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "ok.txt") { DataStream = new MemoryStream("fine"u8.ToArray()) });
            w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "../../../../../../tmp/webui-escape-test") { DataStream = new MemoryStream("pwned"u8.ToArray()) });
        }
        return ms.ToArray();
    }

    public static byte[] SmallLayer(string file, string content)
    {
        using var ms = new MemoryStream();
        using (var w = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
            w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, file) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)), Mode = (UnixFileMode)0x1a4 });
        return ms.ToArray();
    }

    private static void WriteTar(string path, Dictionary<string, byte[]> files)
    {
        using var f = File.Create(path);
        using var w = new TarWriter(f, TarEntryFormat.Pax);
        foreach (var (name, data) in files)
            w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data), Mode = (UnixFileMode)0x1a4 });
    }
}

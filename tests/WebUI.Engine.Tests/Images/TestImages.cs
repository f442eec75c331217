using System.Diagnostics;
using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebUI.Engine.Tests.Layers;

namespace WebUI.Engine.Tests.Images;

/// <summary>Builds busybox layers, docker save archives and OCI layouts in memory, as docker and skopeo would write them.</summary>
internal static class TestImages
{
    /// <summary>A root file system: /bin/busybox and a symlink per applet (from busybox --list).</summary>
    public static byte[] BusyboxLayer()
    {
        var psi = new ProcessStartInfo("/bin/busybox", "--list") { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var applets = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        p.WaitForExit();
        var b = new TarBuilder().Dir("bin").Dir("etc").Dir("tmp", 0x3ff).FileBytes("bin/busybox", File.ReadAllBytes("/bin/busybox"));
        foreach (var a in applets.Where(a => a != "busybox")) b.Symlink("bin/" + a, "busybox");
        b.File("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
        return b.Build();
    }

    public static string Sha(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>An image config over the given uncompressed layers.</summary>
    public static byte[] Config(IReadOnlyList<byte[]> layers, string created = "2024-05-06T07:08:09.123456789Z", Dictionary<string, string>? labels = null, string[]? cmd = null)
    {
        var history = new JsonArray();
        foreach (var (_, i) in layers.Select((l, i) => (l, i)))
            history.Add(new JsonObject { ["created"] = created, ["created_by"] = $"/bin/sh -c #(nop) ADD layer{i}" });
        history.Add(new JsonObject { ["created"] = created, ["created_by"] = "/bin/sh -c #(nop)  CMD [\"sh\"]", ["empty_layer"] = true });
        var config = new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["created"] = created,
            ["config"] = new JsonObject
            {
                ["Cmd"] = new JsonArray((cmd ?? ["sh"]).Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
                ["Labels"] = labels is null ? null : new JsonObject(labels.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(layers.Select(l => (JsonNode)JsonValue.Create(Sha(l))!).ToArray()) },
            ["history"] = history,
        };
        return Encoding.UTF8.GetBytes(config.ToJsonString());
    }

    /// <summary>docker save (25+) layout: manifest.json naming blobs/sha256/… files.</summary>
    public static byte[] DockerArchive(byte[] config, IReadOnlyList<byte[]> layerBlobs, string[] repoTags)
    {
        var files = new Dictionary<string, byte[]>();
        files["blobs/sha256/" + Sha(config)[7..]] = config;
        foreach (var l in layerBlobs) files["blobs/sha256/" + Sha(l)[7..]] = l;
        var manifest = new[] { new { Config = "blobs/sha256/" + Sha(config)[7..], RepoTags = repoTags, Layers = layerBlobs.Select(l => "blobs/sha256/" + Sha(l)[7..]).ToArray() } };
        files["manifest.json"] = JsonSerializer.SerializeToUtf8Bytes(manifest);
        return Tar(files);
    }

    /// <summary>An OCI image layout (as skopeo copy oci-archive: writes it), layers gzip-compressed.</summary>
    public static byte[] OciLayout(byte[] config, IReadOnlyList<byte[]> layers, string? refName, bool containerdName = false)
    {
        var files = new Dictionary<string, byte[]> { ["oci-layout"] = """{"imageLayoutVersion":"1.0.0"}"""u8.ToArray() };
        files["blobs/sha256/" + Sha(config)[7..]] = config;
        var layerDescriptors = new JsonArray();
        foreach (var l in layers)
        {
            var gz = TarBuilder.Gzip(l);
            files["blobs/sha256/" + Sha(gz)[7..]] = gz;
            layerDescriptors.Add(new JsonObject { ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip", ["digest"] = Sha(gz), ["size"] = gz.Length });
        }
        var manifest = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = Sha(config), ["size"] = config.Length },
            ["layers"] = layerDescriptors,
        }.ToJsonString());
        files["blobs/sha256/" + Sha(manifest)[7..]] = manifest;
        var descriptor = new JsonObject { ["mediaType"] = "application/vnd.oci.image.manifest.v1+json", ["digest"] = Sha(manifest), ["size"] = manifest.Length };
        if (refName is not null)
            descriptor["annotations"] = new JsonObject { [containerdName ? "io.containerd.image.name" : "org.opencontainers.image.ref.name"] = refName };
        files["index.json"] = Encoding.UTF8.GetBytes(new JsonObject { ["schemaVersion"] = 2, ["manifests"] = new JsonArray(descriptor) }.ToJsonString());
        return Tar(files);
    }

    public static byte[] Tar(Dictionary<string, byte[]> files)
    {
        using var ms = new MemoryStream();
        using (var w = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
            foreach (var (name, data) in files)
                w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data), Mode = (UnixFileMode)0x1a4 });
        return ms.ToArray();
    }
}

using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace WebUI.Engine.Tests.Layers;

/// <summary>Builds layer tarballs entry by entry, including the hostile ones.</summary>
internal sealed class TarBuilder
{
    private readonly List<PaxTarEntry> _entries = [];
    private static readonly DateTimeOffset Time = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public TarBuilder Dir(string name, int mode = 0x1ed /* 0755 */)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.Directory, name.TrimEnd('/') + "/") { Mode = (UnixFileMode)mode, ModificationTime = Time });
        return this;
    }

    public TarBuilder File(string name, string content, int mode = 0x1a4 /* 0644 */, int uid = 0, int gid = 0, Dictionary<string, string>? pax = null)
    {
        var e = pax is null ? new PaxTarEntry(TarEntryType.RegularFile, name) : new PaxTarEntry(TarEntryType.RegularFile, name, pax);
        e.Mode = (UnixFileMode)mode;
        e.Uid = uid;
        e.Gid = gid;
        e.ModificationTime = Time;
        e.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        _entries.Add(e);
        return this;
    }

    public TarBuilder FileBytes(string name, byte[] content, int mode = 0x1ed)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = (UnixFileMode)mode, ModificationTime = Time, DataStream = new MemoryStream(content) });
        return this;
    }

    public TarBuilder Symlink(string name, string target, int uid = 0)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target, Mode = (UnixFileMode)0x1ff, Uid = uid, ModificationTime = Time });
        return this;
    }

    public TarBuilder HardLink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target, ModificationTime = Time });
        return this;
    }

    public TarBuilder CharDevice(string name, int major, int minor)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.CharacterDevice, name) { DeviceMajor = major, DeviceMinor = minor, Mode = (UnixFileMode)0x1b6, ModificationTime = Time });
        return this;
    }

    public byte[] Build()
    {
        using var ms = new MemoryStream();
        using (var w = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
            foreach (var e in _entries)
            {
                e.DataStream?.Seek(0, SeekOrigin.Begin);
                w.WriteEntry(e);
            }
        return ms.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    public static byte[] Zstd(byte[] data)
    {
        using var c = new ZstdSharp.Compressor();
        return c.Wrap(data).ToArray();
    }
}

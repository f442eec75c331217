using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace WebUI.Engine.Tests.Build;

/// <summary>Builds in-memory context tarballs, including the hostile entries a client could send.</summary>
internal sealed class ContextTar
{
    private readonly List<PaxTarEntry> _entries = [];

    public ContextTar File(string name, string content, UnixFileMode mode = (UnixFileMode)0x1A4)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)), Mode = mode });
        return this;
    }

    public ContextTar Dir(string name)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.Directory, name) { Mode = (UnixFileMode)0x1ED });
        return this;
    }

    public ContextTar Symlink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target });
        return this;
    }

    public ContextTar HardLink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target });
        return this;
    }

    public ContextTar Entry(TarEntryType type, string name)
    {
        _entries.Add(new PaxTarEntry(type, name));
        return this;
    }

    public MemoryStream ToStream(bool gzip = false)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, leaveOpen: true))
            foreach (var e in _entries) writer.WriteEntry(e);
        tar.Position = 0;
        if (!gzip) return tar;
        var zipped = new MemoryStream();
        using (var gz = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true)) tar.CopyTo(gz);
        zipped.Position = 0;
        return zipped;
    }
}

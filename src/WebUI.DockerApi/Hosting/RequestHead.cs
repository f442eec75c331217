using System.Text;

namespace WebUI.DockerApi.Hosting;

/// <summary>The parts of an HTTP/1.1 request head that decide where its body ends and whether it upgrades.</summary>
internal sealed class RequestHead
{
    private readonly string[] _lines;

    private RequestHead(string[] lines) => _lines = lines;

    public long? ContentLength { get; private init; }
    public bool Chunked { get; private init; }
    public bool Upgrade { get; private init; }

    /// <summary>Parses a head ending in CRLF CRLF; null if it is not one we can frame safely.</summary>
    public static RequestHead? Parse(byte[] head)
    {
        var text = Encoding.Latin1.GetString(head);
        var lines = text[..^4].Split("\r\n");
        if (lines.Length == 0 || lines[0].Split(' ').Length != 3 || !lines[0].EndsWith("HTTP/1.1", StringComparison.Ordinal) && !lines[0].EndsWith("HTTP/1.0", StringComparison.Ordinal))
            return null;
        long? contentLength = null;
        bool chunked = false, upgrade = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) return null;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(value, out var cl) || cl < 0 || contentLength is not null && contentLength != cl) return null;
                contentLength = cl;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
            {
                upgrade = value.Length > 0;
            }
        }
        // Both framings at once is request smuggling territory: let Kestrel refuse it.
        if (chunked && contentLength is not null) return null;
        return new RequestHead(lines) { ContentLength = contentLength, Chunked = chunked, Upgrade = upgrade };
    }

    /// <summary>The head without its Content-Length, so Kestrel sees no body and allows the upgrade.</summary>
    public byte[] WithoutContentLength()
    {
        var kept = _lines.Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return Encoding.Latin1.GetBytes(string.Join("\r\n", kept) + "\r\n\r\n");
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http;
using WebUI.Registry.Access;
using WebUI.Registry.Errors;

namespace WebUI.Registry.Handlers;

/// <summary>HEAD/GET (with a single byte Range) and DELETE /v2/&lt;name&gt;/blobs/&lt;digest&gt;.</summary>
internal static class BlobHandlers
{
    public static async Task GetAsync(RegistryRequest r, string name, string reference)
    {
        await r.AuthorizeAsync(name, RegistryAction.Pull);
        var digest = RegistryRequest.ParseDigest(reference);
        var info = r.Store.BlobInfo(name, digest);
        var headers = r.Response.Headers;
        headers["Docker-Content-Digest"] = digest.Value;
        headers.ETag = $"\"{digest.Value}\"";
        headers.AcceptRanges = "bytes";
        headers.CacheControl = "max-age=31536000";
        r.Response.ContentType = "application/octet-stream";

        long start = 0, length = info.Size;
        var range = r.Request.Headers.Range.ToString();
        if (range.Length > 0 && !r.IsHead)
        {
            if (!TryParseRange(range, info.Size, out start, out var end))
            {
                headers.ContentRange = $"bytes */{info.Size}";
                throw new RegistryException(RegistryErrorCode.RangeInvalid, $"range {range} not satisfiable for {info.Size} bytes");
            }
            length = end - start + 1;
            r.Response.StatusCode = StatusCodes.Status206PartialContent;
            headers.ContentRange = $"bytes {start}-{end}/{info.Size}";
        }
        else
        {
            r.Response.StatusCode = StatusCodes.Status200OK;
        }
        r.Response.ContentLength = length;
        if (r.IsHead) return;

        await using var blob = r.Store.OpenBlob(name, digest);
        blob.Seek(start, SeekOrigin.Begin);
        var buffer = new byte[81920];
        var left = length;
        while (left > 0)
        {
            var n = await blob.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), r.Aborted);
            if (n == 0) break;
            await r.Response.Body.WriteAsync(buffer.AsMemory(0, n), r.Aborted);
            left -= n;
        }
    }

    public static async Task DeleteAsync(RegistryRequest r, string name, string reference)
    {
        await r.AuthorizeAsync(name, RegistryAction.Delete);
        var digest = RegistryRequest.ParseDigest(reference);
        if (!r.Store.HasBlob(name, digest) || !r.Store.UnlinkBlob(name, digest))
            throw new RegistryException(RegistryErrorCode.BlobUnknown, "blob unknown to registry", new { digest = digest.Value });
        r.Empty(StatusCodes.Status202Accepted);
    }

    /// <summary>One range of "bytes=a-b", "bytes=a-" or "bytes=-n" within <paramref name="size"/> bytes.</summary>
    internal static bool TryParseRange(string header, long size, out long start, out long end)
    {
        start = end = 0;
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',')) return false;
        var spec = header[6..].Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0) return false;
        var a = spec[..dash];
        var b = spec[(dash + 1)..];
        if (a.Length == 0)
        {
            if (!long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) || suffix == 0 || size == 0) return false;
            start = Math.Max(0, size - suffix);
            end = size - 1;
            return true;
        }
        if (!long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start >= size) return false;
        if (b.Length == 0) { end = size - 1; return true; }
        if (!long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start) return false;
        end = Math.Min(end, size - 1);
        return true;
    }
}

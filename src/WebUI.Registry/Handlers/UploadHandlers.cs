using System.Globalization;
using Microsoft.AspNetCore.Http;
using WebUI.Engine.Content;
using WebUI.Registry.Access;
using WebUI.Registry.Errors;

namespace WebUI.Registry.Handlers;

/// <summary>
/// Blob uploads: POST /v2/&lt;name&gt;/blobs/uploads/ (monolithic with ?digest=, cross-repository ?mount=&amp;from=, or
/// start a session), then PATCH chunks, PUT ?digest= to finish, GET the status, DELETE to cancel.
/// </summary>
internal static class UploadHandlers
{
    public static async Task StartAsync(RegistryRequest r, string name)
    {
        await r.AuthorizeAsync(name, RegistryAction.Push);
        var query = r.Request.Query;

        if (query["mount"].ToString() is { Length: > 0 } mount)
        {
            var digest = RegistryRequest.ParseDigest(mount);
            var from = query["from"].ToString();
            // Mount only what the caller could pull from the source anyway; otherwise fall back to an ordinary upload.
            if (from.Length > 0 && Storage.RepositoryName.IsValid(from) && r.Store.HasBlob(from, digest) &&
                await r.TryAuthorizeAsync(from, RegistryAction.Pull) == RegistryAccessDecision.Allow)
            {
                r.Store.LinkBlob(name, digest);
                Created(r, name, digest);
                return;
            }
        }
        else if (query["digest"].ToString() is { Length: > 0 } digestText)
        {
            var digest = RegistryRequest.ParseDigest(digestText);
            r.AllowLargeBody();
            await r.Store.IngestBlobAsync(name, r.Request.Body, digest, r.Request.ContentLength, r.Aborted);
            Created(r, name, digest);
            return;
        }

        var id = r.Uploads.Start(name);
        Accepted(r, name, id, 0, StatusCodes.Status202Accepted);
    }

    public static async Task StatusAsync(RegistryRequest r, string name, string id)
    {
        await r.AuthorizeAsync(name, RegistryAction.Push);
        Accepted(r, name, id, r.Uploads.Size(name, id), StatusCodes.Status204NoContent);
    }

    public static async Task PatchAsync(RegistryRequest r, string name, string id)
    {
        await r.AuthorizeAsync(name, RegistryAction.Push);
        r.AllowLargeBody();
        var (start, end) = ContentRange(r);
        var size = await r.Uploads.AppendAsync(name, id, r.Request.Body, start, end, r.Aborted);
        Accepted(r, name, id, size, StatusCodes.Status202Accepted);
    }

    public static async Task FinishAsync(RegistryRequest r, string name, string id)
    {
        await r.AuthorizeAsync(name, RegistryAction.Push);
        var digest = RegistryRequest.ParseDigest(r.Request.Query["digest"].ToString());
        r.AllowLargeBody();
        if (r.Request.ContentLength is null or > 0)
        {
            var (start, end) = ContentRange(r);
            await r.Uploads.AppendAsync(name, id, r.Request.Body, start, end, r.Aborted);
        }
        await r.Uploads.CompleteAsync(name, id, digest, r.Aborted);
        Created(r, name, digest);
    }

    public static async Task CancelAsync(RegistryRequest r, string name, string id)
    {
        await r.AuthorizeAsync(name, RegistryAction.Push);
        r.Uploads.Cancel(name, id);
        r.Empty(StatusCodes.Status204NoContent);
    }

    private static void Created(RegistryRequest r, string name, Digest digest)
    {
        r.Response.Headers.Location = $"/v2/{name}/blobs/{digest.Value}";
        r.Response.Headers["Docker-Content-Digest"] = digest.Value;
        r.Empty(StatusCodes.Status201Created);
    }

    private static void Accepted(RegistryRequest r, string name, string id, long size, int status)
    {
        r.Response.Headers.Location = $"/v2/{name}/blobs/uploads/{id}";
        // The inclusive end of what was received; "0-0" also when nothing was (as the distribution registry says).
        r.Response.Headers.Range = $"0-{Math.Max(0, size - 1)}";
        r.Response.Headers["Docker-Upload-UUID"] = id;
        r.Empty(status);
    }

    /// <summary>Content-Range "start-end" (inclusive; a "bytes " prefix is tolerated), or nulls when absent.</summary>
    private static (long?, long?) ContentRange(RegistryRequest r)
    {
        var header = r.Request.Headers.ContentRange.ToString();
        if (header.Length == 0) return (null, null);
        var spec = header.StartsWith("bytes ", StringComparison.OrdinalIgnoreCase) ? header[6..] : header;
        var slash = spec.IndexOf('/');
        if (slash >= 0) spec = spec[..slash];
        var dash = spec.IndexOf('-');
        if (dash > 0 &&
            long.TryParse(spec[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var start) &&
            long.TryParse(spec[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var end) && end >= start)
            return (start, end);
        throw new RegistryException(RegistryErrorCode.RangeInvalid, $"invalid Content-Range \"{header}\"");
    }
}

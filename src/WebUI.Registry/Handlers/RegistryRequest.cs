using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WebUI.Engine.Content;
using WebUI.Registry.Access;
using WebUI.Registry.Errors;
using WebUI.Registry.Storage;
using WebUI.Registry.Uploads;

namespace WebUI.Registry.Handlers;

/// <summary>One registry request with the services and helpers its handler needs.</summary>
internal sealed class RegistryRequest(HttpContext http, RegistryStore store, UploadSessions uploads, IRegistryAccessPolicy policy, RegistryOptions options)
{
    public HttpContext Http { get; } = http;
    public HttpRequest Request => Http.Request;
    public HttpResponse Response => Http.Response;
    public CancellationToken Aborted => Http.RequestAborted;
    public RegistryStore Store { get; } = store;
    public UploadSessions Uploads { get; } = uploads;
    public RegistryOptions Options { get; } = options;
    public bool IsHead => HttpMethods.IsHead(Request.Method);

    public static RegistryRequest From(HttpContext http) => new(
        http,
        Get<RegistryStore>(http),
        Get<UploadSessions>(http),
        Get<IRegistryAccessPolicy>(http),
        Get<IOptions<RegistryOptions>>(http).Value);

    private static T Get<T>(HttpContext http) where T : notnull =>
        (T)(http.RequestServices.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered: call AddRegistry()"));

    /// <summary>Throws UNAUTHORIZED (with a challenge) or DENIED unless the policy allows.</summary>
    public async Task AuthorizeAsync(string? repository, RegistryAction action)
    {
        switch (await TryAuthorizeAsync(repository, action))
        {
            case RegistryAccessDecision.Allow:
                return;
            case RegistryAccessDecision.Challenge:
                Response.Headers.WWWAuthenticate = $"Basic realm=\"{Options.Realm}\"";
                throw new RegistryException(RegistryErrorCode.Unauthorized, "authentication required",
                    repository is null ? null : new[] { new { Type = "repository", Name = repository, Action = action.ToString().ToLowerInvariant() } });
            default:
                throw new RegistryException(RegistryErrorCode.Denied, $"requested access to the resource is denied: {action.ToString().ToLowerInvariant()} on {repository ?? "the registry"}");
        }
    }

    public ValueTask<RegistryAccessDecision> TryAuthorizeAsync(string? repository, RegistryAction action) =>
        policy.AuthorizeAsync(Http, repository, action, Aborted);

    /// <summary>Parses a digest from the path or query; DIGEST_INVALID otherwise.</summary>
    public static Digest ParseDigest(string? value) =>
        Digest.TryParse(value, out var d) ? d : throw new RegistryException(RegistryErrorCode.DigestInvalid, "invalid digest: expected sha256:<64 lowercase hex>", new { digest = value });

    public static void CheckName(string name)
    {
        if (!RepositoryName.IsValid(name))
            throw new RegistryException(RegistryErrorCode.NameInvalid, "invalid repository name", new { name });
    }

    public async Task WriteJsonAsync<T>(int status, T body, string contentType = "application/json")
    {
        Response.StatusCode = status;
        Response.ContentType = contentType;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        Response.ContentLength = bytes.Length;
        if (!IsHead) await Response.Body.WriteAsync(bytes, Aborted);
    }

    /// <summary>Answers with no body (201/202/204), Content-Length 0.</summary>
    public void Empty(int status)
    {
        Response.StatusCode = status;
        Response.ContentLength = 0;
    }

    /// <summary>Removes the request size limit: blobs and chunks may be gigabytes.</summary>
    public void AllowLargeBody()
    {
        var limit = Http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = null;
    }
}

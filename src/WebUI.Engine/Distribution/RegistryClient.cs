using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Distribution;

/// <summary>
/// HTTP to one repository of one registry, with the auth flows: anonymous, Basic, and Bearer tokens fetched from the
/// realm of a WWW-Authenticate challenge with the repository's scope. Credentials go only to the registry's own host
/// (and its token realm): redirects elsewhere, e.g. to blob storage, are followed without them.
/// </summary>
internal sealed partial class RegistryClient(HttpClient http, Uri baseUri, string repository, RegistryCredentials credentials, string actions)
{
    private const int MaxRedirects = 5;
    private AuthenticationHeaderValue? _authorization;
    private readonly SemaphoreSlim _authGate = new(1, 1);

    public Uri BaseUri { get; } = baseUri;
    public string Repository { get; } = repository;

    public Uri Url(string relative) => new(BaseUri, $"v2/{Repository}/{relative}");

    /// <summary>Sends a request built by <paramref name="build"/> (called again for each retry and redirect), authenticating on a 401.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<Uri, HttpRequestMessage> build, Uri url, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseHeadersRead)
    {
        var authenticated = false;
        for (var redirects = 0; ; )
        {
            using var request = build(url);
            var sameHost = SameOrigin(url, BaseUri);
            if (sameHost && _authorization is not null) request.Headers.Authorization = _authorization;
            var response = await http.SendAsync(request, completion, cancellationToken);

            if (response.StatusCode == HttpStatusCode.Unauthorized && sameHost && !authenticated)
            {
                var challenge = AuthChallenge.Parse(response.Headers.WwwAuthenticate.ToString());
                response.Dispose();
                authenticated = true;
                await AuthenticateAsync(challenge, cancellationToken);
                continue;
            }
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                if (++redirects > MaxRedirects) throw EngineException.Precondition($"too many redirects from {BaseUri.Host}");
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                response.Dispose();
                continue;
            }
            return response;
        }
    }

    private static bool IsRedirect(HttpStatusCode s) => s is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    /// <summary>Answers a challenge: Basic with the credentials, or a Bearer token from the realm. Without an answer the 401 stands.</summary>
    public async Task AuthenticateAsync(AuthChallenge? challenge, CancellationToken cancellationToken)
    {
        await _authGate.WaitAsync(cancellationToken);
        try
        {
            if (challenge is null) return;
            if (challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            {
                if (credentials.HasBasic)
                    _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
                return;
            }
            if (!challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return;
            if (!string.IsNullOrEmpty(credentials.RegistryToken))
            {
                _authorization = new AuthenticationHeaderValue("Bearer", credentials.RegistryToken);
                return;
            }
            var token = await FetchTokenAsync(challenge, Repository.Length == 0 ? null : $"repository:{Repository}:{actions}", cancellationToken);
            _authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        finally
        {
            _authGate.Release();
        }
    }

    /// <summary>Gets a token from the challenge's realm (GET with Basic credentials, or POST with an identity token).</summary>
    private async Task<string> FetchTokenAsync(AuthChallenge challenge, string? scope, CancellationToken cancellationToken)
    {
        var realm = challenge["realm"] ?? throw EngineException.Precondition($"registry {BaseUri.Host} sent a Bearer challenge without a realm");
        if (!Uri.TryCreate(realm, UriKind.Absolute, out var realmUri) || realmUri.Scheme is not ("https" or "http"))
            throw EngineException.Precondition($"registry {BaseUri.Host} sent an invalid token realm \"{realm}\"");
        var service = challenge["service"];
        scope ??= challenge["scope"];

        HttpRequestMessage request;
        if (!string.IsNullOrEmpty(credentials.IdentityToken))
        {
            var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = credentials.IdentityToken, ["client_id"] = "webui" };
            if (service is not null) form["service"] = service;
            if (scope is not null) form["scope"] = scope;
            request = new HttpRequestMessage(HttpMethod.Post, realmUri) { Content = new FormUrlEncodedContent(form) };
        }
        else
        {
            var query = new List<string>();
            if (service is not null) query.Add("service=" + Uri.EscapeDataString(service));
            if (scope is not null) query.Add("scope=" + Uri.EscapeDataString(scope));
            var builder = new UriBuilder(realmUri) { Query = string.Join('&', new[] { realmUri.Query.TrimStart('?') }.Where(q => q.Length > 0).Concat(query)) };
            request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
            if (credentials.HasBasic)
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
        }
        using (request)
        using (var response = await http.SendAsync(request, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
                throw new EngineException(ErrorKind.Forbidden, $"unauthorized: the token server {realmUri.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            foreach (var name in new[] { "token", "access_token" })
                if (doc.RootElement.TryGetProperty(name, out var t) && t.GetString() is { Length: > 0 } value) return value;
            throw EngineException.Precondition($"the token server {realmUri.Host} answered without a token");
        }
    }

    /// <summary>Turns a failed registry answer into an engine error with the registry's own message ("manifest unknown: …").</summary>
    public static async Task<EngineException> ErrorAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var detail = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Length > 0 && body.Length < 65536)
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
                {
                    var e = errors[0];
                    var code = e.TryGetProperty("code", out var c) ? c.GetString()?.ToLowerInvariant().Replace('_', ' ') : null;
                    var message = e.TryGetProperty("message", out var m) ? m.GetString() : null;
                    detail = code is null ? message ?? detail : $"{code}: {message}";
                }
            }
        }
        catch (JsonException) { }
        var kind = response.StatusCode switch
        {
            HttpStatusCode.NotFound => ErrorKind.NotFound,
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ErrorKind.Forbidden,
            HttpStatusCode.BadRequest => ErrorKind.InvalidArgument,
            _ => ErrorKind.Internal,
        };
        return new EngineException(kind, $"{what}: {detail}");
    }
}

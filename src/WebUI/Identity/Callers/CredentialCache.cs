using System.Collections.Concurrent;
using WebUI.Engine.Security.Admission;

namespace WebUI.Identity.Callers;

/// <summary>
/// Verified credentials (an API token, a registry Basic login) and their caller, for a few seconds, so `docker ps` over
/// TCP and each blob of a push do not hit the store. Any change to users, roles, teams or tokens clears it at once,
/// so a revocation or a role change takes effect on the next request.
/// </summary>
public sealed class CredentialCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until, DateTimeOffset? Expires)> _entries = new(StringComparer.Ordinal);

    /// <summary>The cached caller of <paramref name="key"/> (a hash of the credential), unless stale or past its own expiry.</summary>
    public Caller? Get(string key)
    {
        if (!_entries.TryGetValue(key, out var e)) return null;
        var now = time.GetUtcNow();
        if (now < e.Until && (e.Expires is null || now < e.Expires)) return e.Caller;
        _entries.TryRemove(key, out _);
        return null;
    }

    public void Put(string key, Caller caller, DateTimeOffset? expires)
    {
        if (_entries.Count > 10_000) _entries.Clear();
        _entries[key] = (caller, time.GetUtcNow() + Lifetime, expires);
    }

    public void Clear() => _entries.Clear();
}

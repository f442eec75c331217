namespace WebUI.Engine.Build.Dockerfile;

/// <summary>A parsed <c>RUN --mount=...</c>; the builder decides which types it can honour.</summary>
/// <param name="Type">bind, cache, tmpfs, secret or ssh.</param>
/// <param name="Options">Every other key as written (id, sharing, mode, uid, gid, size, required...).</param>
internal sealed record RunMount(string Type, string? Target, string? Source, string? From, bool ReadOnly, IReadOnlyDictionary<string, string> Options);

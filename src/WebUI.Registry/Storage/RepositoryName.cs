using WebUI.Engine.References;

namespace WebUI.Registry.Storage;

/// <summary>Repository names and tags of the registry, checked with the engine's one reference grammar.</summary>
internal static class RepositoryName
{
    // Any registry host will do: the grammar of the path and the tag is what matters here.
    private const string Host = "localhost";

    /// <summary>Whether <paramref name="name"/> is a valid repository path ("team/app", lowercase components).</summary>
    public static bool IsValid(string name) =>
        name.Length > 0 &&
        ImageReference.TryParse($"{Host}/{name}", out var r, out _) &&
        r.Domain == Host && r.Path == name && r.Tag is null && r.Digest is null;

    public static bool IsValidTag(string tag) =>
        tag.Length > 0 &&
        ImageReference.TryParse($"{Host}/x:{tag}", out var r, out _) && r.Tag == tag && r.Digest is null;
}

using WebUI.Engine.Errors;

namespace WebUI.Engine.Distribution;

/// <summary>Parses "os/arch[/variant]" and picks the matching entry of an index (linux/amd64 by default).</summary>
internal static class PlatformSelector
{
    public static Platform Parse(string? platform)
    {
        if (string.IsNullOrWhiteSpace(platform)) return new Platform { Os = "linux", Architecture = "amd64" };
        var parts = platform.Trim().ToLowerInvariant().Split('/');
        if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0))
            throw EngineException.Invalid($"\"{platform}\": unknown platform format: expected os[/arch[/variant]]");
        return new Platform
        {
            Os = parts[0],
            Architecture = parts.Length > 1 ? NormalizeArch(parts[1]) : "amd64",
            Variant = parts.Length > 2 ? parts[2] : null,
        };
    }

    public static string NormalizeArch(string arch) => arch switch
    {
        "x86_64" or "x86-64" => "amd64",
        "aarch64" => "arm64",
        "i386" => "386",
        _ => arch,
    };

    public static string Format(Platform p) => p.Os + "/" + p.Architecture + (p.Variant is null ? "" : "/" + p.Variant);

    /// <summary>The first index entry for <paramref name="want"/>; a wanted variant must match, an unspecified one matches any.</summary>
    public static Descriptor? Select(IEnumerable<Descriptor> manifests, Platform want) =>
        manifests.FirstOrDefault(d => d.Platform is { } p &&
            p.Os == want.Os && NormalizeArch(p.Architecture) == want.Architecture &&
            (want.Variant is null || p.Variant == want.Variant) &&
            MediaTypes.IsImageManifest(d.MediaType));
}

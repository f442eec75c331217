using System.Text.RegularExpressions;
using WebUI.Engine.Content;
using WebUI.Engine.Errors;

namespace WebUI.Engine.References;

/// <summary>
/// A normalized Docker image reference, parsed with the grammar of distribution/reference:
/// "busybox" is docker.io/library/busybox, "localhost:5000/a/b:t" keeps its registry.
/// The one place that parses names for pages, the Docker API and the registry alike.
/// </summary>
public sealed partial record ImageReference
{
    public const string DefaultDomain = "docker.io";
    public const string DefaultTag = "latest";
    private const int NameTotalLengthMax = 255;

    private ImageReference(string domain, string path, string? tag, Digest? digest)
    {
        Domain = domain;
        Path = path;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>Registry host (and port), e.g. "docker.io" or "localhost:5000".</summary>
    public string Domain { get; }
    /// <summary>Repository path within the registry, e.g. "library/busybox".</summary>
    public string Path { get; }
    public string? Tag { get; }
    public Digest? Digest { get; }

    /// <summary>"docker.io/library/busybox".</summary>
    public string Name => Domain + "/" + Path;

    /// <summary>The short name Docker shows: "busybox", "user/app", "localhost:5000/a/b".</summary>
    public string FamiliarName
    {
        get
        {
            if (Domain != DefaultDomain) return Name;
            if (Path.StartsWith("library/", StringComparison.Ordinal) && Path.IndexOf('/', 8) < 0) return Path[8..];
            return Path;
        }
    }

    /// <summary>"busybox:latest", "busybox@sha256:…": how Docker prints a reference.</summary>
    public string FamiliarString => FamiliarName + Suffix;

    /// <summary>The same repository with <see cref="DefaultTag"/> when neither a tag nor a digest was given.</summary>
    public ImageReference WithDefaultTag() => Tag is null && Digest is null ? new(Domain, Path, DefaultTag, null) : this;

    public ImageReference WithTag(string tag)
    {
        if (!TagRegex().IsMatch(tag)) throw EngineException.Invalid("invalid reference format");
        return new(Domain, Path, tag, null);
    }

    public ImageReference WithDigest(Digest digest) => new(Domain, Path, null, digest);

    /// <summary>The repository alone (no tag or digest).</summary>
    public ImageReference Repository => new(Domain, Path, null, null);

    private string Suffix => (Tag is null ? "" : ":" + Tag) + (Digest is { } d ? "@" + d : "");

    /// <summary>"docker.io/library/busybox:latest".</summary>
    public override string ToString() => Name + Suffix;

    /// <summary>Parses and normalizes like Docker's ParseNormalizedNamed (no default tag added). Throws InvalidArgument "invalid reference format…".</summary>
    public static ImageReference Parse(string s) =>
        TryParse(s, out var r, out var error) ? r : throw EngineException.Invalid(error);

    /// <summary>Parses and adds ":latest" when no tag or digest is given.</summary>
    public static ImageReference ParseWithDefaultTag(string s) => Parse(s).WithDefaultTag();

    public static bool TryParse(string s, out ImageReference reference, out string error)
    {
        reference = null!;
        error = "invalid reference format";
        if (string.IsNullOrEmpty(s)) return false;
        if (AnchoredHex64().IsMatch(s))
        {
            error = $"invalid repository name ({s}), cannot specify 64-byte hexadecimal strings";
            return false;
        }

        // Split off the registry the way Docker does: the first component is a domain only if it looks like one.
        string domain, remainder;
        var slash = s.IndexOf('/');
        var first = slash < 0 ? "" : s[..slash];
        if (slash < 0 || (first.IndexOfAny(['.', ':']) < 0 && first != "localhost" && first.ToLowerInvariant() == first))
        {
            domain = DefaultDomain;
            remainder = s;
        }
        else
        {
            domain = first;
            remainder = s[(slash + 1)..];
        }
        if (domain == "index.docker.io") domain = DefaultDomain;
        if (domain == DefaultDomain && remainder.IndexOf('/') < 0) remainder = "library/" + remainder;

        // Uppercase in the repository gets Docker's more specific message.
        var repoPart = remainder;
        var at = repoPart.IndexOf('@');
        if (at >= 0) repoPart = repoPart[..at];
        var colon = repoPart.LastIndexOf(':');
        if (colon >= 0) repoPart = repoPart[..colon];
        if (repoPart.ToLowerInvariant() != repoPart)
        {
            error = $"invalid reference format: repository name ({repoPart}) must be lowercase";
            return false;
        }

        var m = ReferenceRegex().Match(domain + "/" + remainder);
        if (!m.Success) return false;
        var name = m.Groups["name"].Value;
        if (name.Length > NameTotalLengthMax)
        {
            error = $"invalid reference format: repository name must not be more than {NameTotalLengthMax} characters";
            return false;
        }
        Digest? digest = null;
        if (m.Groups["digest"].Success)
        {
            if (!Content.Digest.TryParse(m.Groups["digest"].Value, out var d))
            {
                error = "invalid checksum digest format";
                return false;
            }
            digest = d;
        }
        var path = name[(domain.Length + 1)..];
        reference = new ImageReference(domain, path, m.Groups["tag"].Success ? m.Groups["tag"].Value : null, digest);
        return true;
    }

    // distribution/reference's grammar: domain components, lowercase path components joined by [_.]|__|[-]+,
    // tag [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}, digest algorithm:hex.
    private const string DomainComponent = @"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string Domain_ = @"(?:" + DomainComponent + @"(?:\." + DomainComponent + @")*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?";
    private const string PathComponent = @"[a-z0-9]+(?:(?:[_.]|__|[-]+)[a-z0-9]+)*";
    private const string NamePattern = Domain_ + "/" + PathComponent + "(?:/" + PathComponent + ")*";

    [GeneratedRegex("^(?<name>" + NamePattern + @")(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$")]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagRegex();

    [GeneratedRegex("^[a-f0-9]{64}$")]
    private static partial Regex AnchoredHex64();
}

using System.Text.Json;
using WebUI.Engine.Content;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Distribution;

/// <summary>
/// Parses manifests and rejects the ambiguous ones: a mediaType that disagrees with the Content-Type, a document with
/// both "manifests" and "layers" (CVE-2021-41190), schema1, malformed descriptors. Failures are InvalidArgument.
/// </summary>
public static class ManifestParser
{
    /// <summary>Manifests larger than this are refused (the OCI distribution spec's suggested limit is 4 MiB).</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    /// <summary>Parses <paramref name="json"/> received with <paramref name="contentType"/> (null or empty when unknown).</summary>
    public static ManifestDocument Parse(ReadOnlySpan<byte> json, string? contentType)
    {
        if (json.Length > MaxManifestBytes) throw EngineException.Invalid($"manifest invalid: larger than {MaxManifestBytes} bytes");
        bool hasManifests, hasLayers, hasConfig;
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw EngineException.Invalid("manifest invalid: not a JSON object");
            hasManifests = doc.RootElement.TryGetProperty("manifests", out _);
            hasLayers = doc.RootElement.TryGetProperty("layers", out _);
            hasConfig = doc.RootElement.TryGetProperty("config", out _);
        }
        catch (JsonException e)
        {
            throw EngineException.Invalid($"manifest invalid: {e.Message}");
        }
        // An index that is also an image manifest means different things to different clients (CVE-2021-41190).
        if (hasManifests && (hasLayers || hasConfig))
            throw EngineException.Invalid("manifest invalid: a manifest must not have both \"manifests\" and \"layers\" or \"config\"");

        var m = ManifestDocument.Deserialize(json);
        var declared = NormalizeContentType(contentType);
        if (m.MediaType is DistributionMediaTypeSchema1 || declared is MediaTypes.DockerSchema1 or MediaTypes.DockerSchema1Signed || m.SchemaVersion == 1)
            throw EngineException.Invalid("manifest invalid: Docker schema1 manifests are not supported");
        if (m.SchemaVersion != 2) throw EngineException.Invalid($"manifest invalid: schemaVersion {m.SchemaVersion}, expected 2");

        string resolved;
        if (m.MediaType is { Length: > 0 } own)
        {
            if (declared is not null && declared != own)
                throw EngineException.Invalid($"manifest invalid: mediaType \"{own}\" does not match the Content-Type \"{declared}\"");
            resolved = own;
        }
        else if (declared is not null)
        {
            resolved = declared;
        }
        else
        {
            // No declared type anywhere (an OCI manifest may omit mediaType): the shape decides.
            resolved = hasManifests ? MediaTypes.OciIndex : MediaTypes.OciManifest;
        }
        if (!MediaTypes.IsManifest(resolved)) throw EngineException.Invalid($"manifest invalid: unsupported media type \"{resolved}\"");

        if (MediaTypes.IsIndex(resolved))
        {
            if (m.Manifests is null) throw EngineException.Invalid("manifest invalid: an index needs \"manifests\"");
            foreach (var d in m.Manifests) CheckDescriptor(d, "manifests");
        }
        else
        {
            if (hasManifests) throw EngineException.Invalid("manifest invalid: an image manifest must not have \"manifests\"");
            if (m.Config is null) throw EngineException.Invalid("manifest invalid: an image manifest needs \"config\"");
            CheckDescriptor(m.Config, "config");
            foreach (var d in m.Layers ?? []) CheckDescriptor(d, "layers");
        }
        if (m.Subject is not null) CheckDescriptor(m.Subject, "subject");
        return m with { ResolvedMediaType = resolved };
    }

    /// <summary>"application/json; charset=utf-8" → "application/json"; empty → null.</summary>
    public static string? NormalizeContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var semi = contentType.IndexOf(';');
        var t = (semi < 0 ? contentType : contentType[..semi]).Trim().ToLowerInvariant();
        // Generic JSON says nothing about which manifest this is.
        return t is "" or "application/json" or "application/octet-stream" or "text/plain" ? null : t;
    }

    private const string DistributionMediaTypeSchema1 = MediaTypes.DockerSchema1Signed;

    private static void CheckDescriptor(Descriptor d, string field)
    {
        if (string.IsNullOrEmpty(d.MediaType)) throw EngineException.Invalid($"manifest invalid: a descriptor in \"{field}\" has no mediaType");
        if (!Digest.TryParse(d.Digest, out _)) throw EngineException.Invalid($"manifest invalid: descriptor digest \"{d.Digest}\" in \"{field}\" is not a sha256 digest");
        if (d.Size < 0) throw EngineException.Invalid($"manifest invalid: descriptor {d.Digest} has a negative size");
    }
}

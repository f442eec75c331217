using System.Text.Json;
using WebUI.Engine.Content;
using WebUI.Engine.Distribution;

namespace WebUI.Engine.Images;

/// <summary>Writes the OCI manifest an image gets when it arrives without one (docker import, docker save archives).</summary>
internal static class ImageManifests
{
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";
    public const string ConfigMediaType = "application/vnd.oci.image.config.v1+json";

    public static byte[] Create(Digest config, long configSize, IReadOnlyList<Descriptor> layers) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = ManifestMediaType,
            config = new Descriptor { MediaType = ConfigMediaType, Digest = config.Value, Size = configSize },
            layers,
        }, ManifestJson);

    public static ManifestDocument Parse(byte[] manifest) =>
        JsonSerializer.Deserialize<ManifestDocument>(manifest, ImageJson.Options) ?? throw new JsonException("empty manifest");

    private static readonly JsonSerializerOptions ManifestJson = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}

using System.Text.Json.Serialization;

namespace WebUI.Engine.Images;

/// <summary>The OCI image configuration (application/vnd.oci.image.config.v1+json), as Docker writes it.</summary>
public sealed class ImageSpec
{
    [JsonPropertyName("architecture")] public string Architecture { get; set; } = "amd64";
    [JsonPropertyName("os")] public string Os { get; set; } = "linux";
    [JsonPropertyName("variant"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Variant { get; set; }
    [JsonPropertyName("created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? Created { get; set; }
    [JsonPropertyName("author"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Author { get; set; }
    [JsonPropertyName("comment"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Comment { get; set; }
    [JsonPropertyName("docker_version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DockerVersion { get; set; }
    [JsonPropertyName("config")] public ImageConfig Config { get; set; } = new();
    [JsonPropertyName("rootfs")] public RootFs RootFs { get; set; } = new();
    [JsonPropertyName("history"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<HistoryEntry>? History { get; set; }
}

/// <summary>The layers of an image by their uncompressed digests (diff ids), bottom first.</summary>
public sealed class RootFs
{
    [JsonPropertyName("type")] public string Type { get; set; } = "layers";
    [JsonPropertyName("diff_ids")] public List<string> DiffIds { get; set; } = [];
}

/// <summary>One history entry of an image configuration.</summary>
public sealed class HistoryEntry
{
    [JsonPropertyName("created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? Created { get; set; }
    [JsonPropertyName("created_by"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CreatedBy { get; set; }
    [JsonPropertyName("author"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Author { get; set; }
    [JsonPropertyName("comment"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Comment { get; set; }
    [JsonPropertyName("empty_layer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool EmptyLayer { get; set; }
}

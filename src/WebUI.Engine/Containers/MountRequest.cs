using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebUI.Engine.Containers;

/// <summary>One --mount (Docker's HostConfig.Mounts item, mount.Mount).</summary>
public sealed class MountRequest
{
    public string Type { get; set; } = "";
    public string Source { get; set; } = "";
    public string Target { get; set; } = "";
    public bool ReadOnly { get; set; }
    public string Consistency { get; set; } = "";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public BindOptions? BindOptions { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public VolumeOptions? VolumeOptions { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TmpfsOptions? TmpfsOptions { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

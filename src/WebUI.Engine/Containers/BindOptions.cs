using System.Text.Json.Serialization;

namespace WebUI.Engine.Containers;

/// <summary>--mount type=bind options.</summary>
public sealed class BindOptions
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public string Propagation { get; set; } = "";
    public bool NonRecursive { get; set; }
    public bool CreateMountpoint { get; set; }
}

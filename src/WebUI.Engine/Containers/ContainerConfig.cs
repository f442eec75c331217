using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebUI.Engine.Containers;

/// <summary>
/// Docker's container Config: what the container runs. It is the create body of the Docker API (with
/// <see cref="ContainerCreateRequest"/>) and, merged with the image's defaults, the stored configuration.
/// Unknown fields are kept in <see cref="Extra"/> so nothing a client sent is lost on inspect.
/// </summary>
public class ContainerConfig
{
    public string Hostname { get; set; } = "";
    public string Domainname { get; set; } = "";
    public string User { get; set; } = "";
    public bool AttachStdin { get; set; }
    public bool AttachStdout { get; set; }
    public bool AttachStderr { get; set; }
    public Dictionary<string, JsonElement>? ExposedPorts { get; set; }
    public bool Tty { get; set; }
    public bool OpenStdin { get; set; }
    public bool StdinOnce { get; set; }
    public List<string>? Env { get; set; }
    [JsonConverter(typeof(StringListConverter))] public List<string>? Cmd { get; set; }
    public JsonElement? Healthcheck { get; set; }
    public bool ArgsEscaped { get; set; }
    public string Image { get; set; } = "";
    public Dictionary<string, JsonElement>? Volumes { get; set; }
    public string WorkingDir { get; set; } = "";
    [JsonConverter(typeof(StringListConverter))] public List<string>? Entrypoint { get; set; }
    public bool NetworkDisabled { get; set; }
    public List<string>? OnBuild { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? StopSignal { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StopTimeout { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Shell { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A deep copy through JSON (the stored configuration must not share lists with a request).</summary>
    public ContainerConfig CloneConfig() =>
        JsonSerializer.Deserialize<ContainerConfig>(JsonSerializer.SerializeToUtf8Bytes(this, typeof(ContainerConfig)))!;
}

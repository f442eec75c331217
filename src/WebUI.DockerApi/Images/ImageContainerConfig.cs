using System.Text.Json;
using System.Text.Json.Serialization;
using WebUI.Engine.Images;

namespace WebUI.DockerApi.Images;

/// <summary>The image's container defaults in Docker's container.Config shape, with the empty defaults older clients expect.</summary>
public sealed record ImageContainerConfig
{
    public string Hostname { get; init; } = "";
    public string Domainname { get; init; } = "";
    public string User { get; init; } = "";
    public bool AttachStdin { get; init; }
    public bool AttachStdout { get; init; }
    public bool AttachStderr { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyDictionary<string, JsonElement>? ExposedPorts { get; init; }
    public bool Tty { get; init; }
    public bool OpenStdin { get; init; }
    public bool StdinOnce { get; init; }
    public IReadOnlyList<string>? Env { get; init; }
    public IReadOnlyList<string>? Cmd { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public JsonElement? Healthcheck { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool ArgsEscaped { get; init; }
    public string Image { get; init; } = "";
    public IReadOnlyDictionary<string, JsonElement>? Volumes { get; init; }
    public string WorkingDir { get; init; } = "";
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public IReadOnlyList<string>? OnBuild { get; init; }
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? StopSignal { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Shell { get; init; }

    public static ImageContainerConfig From(ImageConfig c) => new()
    {
        User = c.User ?? "",
        ExposedPorts = c.ExposedPorts,
        Env = c.Env,
        Cmd = c.Cmd,
        Healthcheck = c.Healthcheck,
        ArgsEscaped = c.ArgsEscaped,
        Volumes = c.Volumes,
        WorkingDir = c.WorkingDir ?? "",
        Entrypoint = c.Entrypoint,
        OnBuild = c.OnBuild,
        Labels = c.Labels,
        StopSignal = c.StopSignal,
        Shell = c.Shell,
    };
}

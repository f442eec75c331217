namespace WebUI.Engine.Containers;

/// <summary>The log driver of a container. Only "json-file" (Docker's default name; the file itself is conmon's CRI format) is supported.</summary>
public sealed class LogConfig
{
    public string Type { get; set; } = "json-file";
    public Dictionary<string, string> Config { get; set; } = new();
}

using System.Text.Json.Serialization;

namespace WebUI.Engine.Security;

/// <summary>One rule of a Docker-format profile: syscalls, the action, argument conditions, and when it applies.</summary>
public sealed record SeccompRule
{
    [JsonPropertyName("names")] public List<string>? Names { get; init; }
    /// <summary>The older format's single name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("action")] public string Action { get; init; } = "SCMP_ACT_ALLOW";
    [JsonPropertyName("errnoRet")] public uint? ErrnoRet { get; init; }
    [JsonPropertyName("args")] public List<SeccompArg>? Args { get; init; }
    [JsonPropertyName("includes")] public SeccompCondition? Includes { get; init; }
    [JsonPropertyName("excludes")] public SeccompCondition? Excludes { get; init; }
}

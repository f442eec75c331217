using System.Text.Json.Serialization;

namespace WebUI.Engine.Security;

/// <summary>One OCI seccomp rule.</summary>
public sealed record LinuxSyscall
{
    [JsonPropertyName("names")] public required IReadOnlyList<string> Names { get; init; }
    [JsonPropertyName("action")] public required string Action { get; init; }
    [JsonPropertyName("errnoRet"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public uint? ErrnoRet { get; init; }
    [JsonPropertyName("args"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<SeccompArg>? Args { get; init; }
}

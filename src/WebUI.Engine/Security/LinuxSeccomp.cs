using System.Text.Json.Serialization;

namespace WebUI.Engine.Security;

/// <summary>The OCI runtime spec's linux.seccomp: what runc loads, with every condition already decided.</summary>
public sealed record LinuxSeccomp
{
    [JsonPropertyName("defaultAction")] public required string DefaultAction { get; init; }
    [JsonPropertyName("defaultErrnoRet"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public uint? DefaultErrnoRet { get; init; }
    [JsonPropertyName("architectures")] public required IReadOnlyList<string> Architectures { get; init; }
    [JsonPropertyName("syscalls")] public required IReadOnlyList<LinuxSyscall> Syscalls { get; init; }
}

using System.Text.Json.Serialization;

namespace WebUI.Engine.Security;

/// <summary>A seccomp profile in Docker's format (profiles/seccomp/default.json, `--security-opt seccomp=file.json`): rules may depend on capabilities, architectures and kernel version.</summary>
public sealed record SeccompProfile
{
    [JsonPropertyName("defaultAction")] public string DefaultAction { get; init; } = "SCMP_ACT_ERRNO";
    [JsonPropertyName("defaultErrnoRet")] public uint? DefaultErrnoRet { get; init; }
    [JsonPropertyName("archMap")] public List<SeccompArchMap>? ArchMap { get; init; }
    /// <summary>The older format's flat list of architectures.</summary>
    [JsonPropertyName("architectures")] public List<string>? Architectures { get; init; }
    [JsonPropertyName("syscalls")] public List<SeccompRule> Syscalls { get; init; } = [];
}

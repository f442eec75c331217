using WebUI.Engine.Security;

namespace WebUI.Engine.Runtime;

/// <summary>What the start decides beside the record for the spec: the seccomp filter, the user's mounts, the init binary and the network namespace.</summary>
internal sealed record SpecInputs
{
    /// <summary>Null: unconfined.</summary>
    public LinuxSeccomp? Seccomp { get; init; }
    public IReadOnlyList<SpecMount> Mounts { get; init; } = [];
    /// <summary>The host path of the init for --init; null without.</summary>
    public string? InitPath { get; init; }
    /// <summary>The container's network namespace made by the network manager; null: the host's (host mode) or, when not host mode, a new one with only lo.</summary>
    public string? NetnsPath { get; init; }
}

using WebUI.Engine.Security;

namespace WebUI.Engine.Runtime;

/// <summary>What the start decides beside the record for the spec: the seccomp filter, the user's mounts and the init binary.</summary>
internal sealed record SpecInputs
{
    /// <summary>Null: unconfined.</summary>
    public LinuxSeccomp? Seccomp { get; init; }
    public IReadOnlyList<SpecMount> Mounts { get; init; } = [];
    /// <summary>The host path of the init for --init; null without.</summary>
    public string? InitPath { get; init; }
}

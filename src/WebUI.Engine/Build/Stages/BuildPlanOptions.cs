namespace WebUI.Engine.Build.Stages;

/// <summary>The inputs of a build that shape variable evaluation and stage selection.</summary>
internal sealed record BuildPlanOptions
{
    /// <summary>--build-arg values; a null value means "declared on the command line without a value" and is ignored.</summary>
    public IReadOnlyDictionary<string, string?> BuildArgs { get; init; } = new Dictionary<string, string?>();
    /// <summary>--target; null builds the last stage.</summary>
    public string? Target { get; init; }
    /// <summary>Values for BUILDPLATFORM/TARGETPLATFORM and friends; empty leaves them undefined.</summary>
    public IReadOnlyDictionary<string, string> AutomaticArgs { get; init; } = new Dictionary<string, string>();
}

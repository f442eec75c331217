using WebUI.Engine.Distribution;

namespace WebUI.Engine.Build;

/// <summary>The options of one build (POST /build's query), validated by <see cref="ImageBuilder"/> before anything runs.</summary>
public sealed record BuildOptions
{
    /// <summary>Names to tag the result with (t=, several).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Path of the Dockerfile inside the context.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";
    public IReadOnlyDictionary<string, string?> BuildArgs { get; init; } = new Dictionary<string, string?>();
    public string? Target { get; init; }
    public bool NoCache { get; init; }
    /// <summary>Pull every base image even when it is present (otherwise only missing ones are pulled).</summary>
    public bool Pull { get; init; }
    /// <summary>Credentials for base-image pulls, keyed by registry host as references name it ("docker.io", "127.0.0.1:5000"); X-Registry-Config.</summary>
    public IReadOnlyDictionary<string, RegistryCredentials> RegistryAuth { get; init; } = new Dictionary<string, RegistryCredentials>();
    /// <summary>Remove intermediate containers after a successful step (default true); on failure too (this engine never leaves a failed step's container unless rm=false).</summary>
    public bool Remove { get; init; } = true;
    /// <summary>Always remove intermediate containers.</summary>
    public bool ForceRemove { get; init; }
    /// <summary>Labels for the final image (a last LABEL step, as Docker's legacy builder adds).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    /// <summary>Print only the image id.</summary>
    public bool Quiet { get; init; }
    /// <summary>Network of RUN containers: "default" (none until bridge networking exists), "none", "host".</summary>
    public string? NetworkMode { get; init; }
    public string? Platform { get; init; }
    /// <summary>Images whose build steps may be reused; when set, only these (and their ancestors) serve as cache.</summary>
    public IReadOnlyList<string> CacheFrom { get; init; } = [];
}

namespace WebUI.Services;

/// <summary>The build form: a pasted Dockerfile or an uploaded context, names to tag the result with, build args.</summary>
public sealed class BuildForm
{
    /// <summary>Names for the image, separated by spaces or commas (docker build -t, several).</summary>
    public string? Tags { get; set; }
    /// <summary>The Dockerfile text when there is no uploaded context.</summary>
    public string? Dockerfile { get; set; }
    /// <summary>Path of the Dockerfile inside an uploaded context.</summary>
    public string DockerfilePath { get; set; } = "Dockerfile";
    /// <summary>One "NAME=value" a line (--build-arg).</summary>
    public string? BuildArgs { get; set; }
    public bool NoCache { get; set; }
}

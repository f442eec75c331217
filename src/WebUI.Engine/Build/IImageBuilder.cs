namespace WebUI.Engine.Build;

/// <summary>Builds an image from a Dockerfile in a tar build context, with a layer cache; Docker's legacy builder output.</summary>
public interface IImageBuilder
{
    /// <summary>
    /// Runs the build, handing each output message to <paramref name="output"/> as it happens. Returns the image id.
    /// A failure throws with Docker's message; it leaves no image for the failed step, no tags and no containers (unless rm=false).
    /// </summary>
    Task<string> BuildAsync(Stream context, BuildOptions options, Func<BuildMessage, CancellationToken, Task> output, CancellationToken cancellationToken);
}

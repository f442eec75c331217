namespace WebUI.Engine.Images;

/// <summary>Tells the image service which containers use an image, so rmi can refuse or untag only.</summary>
public interface IImageUsage
{
    /// <summary>Ids of containers (running or not) created from the image with this id.</summary>
    IReadOnlyList<string> ContainersUsing(string imageId);

    /// <summary>Whether any of those containers is running.</summary>
    bool AnyRunning(string imageId);
}

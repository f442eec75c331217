using WebUI.Engine.Images;

namespace WebUI.Engine.Commit;

/// <summary>docker commit: a new image from a container's changes on top of its image.</summary>
public interface IContainerCommitter
{
    Task<ImageRecord> CommitAsync(string container, CommitOptions options, CancellationToken cancellationToken);
}

using WebUI.Engine.Containers;
using WebUI.Engine.Images;

namespace WebUI.DockerApi.Containers;

/// <summary>
/// The sizes Docker reports with size=1 (ps -s, inspect -s, system df): SizeRw, the bytes in the container's
/// writable layer, and SizeRootFs, those plus its image's.
/// </summary>
internal sealed class ContainerSizes(IContainerService containers, IReadOnlyDictionary<string, long> imageSizes)
{
    public static async Task<ContainerSizes> LoadAsync(IContainerService containers, IImageService images, CancellationToken cancellationToken)
    {
        var list = await images.ListAsync(new ImageListOptions { All = true }, cancellationToken);
        return new ContainerSizes(containers, list.ToDictionary(i => i.Id, i => i.Size));
    }

    public ContainerSize Of(ContainerRecord container)
    {
        var rw = containers.SizeRw(container.Id);
        return new ContainerSize(rw, rw + imageSizes.GetValueOrDefault(container.Image));
    }
}

namespace WebUI.DockerApi.Containers;

/// <summary>A container's writable layer size and its size with the image (Docker's SizeRw and SizeRootFs).</summary>
internal readonly record struct ContainerSize(long Rw, long RootFs);

using WebUI.DockerApi.Containers;

namespace WebUI.DockerApi.SystemDf;

/// <summary>A container in GET /system/df: its summary with both sizes.</summary>
public sealed record DfContainer
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Names { get; init; }
    public required string Image { get; init; }
    public required string ImageID { get; init; }
    public required string Command { get; init; }
    public long Created { get; init; }
    public long SizeRw { get; init; }
    public long SizeRootFs { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public required string State { get; init; }
    public required string Status { get; init; }
    public IReadOnlyList<object> Mounts { get; init; } = [];
    public IReadOnlyList<object> Ports { get; init; } = [];

    public static DfContainer From(ContainerSummary s, long sizeRw, long imageSize) => new()
    {
        Id = s.Id, Names = s.Names, Image = s.Image, ImageID = s.ImageID, Command = s.Command, Created = s.Created,
        SizeRw = sizeRw, SizeRootFs = sizeRw + imageSize, Labels = s.Labels, State = s.State, Status = s.Status,
    };
}

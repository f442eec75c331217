namespace WebUI.Engine.Build.Stages;

/// <summary>What a FROM or a <c>--from</c> points at: an earlier stage of this build, or an image to pull.</summary>
internal sealed record StageReference(int? StageIndex, string? Image)
{
    public bool IsStage => StageIndex is not null;
    public static StageReference ForStage(int index) => new(index, null);
    public static StageReference ForImage(string image) => new(null, image);
}

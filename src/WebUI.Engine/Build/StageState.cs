using WebUI.Engine.Images;

namespace WebUI.Engine.Build;

/// <summary>Where a stage stands: the image of its last step (null: FROM scratch, nothing yet) and the config being built.</summary>
internal sealed class StageState(ImageRecord? image, ImageSpec spec)
{
    public ImageRecord? Image { get; set; } = image;
    public ImageSpec Spec { get; set; } = spec;
    /// <summary>CMD was set in this stage: a later ENTRYPOINT keeps it (else ENTRYPOINT clears the inherited CMD, as Docker does).</summary>
    public bool CmdSet { get; set; }
    public string ParentKey => Image?.Id ?? "scratch";
}

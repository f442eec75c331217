using WebUI.Engine.Content;

namespace WebUI.Engine.Distribution;

/// <summary>
/// A part of the engine besides images that keeps blobs in the shared content store (the built-in registry's
/// repositories). Image removal asks every holder before it deletes a blob no image needs any more.
/// </summary>
public interface IContentHolder
{
    /// <summary>Whether the blob is still needed by this holder.</summary>
    bool Holds(Digest digest);
}

using WebUI.Engine.Distribution;
using WebUI.Engine.Images;

namespace WebUI.Engine.Commit;

/// <summary>A layer made from a directory: its snapshot (chain id), uncompressed digest, compressed blob and content size.</summary>
internal sealed record CommittedLayer(string ChainId, string DiffId, Descriptor Blob, long Size);

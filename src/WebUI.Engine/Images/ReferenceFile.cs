namespace WebUI.Engine.Images;

/// <summary>The persisted name → image id map (images/repositories.json); names are normalized references, tags and digests alike.</summary>
internal sealed class ReferenceFile
{
    public SortedDictionary<string, string> References { get; set; } = new(StringComparer.Ordinal);
}

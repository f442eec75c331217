namespace WebUI.Services;

/// <summary>One layer's line in a pull or push: its short id, latest status and byte progress.</summary>
public sealed class LayerProgress(string id)
{
    public string Id { get; } = id;
    public string Status { get; set; } = "";
    public long Current { get; set; }
    public long Total { get; set; }

    /// <summary>0–100, or null while the size is unknown.</summary>
    public double? Percent => Total > 0 ? Math.Min(100, 100.0 * Current / Total) : null;
}

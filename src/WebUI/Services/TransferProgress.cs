using WebUI.Engine.Distribution;

namespace WebUI.Services;

/// <summary>
/// The state of a pull or push as the browser shows it: one row per layer (Docker's short id) with its latest status and
/// bytes, and the general status lines; built from the engine's progress events.
/// </summary>
public sealed class TransferProgress
{
    private readonly List<LayerProgress> _layers = [];
    private readonly List<string> _messages = [];
    private int _messagesBeforeLayers;

    public IReadOnlyList<LayerProgress> Layers => _layers;
    public IReadOnlyList<string> Messages => _messages;

    /// <summary>Status lines that came before the first layer ("latest: Pulling from ..."), shown above the layers.</summary>
    public IEnumerable<string> Header => _messages.Take(_messagesBeforeLayers);

    /// <summary>Status lines after the layers started (Digest, Status, pushed digests), shown below them.</summary>
    public IEnumerable<string> Footer => _messages.Skip(_messagesBeforeLayers);

    /// <summary>Whether the engine already reported the outcome (Docker's final "Status: ..." or a pushed digest).</summary>
    public bool HasOutcome => _messages.Any(m => m.StartsWith("Status:", StringComparison.Ordinal) || m.Contains("digest: sha256:", StringComparison.Ordinal));

    private void AddMessage(string message)
    {
        _messages.Add(message);
        if (_layers.Count == 0) _messagesBeforeLayers = _messages.Count;
    }

    private static bool IsShortId(string id) => id.Length == 12 && id.All(char.IsAsciiHexDigitLower);

    public void Apply(DistributionProgress p)
    {
        if (p.Id is null || p.Aux is not null)
        {
            if (p.Status.Length > 0) AddMessage(p.Status);
            return;
        }
        var row = _layers.Find(l => l.Id == p.Id);
        if (row is null)
        {
            // Layers go by Docker's 12-hex short id; a status for a tag ("latest: Pulling from ...") is a message.
            if (!IsShortId(p.Id))
            {
                AddMessage($"{p.Id}: {p.Status}");
                return;
            }
            _layers.Add(row = new LayerProgress(p.Id));
        }
        row.Status = p.Status;
        if (p.Total is > 0) row.Total = p.Total.Value;
        if (p.Current is not null) row.Current = p.Current.Value;
        else if (p.Status is "Pull complete" or "Download complete" or "Already exists" or "Pushed" or "Layer already exists" && row.Total > 0) row.Current = row.Total;
    }
}

namespace WebUI.Engine.Containers;

/// <summary>
/// Watches a terminal's input for the detach sequence, as Docker's escape proxy does: bytes that may begin the sequence
/// are held back; when the sequence breaks off they are passed on, when it completes nothing of it is.
/// </summary>
public sealed class DetachKeyScanner(byte[] keys)
{
    private int _matched;

    /// <summary>Scans one chunk: the bytes to pass to the process, and whether the sequence is now complete (the rest of the chunk is dropped).</summary>
    public (byte[] Forward, bool Detach) Scan(ReadOnlySpan<byte> input)
    {
        var forward = new List<byte>(input.Length);
        foreach (var b in input)
        {
            if (b != keys[_matched] && _matched > 0)
            {
                forward.AddRange(keys.AsSpan(0, _matched));
                _matched = 0;
            }
            if (b == keys[_matched])
            {
                if (++_matched == keys.Length) return ([.. forward], true);
            }
            else forward.Add(b);
        }
        return ([.. forward], false);
    }
}

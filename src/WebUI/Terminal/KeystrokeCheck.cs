namespace WebUI.Terminal;

/// <summary>
/// One terminal hub connection's last passed user check (<see cref="Environment.TickCount64"/> when it started) and
/// whether a background renewal is running. Shared by the connection's calls and that renewal, hence interlocked.
/// </summary>
internal sealed class KeystrokeCheck
{
    private long _passedAt = long.MinValue / 2;
    private int _renewing;

    /// <summary>When the last passed check started; far in the past when none passed (or the last one failed).</summary>
    public long PassedAt => Interlocked.Read(ref _passedAt);

    public void Passed(long startedAt) => Interlocked.Exchange(ref _passedAt, startedAt);

    /// <summary>True for the one caller that may start a renewal now.</summary>
    public bool TryBeginRenewal() => Interlocked.CompareExchange(ref _renewing, 1, 0) == 0;

    /// <summary>Ends a renewal: passed (when it started) or failed (null: the next keystroke is checked before it is written).</summary>
    public void EndRenewal(long? passedAt)
    {
        if (passedAt is { } at) Passed(at);
        else Interlocked.Exchange(ref _passedAt, long.MinValue / 2);
        Interlocked.Exchange(ref _renewing, 0);
    }
}

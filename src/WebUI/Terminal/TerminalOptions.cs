namespace WebUI.Terminal;

/// <summary>The web terminal's server-side sessions; bound from the "Terminal" section.</summary>
public sealed class TerminalOptions
{
    public const string SectionName = "Terminal";

    /// <summary>A session nobody is looking at and nobody typed into for this long is closed (its exec is hung up).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Output kept per session for a browser that re-attaches (characters).</summary>
    public int ScrollbackChars { get; set; } = 256 * 1024;

    /// <summary>Open (running) sessions one user may have at a time.</summary>
    public int MaxSessionsPerUser { get; set; } = 16;
}

namespace WebUI.Terminal;

/// <summary>What a browser gets when it (re-)attaches: the kept output up to <paramref name="Seq"/>; live chunks follow with higher numbers.</summary>
public sealed record TerminalSnapshot(TerminalSessionInfo Session, string Scrollback, long Seq);

namespace WebUI.Engine.Distribution;

/// <summary>A layer unpacked into a private directory during a pull, waiting to become its snapshot.</summary>
internal sealed record PreparedLayer(string Dir, long Size);

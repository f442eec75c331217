namespace WebUI.Engine.Snapshots;

/// <summary>A mount as mount(2) takes it; for a root file system: type "overlay" with lowerdir/upperdir/workdir options, or "bind".</summary>
public sealed record Mount(string Type, string Source, IReadOnlyList<string> Options);

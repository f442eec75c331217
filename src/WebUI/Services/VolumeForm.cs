namespace WebUI.Services;

/// <summary>The create-volume form: name, the local driver's mount options and labels as "key=value" lines.</summary>
public sealed class VolumeForm
{
    public string? Name { get; set; }
    /// <summary>Like `mount -t`: e.g. tmpfs, nfs, none (with o=bind).</summary>
    public string? Type { get; set; }
    /// <summary>Like `mount -o`: e.g. size=100m, addr=...,rw, bind.</summary>
    public string? Options { get; set; }
    public string? Device { get; set; }
    /// <summary>One "key=value" a line.</summary>
    public string? Labels { get; set; }
}

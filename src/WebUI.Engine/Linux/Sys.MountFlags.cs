namespace WebUI.Engine.Linux;

/// <summary>mount(2) flags beyond the basic ones in Sys.Mounts.cs.</summary>
internal static partial class Sys
{
    public const ulong MS_REC = 16384;
    public const ulong MS_REMOUNT = 32;
}

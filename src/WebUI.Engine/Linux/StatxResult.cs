namespace WebUI.Engine.Linux;

/// <summary>The fields of struct statx the engine reads: type and permission bits, owner, size, times and device numbers.</summary>
internal readonly record struct StatxResult(uint Mode, uint Uid, uint Gid, long Size, DateTimeOffset ModifiedAt, uint RdevMajor, uint RdevMinor)
{
    public const uint S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFREG = 0x8000, S_IFLNK = 0xA000, S_IFCHR = 0x2000, S_IFBLK = 0x6000, S_IFIFO = 0x1000, S_IFSOCK = 0xC000;

    public uint Type => Mode & S_IFMT;
    public bool IsDirectory => Type == S_IFDIR;
    public bool IsRegular => Type == S_IFREG;
    public bool IsSymlink => Type == S_IFLNK;
    public uint Permissions => Mode & 0xFFF;
}

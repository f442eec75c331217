using WebUI.Engine.Linux;

namespace WebUI.Engine.Containers.Archive;

/// <summary>Go's os.FileMode bits, which the docker CLI decodes from the path-stat header.</summary>
internal static class GoFileMode
{
    public const uint Dir = 1u << 31, Symlink = 1u << 27, Device = 1u << 26, NamedPipe = 1u << 25, Socket = 1u << 24,
        Setuid = 1u << 23, Setgid = 1u << 22, CharDevice = 1u << 21, Sticky = 1u << 20;

    public static uint From(StatxResult st)
    {
        var mode = st.Mode & 0x1FF;
        mode |= st.Type switch
        {
            StatxResult.S_IFDIR => Dir,
            StatxResult.S_IFLNK => Symlink,
            StatxResult.S_IFBLK => Device,
            StatxResult.S_IFCHR => Device | CharDevice,
            StatxResult.S_IFIFO => NamedPipe,
            StatxResult.S_IFSOCK => Socket,
            _ => 0,
        };
        if ((st.Mode & 0x800) != 0) mode |= Setuid;
        if ((st.Mode & 0x400) != 0) mode |= Setgid;
        if ((st.Mode & 0x200) != 0) mode |= Sticky;
        return mode;
    }
}

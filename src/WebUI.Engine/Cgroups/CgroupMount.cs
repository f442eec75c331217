namespace WebUI.Engine.Cgroups;

/// <summary>
/// A cgroup2 mount as /proc/self/mountinfo lists it: where it is, its per-mount options (rw, nosuid, relatime...) and
/// its superblock options (nsdelegate, memory_recursiveprot, favordynmods...).
/// </summary>
public sealed record CgroupMount(string MountPoint, IReadOnlyList<string> MountOptions, IReadOnlyList<string> SuperOptions)
{
    public const string FavorDynMods = "favordynmods";

    public bool FavorsDynMods => SuperOptions.Contains(FavorDynMods);

    /// <summary>The first cgroup2 mount in <paramref name="mountinfo"/> (its lines), or null on a host without one.</summary>
    public static CgroupMount? FindCgroup2(IEnumerable<string> mountinfo)
    {
        foreach (var line in mountinfo)
        {
            // "<id> <parent> <maj:min> <root> <mount point> <mount options> [optional fields...] - <fstype> <source> <super options>"
            var fields = line.Split(' ');
            var dash = Array.IndexOf(fields, "-");
            if (dash < 6 || fields.Length < dash + 4 || fields[dash + 1] != "cgroup2") continue;
            return new CgroupMount(Unescape(fields[4]), fields[5].Split(','), fields[dash + 3].Split(','));
        }
        return null;
    }

    /// <summary>
    /// The data string of a remount that adds favordynmods and keeps every other superblock option (a remount replaces
    /// them all); "rw"/"ro" are mount flags, not data.
    /// </summary>
    public string RemountDataWithFavorDynMods() =>
        string.Join(',', SuperOptions.Where(o => o is not ("rw" or "ro") && o != FavorDynMods).Append(FavorDynMods));

    /// <summary>mount(2) flags that keep this mount's per-mount options through a remount (which replaces them too).</summary>
    public ulong RemountFlags()
    {
        ulong flags = 0;
        foreach (var o in MountOptions)
        {
            flags |= o switch
            {
                "ro" => 1UL,                 // MS_RDONLY
                "nosuid" => 2UL,             // MS_NOSUID
                "nodev" => 4UL,              // MS_NODEV
                "noexec" => 8UL,             // MS_NOEXEC
                "noatime" => 1024UL,         // MS_NOATIME
                "nodiratime" => 2048UL,      // MS_NODIRATIME
                "relatime" => 1UL << 21,     // MS_RELATIME
                "strictatime" => 1UL << 24,  // MS_STRICTATIME
                _ => 0UL,
            };
        }
        return flags;
    }

    /// <summary>mountinfo escapes space, tab, newline and backslash as \ooo octal.</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;
        var sb = new System.Text.StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && field.AsSpan(i + 1, 3).ToString() is var oct && oct.All(c => c is >= '0' and <= '7'))
            {
                sb.Append((char)Convert.ToInt32(oct, 8));
                i += 3;
            }
            else sb.Append(field[i]);
        }
        return sb.ToString();
    }
}

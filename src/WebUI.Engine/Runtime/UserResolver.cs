using WebUI.Engine.Errors;

namespace WebUI.Engine.Runtime;

/// <summary>
/// Resolves Docker's --user ("name", "uid", "uid:gid", "name:group", "uid:group") against the container's own
/// /etc/passwd and /etc/group, as Docker does: names must exist there, numbers need not.
/// </summary>
internal static class UserResolver
{
    public static ResolvedUser Resolve(string? user, string rootfs)
    {
        var passwd = ReadTable(Path.Combine(rootfs, "etc/passwd"));
        var groups = ReadTable(Path.Combine(rootfs, "etc/group"));
        return Resolve(user, passwd, groups);
    }

    /// <summary>Resolution over already-read passwd and group lines (split on ':').</summary>
    public static ResolvedUser Resolve(string? user, IReadOnlyList<string[]> passwd, IReadOnlyList<string[]> groups)
    {
        if (string.IsNullOrEmpty(user)) user = "0";
        var colon = user.IndexOf(':');
        var userPart = colon < 0 ? user : user[..colon];
        var groupPart = colon < 0 ? null : user[(colon + 1)..];

        uint uid;
        uint? gid = null;
        var home = "/";
        string? userName = null;
        var entry = passwd.FirstOrDefault(p => p.Length >= 4 && p[0] == userPart);
        if (entry is null && uint.TryParse(userPart, out var numeric))
            entry = passwd.FirstOrDefault(p => p.Length >= 4 && p[2] == userPart);
        if (entry is not null)
        {
            uid = uint.Parse(entry[2]);
            gid = uint.TryParse(entry[3], out var g) ? g : 0;
            home = entry.Length > 5 && entry[5].Length > 0 ? entry[5] : "/";
            userName = entry[0];
        }
        else if (uint.TryParse(userPart, out numeric)) uid = numeric;
        else throw EngineException.Invalid($"unable to find user {userPart}: no matching entries in passwd file");

        if (groupPart is not null)
        {
            var g = groups.FirstOrDefault(x => x.Length >= 3 && x[0] == groupPart);
            if (g is not null) gid = uint.Parse(g[2]);
            else if (uint.TryParse(groupPart, out var ng)) gid = ng;
            else throw EngineException.Invalid($"unable to find group {groupPart}: no matching entries in group file");
        }

        // Supplementary groups come from /etc/group membership, only when no group was given explicitly (Docker's rule).
        var additional = new List<uint>();
        if (groupPart is null && userName is not null)
            foreach (var g in groups)
                if (g.Length >= 4 && g[3].Split(',').Contains(userName) && uint.TryParse(g[2], out var id) && id != gid)
                    additional.Add(id);

        return new ResolvedUser(uid, gid ?? 0, additional, home);
    }

    /// <summary>--group-add: group names looked up in the container's /etc/group, numbers taken as they are.</summary>
    public static IReadOnlyList<uint> ResolveGroups(IEnumerable<string> groupAdd, string rootfs) =>
        ResolveGroups(groupAdd, ReadTable(Path.Combine(rootfs, "etc/group")));

    public static IReadOnlyList<uint> ResolveGroups(IEnumerable<string> groupAdd, IReadOnlyList<string[]> groups)
    {
        var result = new List<uint>();
        foreach (var name in groupAdd)
        {
            var g = groups.FirstOrDefault(x => x.Length >= 3 && x[0] == name);
            if (g is not null && uint.TryParse(g[2], out var gid)) result.Add(gid);
            else if (uint.TryParse(name, out var numeric)) result.Add(numeric);
            else throw EngineException.Invalid($"unable to find group {name}: no matching entries in group file");
        }
        return result;
    }

    private static IReadOnlyList<string[]> ReadTable(string path)
    {
        // Never follow a link out of the rootfs: a container's /etc/passwd may be a symlink to anywhere on the host.
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null) return [];
            return File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(':')).ToList();
        }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }
}

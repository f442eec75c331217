namespace WebUI.Engine.Runtime;

/// <summary>
/// The host's hard resource limits, read from /proc/self/limits: an OCI rlimit above the hard limit makes runc fail
/// with "setrlimit: operation not permitted", so the defaults are capped by these.
/// </summary>
internal static class HostLimits
{
    private static readonly Lazy<IReadOnlyDictionary<string, ulong?>> Hard = new(Read);

    /// <summary>The hard limit of e.g. "Max open files"; null for unlimited or unknown.</summary>
    public static ulong? HardLimit(string name) => Hard.Value.TryGetValue(name, out var v) ? v : null;

    private static IReadOnlyDictionary<string, ulong?> Read()
    {
        var result = new Dictionary<string, ulong?>(StringComparer.Ordinal);
        try
        {
            // "Max open files            20000                20000                files"
            foreach (var line in File.ReadLines("/proc/self/limits").Skip(1))
            {
                if (line.Length < 46) continue;
                var name = line[..26].Trim();
                var fields = line[26..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 2) continue;
                result[name] = ulong.TryParse(fields[1], out var hard) ? hard : null;
            }
        }
        catch (IOException) { }
        return result;
    }

    /// <summary><paramref name="wanted"/>, lowered to the host's hard limit where that is smaller.</summary>
    public static ulong Cap(string name, ulong wanted) => HardLimit(name) is { } hard && hard < wanted ? hard : wanted;
}

using WebUI.Engine.Errors;

namespace WebUI.Engine.Containers;

/// <summary>Signal names and numbers (x86-64/arm64 Linux), as docker kill -s and STOPSIGNAL accept them.</summary>
public static class Signals
{
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    private static readonly Dictionary<string, int> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HUP"] = 1, ["INT"] = 2, ["QUIT"] = 3, ["ILL"] = 4, ["TRAP"] = 5, ["ABRT"] = 6, ["IOT"] = 6, ["BUS"] = 7,
        ["FPE"] = 8, ["KILL"] = 9, ["USR1"] = 10, ["SEGV"] = 11, ["USR2"] = 12, ["PIPE"] = 13, ["ALRM"] = 14,
        ["TERM"] = 15, ["STKFLT"] = 16, ["CHLD"] = 17, ["CONT"] = 18, ["STOP"] = 19, ["TSTP"] = 20, ["TTIN"] = 21,
        ["TTOU"] = 22, ["URG"] = 23, ["XCPU"] = 24, ["XFSZ"] = 25, ["VTALRM"] = 26, ["PROF"] = 27, ["WINCH"] = 28,
        ["IO"] = 29, ["POLL"] = 29, ["PWR"] = 30, ["SYS"] = 31,
    };

    /// <summary>"KILL", "SIGKILL", "9", "SIGRTMIN+3"; InvalidArgument otherwise.</summary>
    public static int Parse(string signal)
    {
        var s = signal.Trim();
        if (int.TryParse(s, out var n))
            return n is > 0 and <= 64 ? n : throw EngineException.Invalid($"Invalid signal: {signal}");
        if (s.StartsWith("SIG", StringComparison.OrdinalIgnoreCase)) s = s[3..];
        if (ByName.TryGetValue(s, out n)) return n;
        if (s.StartsWith("RTMIN", StringComparison.OrdinalIgnoreCase))
        {
            var rest = s[5..];
            if (rest.Length == 0) return 34;
            if (rest[0] == '+' && int.TryParse(rest[1..], out var k) && 34 + k <= 64) return 34 + k;
        }
        throw EngineException.Invalid($"Invalid signal: {signal}");
    }
}

namespace WebUI.Engine.Build.Dockerfile;

/// <summary>The " (did you mean RUN?)" hint BuildKit adds to an unknown instruction that is a near-miss typo.</summary>
internal static class KeywordSuggestion
{
    private static readonly string[] Keywords =
    [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
        "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ];

    public static string For(string written)
    {
        var upper = written.ToUpperInvariant();
        var best = Keywords.Select(k => (Keyword: k, Distance: Distance(upper, k))).MinBy(x => x.Distance);
        // Two edits catch swapped or doubled letters without suggesting something for every stray word.
        return best.Distance <= 2 && best.Distance < upper.Length ? $" (did you mean {best.Keyword}?)" : "";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

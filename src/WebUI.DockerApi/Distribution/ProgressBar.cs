using System.Globalization;

namespace WebUI.DockerApi.Distribution;

/// <summary>Docker's textual progress bar ("[=====>     ]  1.5MB/3MB") for clients that print the "progress" field.</summary>
internal static class ProgressBar
{
    private const int Width = 50;

    public static string Render(long current, long total)
    {
        if (total <= 0) return HumanSize(current);
        var filled = (int)Math.Min(Width, current * Width / total);
        var bar = new string('=', filled) + (filled < Width ? ">" : "") + new string(' ', Math.Max(0, Width - filled - 1));
        return $"[{bar}] {HumanSize(current),8}/{HumanSize(total)}";
    }

    /// <summary>Decimal units as Docker's go-units HumanSize: "1.5MB".</summary>
    public static string HumanSize(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        double v = bytes;
        var u = 0;
        while (v >= 1000 && u < units.Length - 1) { v /= 1000; u++; }
        return v.ToString(v < 10 ? "0.###" : "0.##", CultureInfo.InvariantCulture).TrimEnd('.') + units[u];
    }
}

using System.Globalization;
using WebUI.Engine.Containers;

namespace WebUI.Services;

/// <summary>Parses `docker run --mount` lines (type=volume|bind|tmpfs,source=,target=,readonly,tmpfs-size=,tmpfs-mode=,volume-nocopy).</summary>
public static class MountSpecs
{
    /// <summary>Blank lines skipped; a bad line throws FormatException naming it. The engine checks the rest (paths, volume names).</summary>
    public static List<MountRequest> Parse(string? text)
    {
        var mounts = new List<MountRequest>();
        foreach (var line in KeyValueLines.Lines(text))
        {
            var m = new MountRequest { Type = "volume" };
            foreach (var field in line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = field.IndexOf('=');
                var key = (eq < 0 ? field : field[..eq]).ToLowerInvariant();
                var value = eq < 0 ? null : field[(eq + 1)..];
                switch (key)
                {
                    case "type":
                        m.Type = value is "volume" or "bind" or "tmpfs" ? value : throw new FormatException($"mount \"{line}\": type must be volume, bind or tmpfs");
                        break;
                    case "source" or "src":
                        m.Source = value ?? "";
                        break;
                    case "target" or "destination" or "dst":
                        m.Target = value ?? "";
                        break;
                    case "readonly" or "ro":
                        m.ReadOnly = value is null or "1" or "true" ? true : value is "0" or "false" ? false : throw new FormatException($"mount \"{line}\": readonly is true or false");
                        break;
                    case "tmpfs-size":
                        (m.TmpfsOptions ??= new TmpfsOptions()).SizeBytes = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                            ? size : throw new FormatException($"mount \"{line}\": tmpfs-size is a number of bytes");
                        break;
                    case "tmpfs-mode":
                        (m.TmpfsOptions ??= new TmpfsOptions()).Mode = value is not null && IsOctal(value)
                            ? Convert.ToUInt32(value, 8) : throw new FormatException($"mount \"{line}\": tmpfs-mode is octal, e.g. 1777");
                        break;
                    case "volume-nocopy":
                        (m.VolumeOptions ??= new VolumeOptions()).NoCopy = value is null or "1" or "true";
                        break;
                    default:
                        throw new FormatException($"mount \"{line}\": unknown field \"{key}\"");
                }
            }
            if (m.Target.Length == 0) throw new FormatException($"mount \"{line}\": target is required");
            mounts.Add(m);
        }
        return mounts;
    }

    private static bool IsOctal(string s) => s.Length is > 0 and <= 4 && s.All(c => c is >= '0' and <= '7');
}

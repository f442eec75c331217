using WebUI.Engine.Errors;

namespace WebUI.Engine.Containers;

/// <summary>
/// Docker's detach key sequences ("ctrl-p,ctrl-q" by default): comma-separated keys, each one character or
/// "ctrl-X" with X in a-z, @, [, \, ], ^ or _. Typed on an attached terminal, the sequence ends the attach session and
/// leaves the process running.
/// </summary>
public static class DetachKeys
{
    public const string Default = "ctrl-p,ctrl-q";

    /// <summary>The bytes of <paramref name="keys"/> (the default when empty); bad input is a 400 naming it.</summary>
    public static byte[] Parse(string? keys)
    {
        if (string.IsNullOrEmpty(keys)) keys = Default;
        var result = new List<byte>();
        foreach (var key in keys.Split(','))
        {
            if (key.Length == 1 && key[0] < 0x80) { result.Add((byte)key[0]); continue; }
            if (key.Length == 6 && key.StartsWith("ctrl-", StringComparison.OrdinalIgnoreCase) && Control(char.ToLowerInvariant(key[5])) is { } code)
            {
                result.Add(code);
                continue;
            }
            throw EngineException.Invalid($"Invalid detach keys ({keys}) provided: \"{key}\" is neither one character nor ctrl-<a-z@[\\]^_>");
        }
        return [.. result];
    }

    private static byte? Control(char c) => c switch
    {
        >= 'a' and <= 'z' => (byte)(c - 'a' + 1),
        '@' => 0,
        '[' => 27,
        '\\' => 28,
        ']' => 29,
        '^' => 30,
        '_' => 31,
        _ => null,
    };
}

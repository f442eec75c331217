using System.Security.Cryptography;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Content;

/// <summary>A content digest, always "sha256:&lt;64 lowercase hex&gt;"; constructing one validates it.</summary>
public readonly record struct Digest
{
    public const string Sha256Prefix = "sha256:";

    private Digest(string value) => Value = value;

    /// <summary>"sha256:&lt;hex&gt;".</summary>
    public string Value { get; }

    /// <summary>The 64 hex characters after "sha256:".</summary>
    public string Hex => Value[Sha256Prefix.Length..];

    /// <summary>Docker's short id: the first 12 hex characters.</summary>
    public string Short => Hex[..12];

    public static Digest Parse(string value) =>
        TryParse(value, out var d) ? d : throw EngineException.Invalid($"invalid digest \"{value}\": expected sha256:<64 hex characters>");

    public static bool TryParse(string? value, out Digest digest)
    {
        digest = default;
        if (value is null || !value.StartsWith(Sha256Prefix, StringComparison.Ordinal)) return false;
        if (!IsHex64(value.AsSpan(Sha256Prefix.Length))) return false;
        digest = new Digest(value);
        return true;
    }

    /// <summary>Whether <paramref name="s"/> is exactly 64 lowercase hex characters.</summary>
    public static bool IsHex64(ReadOnlySpan<char> s)
    {
        if (s.Length != 64) return false;
        foreach (var c in s) if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return false;
        return true;
    }

    public static Digest FromHash(ReadOnlySpan<byte> sha256) => new(Sha256Prefix + Convert.ToHexStringLower(sha256));

    public static Digest Of(ReadOnlySpan<byte> data) => FromHash(SHA256.HashData(data));

    public static Digest Of(string text) => Of(System.Text.Encoding.UTF8.GetBytes(text));

    public override string ToString() => Value ?? "";
}

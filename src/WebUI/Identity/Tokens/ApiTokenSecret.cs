using System.Security.Cryptography;
using System.Text;

namespace WebUI.Identity.Tokens;

/// <summary>
/// The token text: "webui_&lt;id&gt;_&lt;secret&gt;", id 12 hex characters (the lookup key), secret 32 random bytes in
/// base64url. Only SHA-256 of the whole text is stored: a secret of 256 bits needs no slow hash.
/// </summary>
public static class ApiTokenSecret
{
    public const string Prefix = "webui_";
    private const int IdLength = 12;

    public static (string Id, string Token) New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The id of a well-formed token, else null (then it is not looked up at all).</summary>
    public static string? IdOf(string token)
    {
        if (token.Length != Prefix.Length + IdLength + 1 + 43 || !token.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var id = token.Substring(Prefix.Length, IdLength);
        return token[Prefix.Length + IdLength] == '_' && id.All(char.IsAsciiHexDigitLower) ? id : null;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares in constant time.</summary>
    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}

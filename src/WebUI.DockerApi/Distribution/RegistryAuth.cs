using System.Text;
using System.Text.Json;
using WebUI.Engine.Distribution;

namespace WebUI.DockerApi.Distribution;

/// <summary>Reads the credentials the CLI sends: the X-Registry-Auth header (base64url JSON) or an AuthConfig body.</summary>
public static class RegistryAuth
{
    public const string HeaderName = "X-Registry-Auth";
    public const string ConfigHeaderName = "X-Registry-Config";

    /// <summary>Anonymous when the header is absent or unreadable, as dockerd treats it.</summary>
    public static RegistryCredentials FromHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return RegistryCredentials.Anonymous;
        try
        {
            var json = DecodeBase64(header.Trim());
            var config = JsonSerializer.Deserialize<AuthConfig>(json);
            return config is null ? RegistryCredentials.Anonymous : FromConfig(config);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return RegistryCredentials.Anonymous;
        }
    }

    /// <summary>
    /// The X-Registry-Config header of POST /build: base64url JSON mapping registry addresses to AuthConfigs, keyed
    /// here by registry host (<see cref="RegistryAddress.DomainOf"/>). Empty when absent or unreadable, as dockerd.
    /// </summary>
    public static Dictionary<string, RegistryCredentials> FromConfigHeader(string? header)
    {
        var result = new Dictionary<string, RegistryCredentials>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header)) return result;
        try
        {
            var configs = JsonSerializer.Deserialize<Dictionary<string, AuthConfig>>(DecodeBase64(header.Trim()));
            foreach (var (address, config) in configs ?? [])
                if (config is not null) result[RegistryAddress.DomainOf(address)] = FromConfig(config) with { ServerAddress = address };
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            result.Clear();
        }
        return result;
    }

    public static RegistryCredentials FromConfig(AuthConfig config)
    {
        var (user, password) = (config.Username, config.Password);
        if (string.IsNullOrEmpty(user) && !string.IsNullOrEmpty(config.Auth))
        {
            var pair = Encoding.UTF8.GetString(DecodeBase64(config.Auth));
            var colon = pair.IndexOf(':');
            if (colon > 0) (user, password) = (pair[..colon], pair[(colon + 1)..]);
        }
        return new RegistryCredentials(
            string.IsNullOrEmpty(user) ? null : user,
            string.IsNullOrEmpty(user) ? null : password ?? "",
            string.IsNullOrEmpty(config.IdentityToken) ? null : config.IdentityToken,
            string.IsNullOrEmpty(config.RegistryToken) ? null : config.RegistryToken,
            config.ServerAddress);
    }

    /// <summary>Base64 in either alphabet, padded or not (the CLI sends URL-safe base64).</summary>
    private static byte[] DecodeBase64(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        return Convert.FromBase64String(s);
    }
}

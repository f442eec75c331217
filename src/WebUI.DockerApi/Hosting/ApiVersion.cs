namespace WebUI.DockerApi.Hosting;

/// <summary>The Docker Engine API versions this server speaks.</summary>
public static class ApiVersion
{
    /// <summary>Advertised in Api-Version; docker-py's default and what the 28.x CLI lowers itself to.</summary>
    public const string Current = "1.44";
    public const string Minimum = "1.24";

    public static readonly Version CurrentVersion = Version.Parse(Current);
    public static readonly Version MinimumVersion = Version.Parse(Minimum);

    /// <summary>The server's own version string, reported in /version and the Server header.</summary>
    public static readonly string ServerVersion =
        typeof(ApiVersion).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";
}

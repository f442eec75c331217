using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using WebUI.Engine.Containers.Archive;

namespace WebUI.DockerApi.Containers;

/// <summary>X-Docker-Container-Path-Stat: standard base64 of {name, size, mode, mtime, linkTarget}, as the docker CLI decodes it.</summary>
internal static class PathStatHeader
{
    public const string Name = "X-Docker-Container-Path-Stat";

    private sealed record Body(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("size")] long Size,
        [property: JsonPropertyName("mode")] uint Mode,
        [property: JsonPropertyName("mtime")] string Mtime,
        [property: JsonPropertyName("linkTarget")] string LinkTarget);

    public static string Encode(PathStat s)
    {
        var mtime = s.Mtime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Body(s.Name, s.Size, s.Mode, mtime, s.LinkTarget)));
    }
}

namespace WebUI.DockerApi.Tests.Build;

/// <summary>A throwaway build context directory under the server's root, written from (path, content) pairs.</summary>
internal static class BuildContextDir
{
    public static string Create(string parent, params (string Path, string Content)[] files)
    {
        var dir = Path.Combine(parent, "ctx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        foreach (var (path, content) in files) Write(dir, path, content);
        return dir;
    }

    public static void Write(string dir, string path, string content)
    {
        var full = Path.Combine(dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}

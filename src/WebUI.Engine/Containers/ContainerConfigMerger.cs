using WebUI.Engine.Errors;
using WebUI.Engine.Images;

namespace WebUI.Engine.Containers;

/// <summary>Docker's create-time merge of the image's defaults into the request, and the process it implies.</summary>
internal static class ContainerConfigMerger
{
    public static ContainerConfig Merge(ContainerConfig request, ImageConfig image)
    {
        var c = request.CloneConfig();
        c.Env = MergeEnv(image.Env, c.Env);
        // Docker: an explicit entrypoint drops the image's cmd only when none is given; an explicit empty one drops both.
        if (c.Entrypoint is null or [])
        {
            if (c.Cmd is null or []) c.Cmd = image.Cmd is null ? null : [.. image.Cmd];
            if (c.Entrypoint is null) c.Entrypoint = image.Entrypoint is null ? null : [.. image.Entrypoint];
        }
        if (string.IsNullOrEmpty(c.WorkingDir)) c.WorkingDir = image.WorkingDir ?? "";
        if (string.IsNullOrEmpty(c.User)) c.User = image.User ?? "";
        if (c.StopSignal is null && !string.IsNullOrEmpty(image.StopSignal)) c.StopSignal = image.StopSignal;
        if (image.Labels is { Count: > 0 })
        {
            var labels = new Dictionary<string, string>(image.Labels);
            foreach (var (k, v) in c.Labels ?? []) labels[k] = v;
            c.Labels = labels;
        }
        if (image.ExposedPorts is { Count: > 0 })
        {
            c.ExposedPorts ??= new();
            foreach (var (k, v) in image.ExposedPorts) c.ExposedPorts.TryAdd(k, v);
        }
        if (image.Volumes is { Count: > 0 })
        {
            c.Volumes ??= new();
            foreach (var (k, v) in image.Volumes) c.Volumes.TryAdd(k, v);
        }
        if (c.Shell is null && image.Shell is not null) c.Shell = [.. image.Shell];
        c.Healthcheck = Health.HealthcheckConfig.Merge(c.Healthcheck, image.Healthcheck);
        return c;
    }

    /// <summary>Image variables first, each overridden by a request variable of the same name (in the request's order).</summary>
    public static List<string> MergeEnv(IReadOnlyList<string>? image, IReadOnlyList<string>? request)
    {
        static string Key(string e) { var i = e.IndexOf('='); return i < 0 ? e : e[..i]; }
        var result = new List<string>(image ?? []);
        foreach (var e in request ?? [])
        {
            var i = result.FindIndex(x => Key(x) == Key(e));
            if (i >= 0) result[i] = e; else result.Add(e);
        }
        return result;
    }

    /// <summary>The executable and its arguments: entrypoint then cmd; an entrypoint of [""] counts as none.</summary>
    public static (string Path, List<string> Args) Process(ContainerConfig merged)
    {
        var entrypoint = merged.Entrypoint is [""] ? [] : merged.Entrypoint ?? [];
        var all = entrypoint.Concat(merged.Cmd ?? []).ToList();
        if (all.Count == 0 || all[0].Length == 0) throw EngineException.Invalid("No command specified");
        return (all[0], all.Skip(1).ToList());
    }
}

using System.Text.Json;
using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Build.Stages;
using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Images;

namespace WebUI.Engine.Build;

// Steps that only change the image config (empty_layer history entries), and WORKDIR.
internal sealed partial class BuildSession
{
    private const string Nop = "/bin/sh -c #(nop) ";

    private async Task ConfigAsync(StageState state, EvaluatedStep step, CancellationToken cancellationToken)
    {
        var (createdBy, apply) = Describe(state, step.Expanded);
        if (await TryCacheAsync(state, createdBy, cancellationToken))
        {
            if (step.Expanded is CmdInstruction) state.CmdSet = true;
            return;
        }
        var spec = NextSpec(state, createdBy, emptyLayer: true);
        apply(spec);
        var image = await RegisterAsync(state, spec, null, createdBy, cancellationToken);
        await EmitAsync($" ---> {ShortId(image)}\n", cancellationToken);
    }

    /// <summary>The history text Docker records for a config step, and the change it makes.</summary>
    private static (string CreatedBy, Action<ImageSpec> Apply) Describe(StageState state, Instruction instruction)
    {
        var shell = state.Spec.Config.Shell;
        switch (instruction)
        {
            case EnvInstruction env:
                var vars = env.Variables.Select(v => v.Key + "=" + v.Value).ToList();
                return (Nop + " ENV " + string.Join(' ', vars), s => s.Config.Env = ContainerConfigMerger.MergeEnv(s.Config.Env, vars));
            case ArgInstruction arg:
                return (Nop + " ARG " + string.Join(' ', arg.Arguments.Select(a => a.Default is null ? a.Name : a.Name + "=" + a.Default)), _ => { });
            case LabelInstruction label:
                return (Nop + " LABEL " + string.Join(' ', label.Labels.Select(l => l.Key + "=" + l.Value)), s =>
                {
                    s.Config.Labels ??= [];
                    foreach (var l in label.Labels) s.Config.Labels[l.Key] = l.Value;
                });
            case UserInstruction user:
                if (user.User.Length == 0) throw EngineException.Invalid("USER requires exactly one argument");
                return (Nop + " USER " + user.User, s => s.Config.User = user.User);
            case ExposeInstruction expose:
                var ports = expose.Ports.SelectMany(NormalizePorts).ToList();
                return (Nop + " EXPOSE " + string.Join(' ', ports), s =>
                {
                    s.Config.ExposedPorts ??= [];
                    foreach (var p in ports) s.Config.ExposedPorts[p] = EmptyObject();
                });
            case VolumeInstruction volume:
                if (volume.Paths.Any(p => p.Length == 0)) throw EngineException.Invalid("VOLUME specified can not be an empty string");
                return (Nop + " VOLUME [" + string.Join(' ', volume.Paths) + "]", s =>
                {
                    s.Config.Volumes ??= [];
                    foreach (var p in volume.Paths) s.Config.Volumes[p] = EmptyObject();
                });
            case CmdInstruction cmd:
                var cmdArgv = cmd.Command.ToArgv(shell).ToList();
                state.CmdSet = true;
                return (Nop + " CMD " + GoQuote(cmdArgv), s => s.Config.Cmd = cmdArgv);
            case EntrypointInstruction entrypoint:
                var entryArgv = entrypoint.Command.ToArgv(shell).ToList();
                var keepCmd = state.CmdSet;
                return (Nop + " ENTRYPOINT " + GoQuote(entryArgv), s =>
                {
                    s.Config.Entrypoint = entryArgv;
                    if (!keepCmd) s.Config.Cmd = null;
                });
            case ShellInstruction sh:
                return (Nop + " SHELL " + GoQuote(sh.Shell), s => s.Config.Shell = [.. sh.Shell]);
            case StopSignalInstruction signal:
                Signals.Parse(signal.Signal);
                return (Nop + " STOPSIGNAL " + signal.Signal, s => s.Config.StopSignal = signal.Signal);
            case HealthcheckInstruction health:
                var healthcheck = HealthcheckJson(health);
                return (Nop + " HEALTHCHECK &{" + GoQuote(health.Test) + "}", s => s.Config.Healthcheck = healthcheck);
            case OnbuildInstruction onbuild:
                var trigger = TriggerText(onbuild);
                return (Nop + " ONBUILD " + trigger, s => (s.Config.OnBuild ??= []).Add(trigger));
            case MaintainerInstruction maintainer:
                return (Nop + " MAINTAINER " + maintainer.Name, s => s.Author = maintainer.Name);
            default:
                throw EngineException.Invalid($"{instruction.Keyword} is not supported by this builder");
        }
    }

    private async Task WorkdirAsync(StageState state, WorkdirInstruction workdir, CancellationToken cancellationToken)
    {
        var current = state.Spec.Config.WorkingDir is { Length: > 0 } w ? w : "/";
        var path = workdir.Path.StartsWith('/') ? workdir.Path : current.TrimEnd('/') + "/" + workdir.Path;
        path = "/" + string.Join('/', Normalize(path));
        var createdBy = Nop + "WORKDIR " + path;
        if (await TryCacheAsync(state, createdBy, cancellationToken)) return;

        // Like Docker, the directory is created when the image lacks it (as root); otherwise the step only changes the config.
        Commit.CommittedLayer? layer = null;
        using (var view = RootfsView.Open(snapshots, state.Image?.TopChainId, tempDir))
        {
            var layerDir = Path.Combine(tempDir, "layer-" + Guid.NewGuid().ToString("N")[..12]);
            try
            {
                var files = new LayerFiles(layerDir, view.Root, 0, 0, null);
                var inImage = InImage(view.Root, path, followFinal: true);
                if (inImage != "/" && !files.IsImageDirectory(inImage))
                {
                    Directory.CreateDirectory(layerDir);
                    files.EnsureDirectory(inImage, own: true);
                    layer = await layers.CommitAsync(layerDir, state.Image?.TopChainId, takeDirectory: true, null, cancellationToken);
                }
            }
            finally
            {
                if (Directory.Exists(layerDir)) Directory.Delete(layerDir, recursive: true);
            }
        }
        var spec = NextSpec(state, createdBy, emptyLayer: layer is null);
        spec.Config.WorkingDir = path;
        var image = await RegisterAsync(state, spec, layer, createdBy, cancellationToken);
        await EmitAsync($" ---> {ShortId(image)}\n", cancellationToken);
    }

    private static List<string> Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var p in path.Split('/'))
        {
            if (p.Length == 0 || p == ".") continue;
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(p);
        }
        return parts;
    }

    private static string TriggerText(OnbuildInstruction onbuild)
    {
        var text = onbuild.Original.TrimStart();
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? onbuild.Trigger.Original : text[(space + 1)..].TrimStart();
    }

    /// <summary>"80" → "80/tcp", "8000-8001/udp" → both ports, as Docker stores EXPOSE.</summary>
    private static IEnumerable<string> NormalizePorts(string spec)
    {
        var slash = spec.IndexOf('/');
        var proto = slash < 0 ? "tcp" : spec[(slash + 1)..].ToLowerInvariant();
        var range = slash < 0 ? spec : spec[..slash];
        if (proto is not ("tcp" or "udp" or "sctp")) throw EngineException.Invalid($"invalid proto: {proto}");
        var dash = range.IndexOf('-');
        if (!int.TryParse(dash < 0 ? range : range[..dash], out var start) || start is < 1 or > 65535)
            throw EngineException.Invalid($"invalid containerPort: {range}");
        var end = start;
        if (dash >= 0 && (!int.TryParse(range[(dash + 1)..], out end) || end < start || end > 65535))
            throw EngineException.Invalid($"invalid containerPort: {range}");
        for (var p = start; p <= end; p++) yield return $"{p}/{proto}";
    }

    private static JsonElement HealthcheckJson(HealthcheckInstruction h)
    {
        var o = new Dictionary<string, object> { ["Test"] = h.Test };
        if (h.Interval is { } i) o["Interval"] = i.Ticks * 100;
        if (h.Timeout is { } t) o["Timeout"] = t.Ticks * 100;
        if (h.StartPeriod is { } sp) o["StartPeriod"] = sp.Ticks * 100;
        if (h.StartInterval is { } si) o["StartInterval"] = si.Ticks * 100;
        if (h.Retries is { } r) o["Retries"] = r;
        return JsonSerializer.SerializeToElement(o);
    }

    /// <summary>Go's %q of a string slice, which Docker's history shows: ["a" "b"].</summary>
    private static string GoQuote(IEnumerable<string> items) => "[" + string.Join(' ', items.Select(i => JsonSerializer.Serialize(i))) + "]";

    private static JsonElement EmptyObject() => JsonSerializer.SerializeToElement(new Dictionary<string, object>());
}

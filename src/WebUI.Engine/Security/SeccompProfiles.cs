using System.Text.Json;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;
using WebUI.Engine.Linux;

namespace WebUI.Engine.Security;

/// <summary>Chooses and compiles the seccomp filter of a container: the default profile, a user's profile, or none.</summary>
public sealed class SeccompProfiles(IOptions<EngineOptions> options)
{
    private readonly Lazy<SeccompProfile> _default = new(() => Load(options.Value.SeccompProfile));

    /// <param name="seccompOption">The value of --security-opt seccomp=…: null for the default, "unconfined", or a profile's JSON (the CLI sends the file's content).</param>
    /// <returns>The OCI filter, or null when the container runs unconfined.</returns>
    public LinuxSeccomp? For(string? seccompOption, bool privileged, IReadOnlyCollection<string> capabilities)
    {
        if (seccompOption == "unconfined") return null;
        SeccompProfile profile;
        if (string.IsNullOrEmpty(seccompOption) || seccompOption == "builtin")
        {
            // Docker: a privileged container runs without the default filter, but a profile it names explicitly still applies.
            if (privileged) return null;
            profile = _default.Value;
        }
        else
        {
            profile = Parse(seccompOption, "seccomp profile");
        }
        return SeccompCompiler.Compile(profile, capabilities, HostFacts.GoArch, KernelVersion(), KernelAbis.Executes);
    }

    /// <summary>Checks a profile given with --security-opt seccomp=… at create; throws InvalidArgument with the decoder's message.</summary>
    public static void Validate(string profileJson) => Parse(profileJson, "seccomp profile");

    private static SeccompProfile Load(string path)
    {
        if (!File.Exists(path))
            throw EngineException.Precondition($"the default seccomp profile is missing at {path}: run deploy/install-deps.sh, set Engine:SeccompProfile, or run with --security-opt seccomp=unconfined");
        return Parse(File.ReadAllText(path), path);
    }

    private static SeccompProfile Parse(string json, string what)
    {
        try
        {
            var p = JsonSerializer.Deserialize<SeccompProfile>(json) ?? throw EngineException.Invalid($"Decoding seccomp profile failed: {what} is empty");
            if (!p.DefaultAction.StartsWith("SCMP_ACT_", StringComparison.Ordinal))
                throw EngineException.Invalid($"Decoding seccomp profile failed: invalid defaultAction \"{p.DefaultAction}\"");
            return p;
        }
        catch (JsonException e)
        {
            throw EngineException.Invalid($"Decoding seccomp profile failed: {e.Message}");
        }
    }

    private static Version KernelVersion()
    {
        var release = HostFacts.KernelVersion;
        var numeric = new string(release.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray()).TrimEnd('.');
        return Version.TryParse(numeric, out var v) ? v : new Version(0, 0);
    }
}

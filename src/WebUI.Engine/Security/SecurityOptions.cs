using WebUI.Engine.Errors;

namespace WebUI.Engine.Security;

/// <summary>Docker's --security-opt values, parsed once: seccomp, no-new-privileges, and the label/apparmor keys this engine has no LSM for.</summary>
public sealed record SecurityOptions(string? Seccomp, bool NoNewPrivileges)
{
    public static SecurityOptions Parse(IEnumerable<string>? options)
    {
        string? seccomp = null;
        var noNewPrivileges = false;
        foreach (var opt in options ?? [])
        {
            // The CLI sends "key=value"; older clients "key:value". A seccomp profile's JSON contains both ':' and '='.
            var eq = opt.IndexOf('=');
            var colon = opt.IndexOf(':');
            var split = eq < 0 ? colon : colon < 0 ? eq : Math.Min(eq, colon);
            var key = split < 0 ? opt : opt[..split];
            var value = split < 0 ? null : opt[(split + 1)..];
            switch (key)
            {
                case "no-new-privileges":
                    noNewPrivileges = value switch
                    {
                        null or "true" => true,
                        "false" => false,
                        _ => throw EngineException.Invalid($"invalid --security-opt 2: \"{opt}\""),
                    };
                    break;
                case "seccomp":
                    if (string.IsNullOrEmpty(value)) throw EngineException.Invalid($"invalid --security-opt 2: \"{opt}\"");
                    seccomp = value;
                    break;
                case "apparmor" or "label":
                    // No AppArmor or SELinux here: "disable"/"unconfined" ask for nothing; anything else cannot be honoured.
                    if (value is "unconfined" or "disable" or "disable:true" or "type:" || value?.StartsWith("disable", StringComparison.Ordinal) == true) break;
                    throw EngineException.Invalid($"--security-opt {key}={value} is not supported: this engine runs without {(key == "label" ? "SELinux" : "AppArmor")}");
                default:
                    throw EngineException.Invalid($"invalid --security-opt 1: \"{opt}\"");
            }
        }
        return new SecurityOptions(seccomp, noNewPrivileges);
    }
}

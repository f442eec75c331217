using System.Text.Json;
using System.Text.RegularExpressions;

namespace WebUI.Engine.Build.Dockerfile;

/// <summary>Parses one logical line into its typed instruction, with BuildKit's rules and messages.</summary>
internal static partial class InstructionParser
{
    private static readonly string[] NoFlags = [];

    public static Instruction Parse(int line, string original, char escape, HeredocReader readHeredocs)
    {
        var split = Whitespace().Split(original.Trim(), 2);
        var written = split[0];
        var keyword = written.ToUpperInvariant();
        var (flagWords, rest) = InstructionFlags.Extract(split.Length > 1 ? split[1] : "");
        rest = rest.Trim();

        switch (keyword)
        {
            case "FROM": return ParseFrom(line, original, flagWords, rest);
            case "RUN": return ParseRun(line, original, escape, flagWords, rest, readHeredocs);
            case "CMD":
                NoFlag(line, flagWords);
                return new CmdInstruction(line, original, ParseCommand(line, keyword, rest, allowEmpty: true));
            case "ENTRYPOINT":
                NoFlag(line, flagWords);
                return new EntrypointInstruction(line, original, ParseCommand(line, keyword, rest, allowEmpty: true));
            case "ENV":
                NoFlag(line, flagWords);
                return new EnvInstruction(line, original, ParseNameValues(line, keyword, rest, escape));
            case "LABEL":
                NoFlag(line, flagWords);
                return new LabelInstruction(line, original, ParseNameValues(line, keyword, rest, escape));
            case "ARG": return ParseArg(line, original, escape, flagWords, rest);
            case "WORKDIR":
                return new WorkdirInstruction(line, original, ExactlyOne(line, keyword, flagWords, rest));
            case "USER":
                return new UserInstruction(line, original, ExactlyOne(line, keyword, flagWords, rest));
            case "STOPSIGNAL":
                return new StopSignalInstruction(line, original, ExactlyOne(line, keyword, flagWords, rest));
            case "MAINTAINER":
                return new MaintainerInstruction(line, original, ExactlyOne(line, keyword, flagWords, rest));
            case "EXPOSE":
                NoFlag(line, flagWords);
                var ports = Whitespace().Split(rest).Where(p => p.Length > 0).ToList();
                if (ports.Count == 0) throw AtLeastOne(line, keyword);
                return new ExposeInstruction(line, original, ports);
            case "VOLUME": return ParseVolume(line, original, flagWords, rest);
            case "COPY":
            case "ADD": return CopyParser.Parse(line, original, keyword, escape, flagWords, rest, readHeredocs);
            case "HEALTHCHECK": return ParseHealthcheck(line, original, flagWords, rest);
            case "SHELL":
                NoFlag(line, flagWords);
                var shell = TryParseJson(line, rest) ?? throw ParseError.At(line, "SHELL requires the arguments to be in JSON form");
                if (shell.Count == 0) throw AtLeastOne(line, keyword);
                return new ShellInstruction(line, original, shell);
            case "ONBUILD": return ParseOnbuild(line, original, escape, flagWords, rest, readHeredocs);
            default:
                throw ParseError.At(line, $"unknown instruction: {written}{KeywordSuggestion.For(written)}");
        }
    }

    internal static Exception AtLeastOne(int line, string keyword) => ParseError.At(line, $"{keyword} requires at least one argument");

    internal static void NoFlag(int line, IReadOnlyList<string> flagWords) => InstructionFlags.Parse(line, flagWords, NoFlags, NoFlags);

    private static string ExactlyOne(int line, string keyword, IReadOnlyList<string> flagWords, string rest)
    {
        NoFlag(line, flagWords);
        if (rest.Length == 0) throw ParseError.At(line, $"{keyword} requires exactly one argument");
        return rest;
    }

    /// <summary>
    /// JSON (exec) form when the text is a JSON array of strings; null when it is not JSON at all, which
    /// Docker treats as shell form. An array holding anything but strings is an error, as in Docker.
    /// </summary>
    internal static List<string>? TryParseJson(int line, string rest)
    {
        if (!rest.StartsWith('[')) return null;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(rest);
        }
        catch (JsonException)
        {
            return null;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return null;
            var list = new List<string>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.String)
                    throw ParseError.At(line, "when using JSON array syntax, arrays must be comprised of strings only");
                list.Add(e.GetString()!);
            }
            return list;
        }
    }

    /// <summary>BuildKit accepts a bare CMD or ENTRYPOINT (an empty command, which resets it); a bare RUN has nothing to run.</summary>
    private static CommandLine ParseCommand(int line, string keyword, string rest, bool allowEmpty = false)
    {
        if (rest.Length == 0) return allowEmpty ? new CommandLine([], false) : throw AtLeastOne(line, keyword);
        var json = TryParseJson(line, rest);
        return json is not null ? new CommandLine(json, false) : new CommandLine([rest], true);
    }

    private static FromInstruction ParseFrom(int line, string original, IReadOnlyList<string> flagWords, string rest)
    {
        var flags = InstructionFlags.Parse(line, flagWords, ["platform"], NoFlags);
        var args = rest.Length == 0 ? [] : Whitespace().Split(rest);
        if (args.Length != 1 && !(args.Length == 3 && args[1].Equals("as", StringComparison.OrdinalIgnoreCase)))
            throw ParseError.At(line, "FROM requires either one or three arguments");
        string? name = null;
        if (args.Length == 3)
        {
            name = args[2].ToLowerInvariant();
            if (!StageName().IsMatch(name))
                throw ParseError.At(line, $"invalid name for build stage: \"{args[2]}\", name can't start with a number or contain symbols");
        }
        return new FromInstruction(line, original, args[0], name, flags.String("platform"));
    }

    private static RunInstruction ParseRun(int line, string original, char escape, IReadOnlyList<string> flagWords, string rest, HeredocReader readHeredocs)
    {
        var flags = InstructionFlags.Parse(line, flagWords, ["mount", "network", "security"], NoFlags, ["mount"]);
        var network = flags.String("network");
        if (network is not null && network is not ("default" or "none" or "host"))
            throw ParseError.At(line, $"unsupported network mode \"{network}\"");
        var security = flags.String("security");
        if (security is not null && security is not ("sandbox" or "insecure"))
            throw ParseError.At(line, $"unsupported security mode \"{security}\"");
        var mounts = flags.Strings("mount").Select(m => RunMountParser.Parse(line, m)).ToList();
        var command = ParseCommand(line, "RUN", rest);
        var heredocs = command.PrependShell ? readHeredocs(HeredocWords.Find(rest, escape)) : [];
        return new RunInstruction(line, original, command, heredocs, mounts, network, security);
    }

    private static ArgInstruction ParseArg(int line, string original, char escape, IReadOnlyList<string> flagWords, string rest)
    {
        NoFlag(line, flagWords);
        var words = WordSplitter.Split(rest, escape);
        if (words.Count == 0) throw AtLeastOne(line, "ARG");
        var args = new List<ArgDeclaration>();
        foreach (var w in words)
        {
            var eq = w.IndexOf('=');
            var name = eq < 0 ? w : w[..eq];
            if (name.Length == 0) throw ParseError.At(line, "ARG names can not be blank");
            args.Add(new ArgDeclaration(name, eq < 0 ? null : w[(eq + 1)..]));
        }
        return new ArgInstruction(line, original, args);
    }

    private static List<KeyValue> ParseNameValues(int line, string keyword, string rest, char escape)
    {
        var words = WordSplitter.Split(rest, escape);
        if (words.Count == 0) throw AtLeastOne(line, keyword);
        var pairs = new List<KeyValue>();
        if (!words[0].Contains('='))
        {
            // Legacy "ENV name value": everything after the first word is the value.
            var parts = Whitespace().Split(rest, 2);
            if (parts.Length < 2) throw ParseError.At(line, $"{keyword} must have two arguments");
            pairs.Add(new KeyValue(parts[0], parts[1]));
            return pairs;
        }
        foreach (var w in words)
        {
            var eq = w.IndexOf('=');
            if (eq < 0) throw ParseError.At(line, $"Syntax error - can't find = in \"{w}\". Must be of the form: name=value");
            if (eq == 0) throw ParseError.At(line, $"{keyword} names can not be blank");
            pairs.Add(new KeyValue(w[..eq], w[(eq + 1)..]));
        }
        return pairs;
    }

    private static VolumeInstruction ParseVolume(int line, string original, IReadOnlyList<string> flagWords, string rest)
    {
        NoFlag(line, flagWords);
        var paths = TryParseJson(line, rest) ?? Whitespace().Split(rest).Where(p => p.Length > 0).ToList();
        if (paths.Count == 0) throw AtLeastOne(line, "VOLUME");
        if (paths.Any(p => p.Trim().Length == 0)) throw ParseError.At(line, "VOLUME specified can not be an empty string");
        return new VolumeInstruction(line, original, paths);
    }

    private static HealthcheckInstruction ParseHealthcheck(int line, string original, IReadOnlyList<string> flagWords, string rest)
    {
        var flags = InstructionFlags.Parse(line, flagWords, ["interval", "timeout", "start-period", "start-interval", "retries"], NoFlags);
        if (rest.Length == 0) throw AtLeastOne(line, "HEALTHCHECK");
        var parts = Whitespace().Split(rest, 2);
        var type = parts[0].ToUpperInvariant();
        var args = parts.Length > 1 ? parts[1].Trim() : "";
        if (type == "NONE")
        {
            if (args.Length > 0) throw ParseError.At(line, "HEALTHCHECK NONE takes no arguments");
            if (flagWords.Count > 0) throw ParseError.At(line, "options cannot be specified with HEALTHCHECK NONE");
            return new HealthcheckInstruction(line, original, null, null, null, null, null, null);
        }
        if (type != "CMD") throw ParseError.At(line, $"Unknown type \"{type}\" in HEALTHCHECK (try CMD)");
        if (args.Length == 0) throw ParseError.At(line, "Missing command after HEALTHCHECK CMD");
        var command = TryParseJson(line, args) is { } json ? new CommandLine(json, false) : new CommandLine([args], true);
        int? retries = null;
        if (flags.String("retries") is { } r)
        {
            if (!int.TryParse(r, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
                throw ParseError.At(line, $"invalid value for --retries: \"{r}\"");
            if (n < 0) throw ParseError.At(line, $"--retries cannot be negative ({n})");
            retries = n;
        }
        return new HealthcheckInstruction(line, original, command,
            Duration(line, flags, "interval"), Duration(line, flags, "timeout"),
            Duration(line, flags, "start-period"), Duration(line, flags, "start-interval"), retries);
    }

    private static TimeSpan? Duration(int line, InstructionFlags flags, string name)
    {
        if (flags.String(name) is not { } text) return null;
        if (!GoDuration.TryParse(text, out var d)) throw ParseError.At(line, $"time: invalid duration \"{text}\" for --{name}");
        // Zero means "inherit the default"; anything else below Docker's minimum is refused.
        if (d != TimeSpan.Zero && d < TimeSpan.FromMilliseconds(1)) throw ParseError.At(line, $"Interval \"{name}\" cannot be less than 1ms");
        return d;
    }

    private static OnbuildInstruction ParseOnbuild(int line, string original, char escape, IReadOnlyList<string> flagWords, string rest, HeredocReader readHeredocs)
    {
        NoFlag(line, flagWords);
        if (rest.Length == 0) throw AtLeastOne(line, "ONBUILD");
        var inner = Whitespace().Split(rest, 2)[0].ToUpperInvariant();
        switch (inner)
        {
            case "ONBUILD": throw ParseError.At(line, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            case "FROM":
            case "MAINTAINER": throw ParseError.At(line, $"{inner} isn't allowed as an ONBUILD trigger");
        }
        return new OnbuildInstruction(line, original, Parse(line, rest, escape, readHeredocs));
    }

    [GeneratedRegex(@"\s+")]
    internal static partial Regex Whitespace();

    [GeneratedRegex(@"^[a-z][a-z0-9\-_.]*$")]
    private static partial Regex StageName();
}

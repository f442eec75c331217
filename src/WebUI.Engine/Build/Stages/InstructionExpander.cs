using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Build.Stages;

/// <summary>
/// Applies variable substitution to the instructions Docker expands (ADD ARG COPY ENV EXPOSE FROM LABEL
/// STOPSIGNAL USER VOLUME WORKDIR, and the bodies of COPY/ADD heredocs whose delimiter is not quoted); RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK and ONBUILD are returned as is.
/// </summary>
internal static class InstructionExpander
{
    public static Instruction Expand(Instruction instruction, ShellLexer lexer, Func<string, string?> lookup)
    {
        string W(string word) => lexer.ProcessWord(word, lookup);
        string? O(string? word) => word is null ? null : W(word);
        List<string> Sources(IEnumerable<string> words) =>
            words.Select(s => HeredocWords.TryParse(s) is null ? W(s) : s).ToList();
        // A quoted delimiter (<<'EOF') keeps the body literal, as in the shell.
        List<Heredoc> Bodies(IEnumerable<Heredoc> heredocs) =>
            heredocs.Select(h => h.Expand ? h with { Content = lexer.ExpandHeredoc(h.Content, lookup) } : h).ToList();
        try
        {
            return instruction switch
            {
                FromInstruction f => f with { Image = W(f.Image), Platform = O(f.Platform) },
                EnvInstruction e => e with { Variables = e.Variables.Select(v => new KeyValue(W(v.Key), W(v.Value))).ToList() },
                LabelInstruction l => l with { Labels = l.Labels.Select(v => new KeyValue(W(v.Key), W(v.Value))).ToList() },
                ArgInstruction a => a with { Arguments = a.Arguments.Select(d => d with { Default = O(d.Default) }).ToList() },
                WorkdirInstruction w => w with { Path = W(w.Path) },
                UserInstruction u => u with { User = W(u.User) },
                StopSignalInstruction s => s with { Signal = W(s.Signal) },
                ExposeInstruction x => x with { Ports = x.Ports.Select(W).ToList() },
                VolumeInstruction v => v with { Paths = v.Paths.Select(W).ToList() },
                CopyInstruction c => c with
                {
                    Sources = Sources(c.Sources), Destination = W(c.Destination), Heredocs = Bodies(c.Heredocs),
                    From = O(c.From), Chown = O(c.Chown), Chmod = O(c.Chmod), Excludes = c.Excludes.Select(W).ToList(),
                },
                AddInstruction a => a with
                {
                    Sources = Sources(a.Sources), Destination = W(a.Destination), Heredocs = Bodies(a.Heredocs),
                    Chown = O(a.Chown), Chmod = O(a.Chmod), Checksum = O(a.Checksum), Excludes = a.Excludes.Select(W).ToList(),
                },
                _ => instruction,
            };
        }
        catch (EngineException e) when (e.Kind == ErrorKind.InvalidArgument && !e.Message.StartsWith("dockerfile parse error", StringComparison.Ordinal))
        {
            throw ParseError.At(instruction.Line, e.Message);
        }
    }
}

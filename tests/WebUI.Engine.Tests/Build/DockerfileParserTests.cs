using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Tests.Build;

public sealed class DockerfileParserTests
{
    private static Instruction Single(string text) => Assert.Single(DockerfileParser.Parse(text).Instructions);

    private static void AssertError(string text, string message)
    {
        var e = Assert.Throws<EngineException>(() => DockerfileParser.Parse(text));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("FROM busybox", "busybox", null, null)]
    [InlineData("from busybox:1.36 AS Build", "busybox:1.36", "build", null)]
    [InlineData("FROM --platform=linux/arm64 alpine as x", "alpine", "x", "linux/arm64")]
    [InlineData("FROM scratch", "scratch", null, null)]
    [InlineData("FROM ${BASE}:${TAG}", "${BASE}:${TAG}", null, null)]
    public void From_forms(string text, string image, string? name, string? platform)
    {
        var from = Assert.IsType<FromInstruction>(Single(text));
        Assert.Equal((image, name, platform), (from.Image, from.StageName, from.Platform));
        Assert.Equal(1, from.Line);
        Assert.Equal(text, from.Original);
    }

    [Theory]
    [InlineData("RUN echo hi", false, new[] { "echo hi" })]
    [InlineData("RUN [\"echo\", \"hi\"]", true, new[] { "echo", "hi" })]
    [InlineData("RUN []", true, new string[0])]
    [InlineData("RUN [\"echo\", hi]", false, new[] { "[\"echo\", hi]" })]
    [InlineData("RUN [\"a\"] extra", false, new[] { "[\"a\"] extra" })]
    [InlineData("run   echo   spaced  ", false, new[] { "echo   spaced" })]
    public void Run_shell_and_exec_form(string text, bool exec, string[] args)
    {
        var run = Assert.IsType<RunInstruction>(Single(text));
        Assert.Equal(exec, run.Command.IsExecForm);
        Assert.Equal(args, run.Command.Args);
    }

    [Fact]
    public void Shell_form_runs_through_the_stage_shell()
    {
        var shell = Assert.IsType<RunInstruction>(Single("RUN echo $HOME")).Command;
        Assert.Equal(["/bin/sh", "-c", "echo $HOME"], shell.ToArgv());
        Assert.Equal(["/bin/bash", "-eo", "pipefail", "-c", "echo $HOME"], shell.ToArgv(["/bin/bash", "-eo", "pipefail", "-c"]));
        Assert.Equal(["ls", "-l"], Assert.IsType<CmdInstruction>(Single("CMD [\"ls\", \"-l\"]")).Command.ToArgv(["/bin/bash", "-c"]));
    }

    [Fact]
    public void Run_flags_are_parsed()
    {
        var run = Assert.IsType<RunInstruction>(Single("RUN --network=none --mount=type=cache,target=/root/.cache,id=pip --mount=type=bind,source=a,target=/b,ro echo"));
        Assert.Equal("none", run.Network);
        Assert.Equal(2, run.Mounts.Count);
        Assert.Equal(("cache", "/root/.cache", "pip"), (run.Mounts[0].Type, run.Mounts[0].Target, run.Mounts[0].Options["id"]));
        Assert.Equal(("bind", "a", true), (run.Mounts[1].Type, run.Mounts[1].Source, run.Mounts[1].ReadOnly));
        Assert.Equal(["echo"], run.Command.Args);
    }

    [Theory]
    [InlineData("RUN --network=weird true", "dockerfile parse error on line 1: unsupported network mode \"weird\"")]
    [InlineData("RUN --mount=type=nfs,target=/x true", "dockerfile parse error on line 1: unsupported mount type \"nfs\"")]
    [InlineData("RUN --mount=type=cache true", "dockerfile parse error on line 1: mount target must be specified")]
    [InlineData("RUN --mount=type=cache,target=/x,bogus=1 true", "dockerfile parse error on line 1: unexpected key 'bogus' in 'bogus=1'")]
    [InlineData("RUN --foo true", "dockerfile parse error on line 1: unknown flag: --foo")]
    [InlineData("RUN --network true", "dockerfile parse error on line 1: Missing a value on flag: network")]
    [InlineData("RUN --network=none --network=host true", "dockerfile parse error on line 1: Duplicate flag specified: network")]
    [InlineData("COPY --link=maybe a b", "dockerfile parse error on line 1: Expecting boolean value for flag link, not: maybe")]
    [InlineData("COPY --link= a b", "dockerfile parse error on line 1: Missing a value on flag: link")]
    [InlineData("ADD --from=x a b", "dockerfile parse error on line 1: unknown flag: --from")]
    [InlineData("WORKDIR --x=1 /a", "dockerfile parse error on line 1: unknown flag: --x")]
    public void Bad_flags_are_rejected(string text, string message) => AssertError(text, message);

    [Fact]
    public void Bare_cmd_and_entrypoint_reset_to_empty()
    {
        Assert.Empty(Assert.IsType<CmdInstruction>(Single("CMD")).Command.Args);
        Assert.True(Assert.IsType<EntrypointInstruction>(Single("ENTRYPOINT []")).Command.IsExecForm);
    }

    [Fact]
    public void Double_dash_ends_flags()
    {
        var run = Assert.IsType<RunInstruction>(Single("RUN -- --version"));
        Assert.Equal(["--version"], run.Command.Args);
    }

    [Theory]
    [InlineData("CMD echo hi", false)]
    [InlineData("CMD [\"/bin/app\",\"-v\"]", true)]
    [InlineData("ENTRYPOINT [\"/entry\"]", true)]
    [InlineData("ENTRYPOINT exec /entry", false)]
    public void Cmd_and_entrypoint(string text, bool exec)
    {
        var command = Single(text) switch
        {
            CmdInstruction c => c.Command,
            EntrypointInstruction e => e.Command,
            var other => throw new Xunit.Sdk.XunitException(other.ToString()),
        };
        Assert.Equal(exec, command.IsExecForm);
    }

    [Theory]
    [InlineData("ENV a=b", new[] { "a", "b" })]
    [InlineData("ENV a=b c=d", new[] { "a", "b", "c", "d" })]
    [InlineData("ENV a=\"hello world\" b=x\\ y", new[] { "a", "\"hello world\"", "b", "x\\ y" })]
    [InlineData("ENV a hello world", new[] { "a", "hello world" })]
    [InlineData("ENV a  =b", new[] { "a", "=b" })]
    [InlineData("ENV empty=", new[] { "empty", "" })]
    public void Env_forms(string text, string[] flat)
    {
        var env = Assert.IsType<EnvInstruction>(Single(text));
        Assert.Equal(flat, env.Variables.SelectMany(v => new[] { v.Key, v.Value }));
    }

    [Theory]
    [InlineData("LABEL a=b \"c d\"=e", new[] { "a", "b", "\"c d\"", "e" })]
    [InlineData("LABEL version 1.0", new[] { "version", "1.0" })]
    public void Label_forms(string text, string[] flat)
    {
        var label = Assert.IsType<LabelInstruction>(Single(text));
        Assert.Equal(flat, label.Labels.SelectMany(v => new[] { v.Key, v.Value }));
    }

    [Fact]
    public void Arg_with_and_without_defaults()
    {
        var arg = Assert.IsType<ArgInstruction>(Single("ARG a b=2 c="));
        Assert.Equal([new ArgDeclaration("a", null), new ArgDeclaration("b", "2"), new ArgDeclaration("c", "")], arg.Arguments);
    }

    [Theory]
    [InlineData("WORKDIR /app dir", typeof(WorkdirInstruction), "/app dir")]
    [InlineData("USER app:app", typeof(UserInstruction), "app:app")]
    [InlineData("STOPSIGNAL SIGTERM", typeof(StopSignalInstruction), "SIGTERM")]
    [InlineData("MAINTAINER Jane <j@example.com>", typeof(MaintainerInstruction), "Jane <j@example.com>")]
    public void Single_argument_instructions(string text, Type type, string value)
    {
        var i = Single(text);
        Assert.IsType(type, i);
        Assert.Contains(value, i switch
        {
            WorkdirInstruction w => w.Path,
            UserInstruction u => u.User,
            StopSignalInstruction s => s.Signal,
            MaintainerInstruction m => m.Name,
            _ => "",
        });
    }

    [Fact]
    public void Expose_and_volume()
    {
        Assert.Equal(["80/tcp", "53/udp", "8080"], Assert.IsType<ExposeInstruction>(Single("EXPOSE 80/tcp 53/udp\t8080")).Ports);
        Assert.Equal(["/data", "/logs"], Assert.IsType<VolumeInstruction>(Single("VOLUME /data /logs")).Paths);
        Assert.Equal(["/data", "/other dir"], Assert.IsType<VolumeInstruction>(Single("VOLUME [\"/data\", \"/other dir\"]")).Paths);
    }

    [Fact]
    public void Copy_with_all_flags()
    {
        var copy = Assert.IsType<CopyInstruction>(Single("COPY --from=build --chown=1:2 --chmod=0755 --link --exclude=*.md --exclude=x src/*.go a? /dest/"));
        Assert.Equal(("build", "1:2", "0755", true), (copy.From, copy.Chown, copy.Chmod, copy.Link));
        Assert.Equal(["*.md", "x"], copy.Excludes);
        Assert.Equal(["src/*.go", "a?"], copy.Sources);
        Assert.Equal("/dest/", copy.Destination);
    }

    [Fact]
    public void Copy_json_form_keeps_spaces()
    {
        var copy = Assert.IsType<CopyInstruction>(Single("COPY [\"my file\", \"other\", \"/dest dir/\"]"));
        Assert.Equal(["my file", "other"], copy.Sources);
        Assert.Equal("/dest dir/", copy.Destination);
    }

    [Fact]
    public void Add_with_checksum_and_url()
    {
        var add = Assert.IsType<AddInstruction>(Single("ADD --checksum=sha256:abc --chown=app https://example.com/a.tgz /x"));
        Assert.Equal("sha256:abc", add.Checksum);
        Assert.True(AddInstruction.IsRemote(add.Sources[0]));
        Assert.False(AddInstruction.IsRemote("local.tar.gz"));
        Assert.True(AddInstruction.IsRemote("git@github.com:moby/moby.git"));
        Assert.Null(add.Unpack);
    }

    [Fact]
    public void Healthcheck_cmd_with_options()
    {
        var h = Assert.IsType<HealthcheckInstruction>(Single("HEALTHCHECK --interval=30s --timeout=1m30s --start-period=500ms --start-interval=2s --retries=3 CMD curl -f http://localhost/"));
        Assert.Equal(TimeSpan.FromSeconds(30), h.Interval);
        Assert.Equal(TimeSpan.FromSeconds(90), h.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), h.StartPeriod);
        Assert.Equal(TimeSpan.FromSeconds(2), h.StartInterval);
        Assert.Equal(3, h.Retries);
        Assert.Equal(["curl -f http://localhost/"], h.Command!.Args);
        Assert.True(h.Command.PrependShell);
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost/"], h.Test);
    }

    [Fact]
    public void Healthcheck_none_and_exec()
    {
        Assert.Equal(["NONE"], Assert.IsType<HealthcheckInstruction>(Single("healthcheck none")).Test);
        var h = Assert.IsType<HealthcheckInstruction>(Single("HEALTHCHECK cmd [\"/bin/check\"]"));
        Assert.Equal(["CMD", "/bin/check"], h.Test);
        Assert.Null(h.Interval);
    }

    [Theory]
    [InlineData("HEALTHCHECK NONE x", "dockerfile parse error on line 1: HEALTHCHECK NONE takes no arguments")]
    [InlineData("HEALTHCHECK --interval=5s NONE", "dockerfile parse error on line 1: options cannot be specified with HEALTHCHECK NONE")]
    [InlineData("HEALTHCHECK ping x", "dockerfile parse error on line 1: Unknown type \"PING\" in HEALTHCHECK (try CMD)")]
    [InlineData("HEALTHCHECK CMD", "dockerfile parse error on line 1: Missing command after HEALTHCHECK CMD")]
    [InlineData("HEALTHCHECK --retries=-1 CMD x", "dockerfile parse error on line 1: --retries cannot be negative (-1)")]
    [InlineData("HEALTHCHECK --interval=1us CMD x", "dockerfile parse error on line 1: Interval \"interval\" cannot be less than 1ms")]
    [InlineData("HEALTHCHECK --interval=soon CMD x", "dockerfile parse error on line 1: time: invalid duration \"soon\" for --interval")]
    [InlineData("HEALTHCHECK", "dockerfile parse error on line 1: HEALTHCHECK requires at least one argument")]
    public void Healthcheck_errors(string text, string message) => AssertError(text, message);

    [Fact]
    public void Shell_requires_json()
    {
        Assert.Equal(["/bin/bash", "-c"], Assert.IsType<ShellInstruction>(Single("SHELL [\"/bin/bash\", \"-c\"]")).Shell);
        AssertError("SHELL /bin/bash -c", "dockerfile parse error on line 1: SHELL requires the arguments to be in JSON form");
        AssertError("SHELL []", "dockerfile parse error on line 1: SHELL requires at least one argument");
    }

    [Fact]
    public void Onbuild_wraps_a_trigger()
    {
        var o = Assert.IsType<OnbuildInstruction>(Single("ONBUILD COPY . /app"));
        var copy = Assert.IsType<CopyInstruction>(o.Trigger);
        Assert.Equal("/app", copy.Destination);
    }

    [Fact]
    public void Base_image_triggers_parse_back_into_instructions()
    {
        var run = Assert.IsType<RunInstruction>(DockerfileParser.ParseTrigger("RUN make install"));
        Assert.Equal(["make install"], run.Command.Args);
        Assert.Equal("dockerfile parse error on line 1: FROM isn't allowed as an ONBUILD trigger",
            Assert.Throws<EngineException>(() => DockerfileParser.ParseTrigger("FROM x")).Message);
        Assert.Throws<EngineException>(() => DockerfileParser.ParseTrigger("RUN a\nRUN b"));
    }

    [Theory]
    [InlineData("ONBUILD ONBUILD RUN x", "dockerfile parse error on line 1: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")]
    [InlineData("ONBUILD from x", "dockerfile parse error on line 1: FROM isn't allowed as an ONBUILD trigger")]
    [InlineData("ONBUILD MAINTAINER me", "dockerfile parse error on line 1: MAINTAINER isn't allowed as an ONBUILD trigger")]
    [InlineData("ONBUILD", "dockerfile parse error on line 1: ONBUILD requires at least one argument")]
    [InlineData("ONBUILD RUNN x", "dockerfile parse error on line 1: unknown instruction: RUNN (did you mean RUN?)")]
    public void Onbuild_errors(string text, string message) => AssertError(text, message);

    [Theory]
    [InlineData("FROM a\nRUNN x", "dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)")]
    [InlineData("FORM a", "dockerfile parse error on line 1: unknown instruction: FORM (did you mean FROM?)")]
    [InlineData("services:", "dockerfile parse error on line 1: unknown instruction: services:")]
    [InlineData("FROM", "dockerfile parse error on line 1: FROM requires either one or three arguments")]
    [InlineData("FROM a b", "dockerfile parse error on line 1: FROM requires either one or three arguments")]
    [InlineData("FROM a AT b", "dockerfile parse error on line 1: FROM requires either one or three arguments")]
    [InlineData("FROM a AS 1st", "dockerfile parse error on line 1: invalid name for build stage: \"1st\", name can't start with a number or contain symbols")]
    [InlineData("FROM a\n\nRUN", "dockerfile parse error on line 3: RUN requires at least one argument")]
    [InlineData("ENV", "dockerfile parse error on line 1: ENV requires at least one argument")]
    [InlineData("ENV a", "dockerfile parse error on line 1: ENV must have two arguments")]
    [InlineData("ENV a=b c", "dockerfile parse error on line 1: Syntax error - can't find = in \"c\". Must be of the form: name=value")]
    [InlineData("ENV =b", "dockerfile parse error on line 1: ENV names can not be blank")]
    [InlineData("LABEL", "dockerfile parse error on line 1: LABEL requires at least one argument")]
    [InlineData("ARG", "dockerfile parse error on line 1: ARG requires at least one argument")]
    [InlineData("ARG =x", "dockerfile parse error on line 1: ARG names can not be blank")]
    [InlineData("WORKDIR", "dockerfile parse error on line 1: WORKDIR requires exactly one argument")]
    [InlineData("USER", "dockerfile parse error on line 1: USER requires exactly one argument")]
    [InlineData("STOPSIGNAL", "dockerfile parse error on line 1: STOPSIGNAL requires exactly one argument")]
    [InlineData("EXPOSE", "dockerfile parse error on line 1: EXPOSE requires at least one argument")]
    [InlineData("VOLUME", "dockerfile parse error on line 1: VOLUME requires at least one argument")]
    [InlineData("VOLUME [\"\"]", "dockerfile parse error on line 1: VOLUME specified can not be an empty string")]
    [InlineData("COPY a", "dockerfile parse error on line 1: COPY requires at least two arguments, but only one was provided. Destination could not be determined")]
    [InlineData("ADD", "dockerfile parse error on line 1: ADD requires at least two arguments, but only one was provided. Destination could not be determined")]
    [InlineData("FROM a\nCOPY x <<EOF\nEOF", "dockerfile parse error on line 2: COPY cannot accept a heredoc as a destination")]
    [InlineData("CMD [\"a\", 1]", "dockerfile parse error on line 1: when using JSON array syntax, arrays must be comprised of strings only")]
    [InlineData("FROM a\nRUN echo \\\n  more\nBOGUS", "dockerfile parse error on line 4: unknown instruction: BOGUS")]
    [InlineData("FROM a\nRUN echo \\ \n&& more\r\nFROM b\nCMD [\"x\",\n\"y\"]", "dockerfile parse error on line 6: unknown instruction: \"y\"]")]
    public void Malformed_lines_name_line_and_problem(string text, string message) => AssertError(text, message);

    [Fact]
    public void Continuations_join_lines_and_skip_comments_and_blank_lines()
    {
        var df = DockerfileParser.Parse("FROM a\nRUN echo one \\\n# a comment\n    two \\\n\n   three\nCMD x\n");
        var run = Assert.IsType<RunInstruction>(df.Instructions[1]);
        Assert.Equal(["echo one     two    three"], run.Command.Args);
        Assert.Equal(2, run.Line);
        Assert.Equal(7, df.Instructions[2].Line);
        Assert.Equal(2, df.Warnings.Count);
        Assert.StartsWith("[WARNING]: Empty continuation line found in:", df.Warnings[0]);
        Assert.Empty(DockerfileParser.Parse("FROM a\nRUN a \\\n# c\n  b").Warnings);
    }

    [Fact]
    public void Crlf_and_bom_are_handled()
    {
        var df = DockerfileParser.Parse("\uFEFFFROM a\r\nRUN echo \\\r\n  hi\r\n");
        Assert.Equal(["echo   hi"], Assert.IsType<RunInstruction>(df.Instructions[1]).Command.Args);
    }

    [Fact]
    public void Comments_and_indentation()
    {
        var df = DockerfileParser.Parse("# comment\n   # indented comment\n  FROM a\nRUN echo # not a comment\n");
        Assert.Equal(2, df.Instructions.Count);
        Assert.Equal(3, df.Instructions[0].Line);
        Assert.Equal(["echo # not a comment"], Assert.IsType<RunInstruction>(df.Instructions[1]).Command.Args);
    }

    [Fact]
    public void Escape_directive_switches_to_backtick()
    {
        var df = DockerfileParser.Parse("# escape=`\nFROM a\nRUN dir c:\\ `\n  /w\n");
        Assert.Equal('`', df.Escape);
        Assert.Equal(["dir c:\\   /w"], Assert.IsType<RunInstruction>(df.Instructions[1]).Command.Args);
    }

    [Theory]
    [InlineData("# syntax=docker/dockerfile:1\n# escape=`\nFROM a", "docker/dockerfile:1", '`')]
    [InlineData("#ESCAPE = `\nFROM a", null, '`')]
    [InlineData("# comment\n# escape=`\nFROM a", null, '\\')]
    [InlineData("\n# escape=`\nFROM a", null, '\\')]
    [InlineData("FROM a\n# escape=`", null, '\\')]
    [InlineData("# unknown=1\n# escape=`\nFROM a", null, '\\')]
    [InlineData("# escape=\\\nFROM a", null, '\\')]
    public void Directives_only_at_the_top(string text, string? syntax, char escape)
    {
        var df = DockerfileParser.Parse(text);
        Assert.Equal(syntax, df.Syntax);
        Assert.Equal(escape, df.Escape);
    }

    [Theory]
    [InlineData("# escape=x\nFROM a", "dockerfile parse error on line 1: invalid escape token 'x' does not match ` or \\")]
    [InlineData("# escape=`\n# escape=`\nFROM a", "dockerfile parse error on line 2: only one escape parser directive can be used")]
    public void Bad_directives(string text, string message) => AssertError(text, message);

    [Fact]
    public void Run_heredoc()
    {
        var df = DockerfileParser.Parse("FROM a\nRUN <<EOF\necho hi\n  echo there\nEOF\nCMD x\n");
        var run = Assert.IsType<RunInstruction>(df.Instructions[1]);
        var h = Assert.Single(run.Heredocs);
        Assert.Equal(new Heredoc("EOF", "echo hi\n  echo there\n", true, false), h);
        Assert.Equal(6, df.Instructions[2].Line);
    }

    [Fact]
    public void Several_heredocs_chomp_and_quoting()
    {
        var df = DockerfileParser.Parse("FROM a\nRUN cat <<-ONE <<'TWO' > /x\n\tfirst $X\n\tONE\nsecond $Y\nTWO\n");
        var run = Assert.IsType<RunInstruction>(df.Instructions[1]);
        Assert.Equal(2, run.Heredocs.Count);
        Assert.Equal(new Heredoc("ONE", "first $X\n", true, true), run.Heredocs[0]);
        Assert.Equal(new Heredoc("TWO", "second $Y\n", false, false), run.Heredocs[1]);
    }

    [Fact]
    public void Copy_heredoc_source()
    {
        var df = DockerfileParser.Parse("FROM a\nCOPY <<EOF /etc/motd\nhello\nEOF\n");
        var copy = Assert.IsType<CopyInstruction>(df.Instructions[1]);
        Assert.Equal(["<<EOF"], copy.Sources);
        Assert.Equal("hello\n", Assert.Single(copy.Heredocs).Content);
    }

    [Fact]
    public void Heredoc_marker_in_exec_form_is_literal()
    {
        var df = DockerfileParser.Parse("FROM a\nRUN [\"echo\", \"<<EOF\"]\nCMD x");
        Assert.Empty(Assert.IsType<RunInstruction>(df.Instructions[1]).Heredocs);
        Assert.Equal(3, df.Instructions.Count);
    }

    [Fact]
    public void Unterminated_heredoc_is_an_error() =>
        AssertError("FROM a\nRUN <<EOF\necho\n", "dockerfile parse error on line 2: unterminated heredoc EOF");

    [Fact]
    public void Empty_file_has_no_instructions() => Assert.Empty(DockerfileParser.Parse("\n# only a comment\n\n").Instructions);
}

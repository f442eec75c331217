using WebUI.Engine.Build;
using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Build.Stages;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Tests.Build;

/// <summary>How RUN and COPY heredocs turn into commands and file bodies (BuildKit's rules).</summary>
public sealed class HeredocTests
{
    private static RunInstruction Run(string dockerfile) =>
        Assert.IsType<RunInstruction>(DockerfileParser.Parse(dockerfile).Instructions[1]);

    private static string? Lookup(string name) => name switch { "NAME" => "world", "EMPTY" => "", _ => null };

    [Fact]
    public void A_lone_heredoc_runs_its_body_as_the_shell_script()
    {
        var h = HeredocCommand.For(Run("FROM a\nRUN <<EOF\necho one\necho two\nEOF\n"));
        Assert.Equal(["/bin/sh", "-c", "echo one\necho two\n"], h.Command.ToArgv());
        Assert.Null(h.Script);
        Assert.Equal("<<EOF\necho one\necho two\nEOF", h.Text);
    }

    [Fact]
    public void A_lone_heredoc_uses_the_stage_shell()
    {
        var h = HeredocCommand.For(Run("FROM a\nRUN <<EOF\necho one\nEOF\n"));
        Assert.Equal(["/bin/bash", "-eo", "pipefail", "-c", "echo one\n"], h.Command.ToArgv(["/bin/bash", "-eo", "pipefail", "-c"]));
    }

    [Fact]
    public void A_shebang_body_becomes_an_executable_file_under_dev_pipes()
    {
        var h = HeredocCommand.For(Run("FROM a\nRUN <<SCRIPT\n#!/usr/bin/env python3\nprint('hi')\nSCRIPT\n"));
        Assert.Equal(["/bin/sh", "-c", "/dev/pipes/SCRIPT"], h.Command.ToArgv());
        Assert.Equal("/dev/pipes/SCRIPT", h.ScriptPath);
        Assert.Equal("#!/usr/bin/env python3\nprint('hi')\n", h.Script!.Content);
        Assert.Contains("print('hi')", h.Text);
    }

    [Fact]
    public void A_command_with_a_heredoc_gets_the_bodies_back_for_the_shell()
    {
        var h = HeredocCommand.For(Run("FROM a\nRUN python3 <<EOF\nprint(1)\nEOF\n"));
        Assert.Equal(["/bin/sh", "-c", "python3 <<EOF\nprint(1)\nEOF"], h.Command.ToArgv());
        Assert.Null(h.Script);
    }

    [Fact]
    public void Several_heredocs_on_one_line_keep_their_order_quotes_and_chomp_marker()
    {
        var h = HeredocCommand.For(Run("FROM a\nRUN cat <<-ONE - <<'TWO' > /x\n\tfirst $X\n\tONE\nsecond $Y\nTWO\n"));
        Assert.Equal(["/bin/sh", "-c", "cat <<-ONE - <<'TWO' > /x\nfirst $X\nONE\nsecond $Y\nTWO"], h.Command.ToArgv());
    }

    [Fact]
    public void A_heredoc_run_with_a_continued_first_line_keeps_the_whole_line()
    {
        var h = HeredocCommand.For(Run("FROM a\nRUN sh -e \\\n  <<EOF\nexit 0\nEOF\n"));
        Assert.Equal(["/bin/sh", "-c", "sh -e   <<EOF\nexit 0\nEOF"], h.Command.ToArgv());
    }

    [Fact]
    public void Exec_form_and_plain_runs_are_unchanged()
    {
        var exec = HeredocCommand.For(Run("FROM a\nRUN [\"echo\", \"<<EOF\"]\n"));
        Assert.Equal(["echo", "<<EOF"], exec.Command.ToArgv());
        var plain = HeredocCommand.For(Run("FROM a\nRUN echo hi\n"));
        Assert.Equal(["/bin/sh", "-c", "echo hi"], plain.Command.ToArgv());
        Assert.Equal("echo hi", plain.Text);
    }

    [Fact]
    public void A_shebang_heredoc_whose_name_is_no_file_name_is_refused_with_its_line()
    {
        var e = Assert.Throws<EngineException>(() => HeredocCommand.For(Run("FROM a\nRUN <<..\n#!/bin/sh\n..\n")));
        Assert.Equal("dockerfile parse error on line 2: heredoc name \"..\" cannot be used as a file name", e.Message);
    }

    [Theory]
    [InlineData("FROM a\nRUN <<EOF\necho\n", "dockerfile parse error on line 2: unterminated heredoc EOF")]
    [InlineData("FROM a\nRUN echo hi\nCOPY <<A <<B /d/\nbody\nA\n", "dockerfile parse error on line 3: unterminated heredoc B")]
    [InlineData("FROM a\nRUN <<-EOF\n\techo\n  EOF\n", "dockerfile parse error on line 2: unterminated heredoc EOF")]
    public void Unterminated_heredocs_name_their_instruction_line(string text, string message)
    {
        var e = Assert.Throws<EngineException>(() => DockerfileParser.Parse(text));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Copy_heredoc_bodies_expand_unless_the_delimiter_is_quoted()
    {
        var df = DockerfileParser.Parse("FROM a\nCOPY <<ONE <<\"TWO\" /d/\nhello $NAME \"${EMPTY:-dflt}\" \\$NAME\nONE\nhello $NAME\nTWO\n");
        var copy = Assert.IsType<CopyInstruction>(InstructionExpander.Expand(df.Instructions[1], new ShellLexer(), Lookup));
        Assert.Equal("hello world \"dflt\" $NAME\n", copy.Heredocs[0].Content);
        Assert.Equal("hello $NAME\n", copy.Heredocs[1].Content);
        Assert.Equal(["<<ONE", "<<\"TWO\""], copy.Sources);
    }

    [Fact]
    public void Add_heredoc_bodies_expand_too()
    {
        var df = DockerfileParser.Parse("FROM a\nADD <<EOF /f\n${NAME}!\nEOF\n");
        var add = Assert.IsType<AddInstruction>(InstructionExpander.Expand(df.Instructions[1], new ShellLexer(), Lookup));
        Assert.Equal("world!\n", Assert.Single(add.Heredocs).Content);
    }

    [Theory]
    [InlineData("it's \"$NAME\"\n", "it's \"world\"\n")]
    [InlineData("cost: \\$5 and \\\\ and \\n\n", "cost: $5 and \\ and \\n\n")]
    [InlineData("$(date) ${NAME:+set} $UNSET.\n", "$(date) set .\n")]
    [InlineData("trailing $", "trailing $")]
    public void Heredoc_expansion_keeps_quotes_and_only_unescapes_dollar_and_escape(string body, string expanded) =>
        Assert.Equal(expanded, new ShellLexer().ExpandHeredoc(body, Lookup));

    [Fact]
    public void Heredoc_expansion_reports_a_bad_substitution()
    {
        var e = Assert.Throws<EngineException>(() => new ShellLexer().ExpandHeredoc("${NAME", Lookup));
        Assert.Contains("bad substitution", e.Message);
    }
}

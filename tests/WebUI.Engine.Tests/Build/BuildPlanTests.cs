using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Build.Stages;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Tests.Build;

public sealed class BuildPlanTests
{
    private static readonly Dictionary<string, string> NoEnv = new();

    private static BuildPlan Plan(string text, Dictionary<string, string?>? args = null, string? target = null) =>
        BuildPlan.Create(DockerfileParser.Parse(text), new BuildPlanOptions { BuildArgs = args ?? new(), Target = target });

    private static IReadOnlyList<EvaluatedStep> Steps(string text, Dictionary<string, string?>? args = null, Dictionary<string, string>? baseEnv = null)
    {
        var plan = Plan(text, args);
        return plan.Evaluate(plan.Target, baseEnv ?? NoEnv);
    }

    [Fact]
    public void Global_arg_is_usable_in_from_only_until_redeclared()
    {
        var plan = Plan("ARG TAG=1.36\nFROM busybox:${TAG}\nRUN true\nWORKDIR /v$TAG\nARG TAG\nWORKDIR /v$TAG");
        Assert.Equal("busybox:1.36", plan.Bases[0].Image);
        var steps = plan.Evaluate(plan.Target, NoEnv);
        Assert.Equal("/v", ((WorkdirInstruction)steps[1].Expanded).Path);
        Assert.Equal("/v1.36", ((WorkdirInstruction)steps[3].Expanded).Path);
        Assert.Equal("1.36", steps[3].Args["TAG"]);
    }

    [Fact]
    public void Build_arg_overrides_defaults_everywhere()
    {
        var args = new Dictionary<string, string?> { ["TAG"] = "latest", ["V"] = "9" };
        var plan = Plan("ARG TAG=1.36\nFROM busybox:$TAG\nARG V=1\nENV X=$V", args);
        Assert.Equal("busybox:latest", plan.Bases[0].Image);
        Assert.Equal("9", ((EnvInstruction)plan.Evaluate(plan.Target, NoEnv)[1].Expanded).Variables[0].Value);
        Assert.Empty(plan.UnconsumedBuildArgs());
    }

    [Fact]
    public void Env_overrides_arg()
    {
        var steps = Steps("FROM a\nARG X=arg\nENV X=env\nARG X=again\nLABEL l=$X", new() { ["X"] = "cli" });
        Assert.Equal("env", ((LabelInstruction)steps[3].Expanded).Labels[0].Value);
    }

    [Fact]
    public void Env_on_one_line_sees_the_previous_values()
    {
        var steps = Steps("FROM a\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc");
        Assert.Equal("hello", steps[1].Env["def"]);
        Assert.Equal("bye", steps[2].Env["ghi"]);
    }

    [Fact]
    public void Base_image_env_is_used_for_substitution()
    {
        var steps = Steps("FROM golang\nWORKDIR $GOPATH/src", baseEnv: new() { ["GOPATH"] = "/go" });
        Assert.Equal("/go/src", ((WorkdirInstruction)steps[0].Expanded).Path);
    }

    [Fact]
    public void Predefined_proxy_args_need_no_declaration()
    {
        var plan = Plan("FROM a\nRUN wget x\nENV P=$HTTP_PROXY", new() { ["HTTP_PROXY"] = "http://proxy:3128", ["NOPE"] = "1" });
        var steps = plan.Evaluate(plan.Target, NoEnv);
        Assert.Equal("http://proxy:3128", steps[0].Args["HTTP_PROXY"]);
        Assert.Equal("http://proxy:3128", steps[1].Env["P"]);
        Assert.Equal(["NOPE"], plan.UnconsumedBuildArgs());
    }

    [Fact]
    public void Run_cmd_entrypoint_and_onbuild_are_not_expanded()
    {
        var steps = Steps("FROM a\nENV X=1\nRUN echo $X\nCMD echo $X\nENTRYPOINT [\"$X\"]\nONBUILD WORKDIR $X");
        Assert.Equal(["echo $X"], ((RunInstruction)steps[1].Expanded).Command.Args);
        Assert.Equal(["echo $X"], ((CmdInstruction)steps[2].Expanded).Command.Args);
        Assert.Equal(["$X"], ((EntrypointInstruction)steps[3].Expanded).Command.Args);
        Assert.Equal("$X", ((WorkdirInstruction)((OnbuildInstruction)steps[4].Expanded).Trigger).Path);
    }

    [Fact]
    public void Expanded_instructions()
    {
        var steps = Steps("FROM a\nENV D=/data P=8080 U=app N=\"my app\"\nCOPY --chown=$U:$U src/$U* $D/\nADD --chmod=644 ${U}.tgz $D\nEXPOSE $P/tcp\nVOLUME $D \"$D/x\"\nUSER $U\nSTOPSIGNAL SIG${U:+TERM}\nLABEL name=$N \"k $U\"=v\nCOPY <<EOF $D/f\nx\nEOF");
        var copy = (CopyInstruction)steps[1].Expanded;
        Assert.Equal(("app:app", "src/app*", "/data/"), (copy.Chown, copy.Sources[0], copy.Destination));
        var add = (AddInstruction)steps[2].Expanded;
        Assert.Equal(("app.tgz", "/data"), (add.Sources[0], add.Destination));
        Assert.Equal(["8080/tcp"], ((ExposeInstruction)steps[3].Expanded).Ports);
        Assert.Equal(["/data", "/data/x"], ((VolumeInstruction)steps[4].Expanded).Paths);
        Assert.Equal("app", ((UserInstruction)steps[5].Expanded).User);
        Assert.Equal("SIGTERM", ((StopSignalInstruction)steps[6].Expanded).Signal);
        Assert.Equal([new KeyValue("name", "my app"), new KeyValue("k app", "v")], ((LabelInstruction)steps[7].Expanded).Labels);
        Assert.Equal(["<<EOF"], ((CopyInstruction)steps[8].Expanded).Sources);
    }

    [Fact]
    public void Arg_defaults_see_earlier_args_on_the_same_line()
    {
        var steps = Steps("FROM a\nARG A=1 B=${A}2\nRUN x");
        Assert.Equal("12", steps[1].Args["B"]);
    }

    [Fact]
    public void Arg_required_check_sees_an_earlier_arg_on_the_same_line()
    {
        var steps = Steps("FROM a\nARG A=1 B=${A:?required}\nRUN x");
        Assert.Equal("1", steps[1].Args["B"]);
    }

    [Fact]
    public void Plan_does_not_fail_on_variables_only_the_base_image_defines()
    {
        var plan = Plan("FROM golang AS unused\nRUN x\nFROM golang\nWORKDIR ${GOPATH:?GOPATH must be set}");
        Assert.Throws<EngineException>(() => plan.Evaluate(plan.Target, NoEnv));
        var steps = plan.Evaluate(plan.Target, new Dictionary<string, string> { ["GOPATH"] = "/go" });
        Assert.Equal("/go", ((WorkdirInstruction)steps[0].Expanded).Path);
    }

    [Fact]
    public void Required_variable_error_names_the_line()
    {
        var e = Assert.Throws<EngineException>(() => Steps("FROM a\n\nWORKDIR ${DIR:?set DIR}"));
        Assert.Equal("dockerfile parse error on line 3: DIR: set DIR", e.Message);
    }

    [Fact]
    public void Target_selects_only_reachable_stages_in_dependency_order()
    {
        const string df = """
            FROM busybox AS base
            RUN true
            FROM base AS build
            COPY --from=deps /x /x
            FROM alpine AS deps
            FROM alpine AS unused
            FROM build AS final
            COPY --from=0 /a /a
            COPY --from=nginx:latest /etc/nginx /n
            """;
        var plan = Plan(df.Replace("FROM base AS build\nCOPY --from=deps", "FROM base AS build\nCOPY --from=base"), target: "final");
        Assert.Equal(["base", "build", "final"], plan.Needed.Select(s => s.Name));
        Assert.Equal(StageReference.ForStage(1), plan.Bases[4]);
        Assert.Equal(StageReference.ForImage("busybox"), plan.Bases[0]);
        Assert.Equal(StageReference.ForImage("nginx:latest"), plan.ResolveFrom("nginx:latest", 4, 9));
        Assert.Equal(["deps"], Plan(df, target: "DEPS").Needed.Select(s => s.Name));
    }

    [Fact]
    public void Later_stage_name_in_copy_from_is_an_image_reference()
    {
        var plan = Plan("FROM a AS one\nCOPY --from=two /x /x\nFROM b AS two", target: "one");
        Assert.Equal(["one"], plan.Needed.Select(s => s.Name));
    }

    [Fact]
    public void Default_target_is_the_last_stage_and_its_dependencies()
    {
        var plan = Plan("FROM a AS x\nFROM b AS y\nFROM c\nCOPY --from=x / /");
        Assert.Equal([0, 2], plan.Needed.Select(s => s.Index));
        Assert.Equal(0, plan.Bases.Count(b => b.IsStage));
    }

    [Fact]
    public void Copy_from_expands_args()
    {
        var plan = Plan("FROM a AS src\nFROM b\nARG FROM=src\nCOPY --from=$FROM / /");
        Assert.Equal([0, 1], plan.Needed.Select(s => s.Index));
    }

    [Fact]
    public void Bad_copy_from_in_an_unneeded_stage_does_not_fail_the_target()
    {
        var plan = Plan("FROM a AS good\nFROM b AS bad\nCOPY --from=7 / /", target: "good");
        Assert.Equal(["good"], plan.Needed.Select(s => s.Name));
        Assert.Throws<EngineException>(() => Plan("FROM a AS good\nFROM b AS bad\nCOPY --from=7 / /"));
    }

    [Fact]
    public void Run_mount_from_is_a_dependency()
    {
        var plan = Plan("FROM a AS tools\nFROM b\nRUN --mount=type=bind,from=tools,target=/t /t/run");
        Assert.Equal([0, 1], plan.Needed.Select(s => s.Index));
    }

    [Theory]
    [InlineData("FROM a\nFROM b\nCOPY --from=1 / /", "dockerfile parse error on line 3: invalid from flag value 1: refers to current or future build stage")]
    [InlineData("FROM a AS x\nCOPY --from=x / /", "dockerfile parse error on line 2: invalid from flag value x: refers to the current build stage")]
    [InlineData("FROM a AS x\nFROM b AS X", "dockerfile parse error on line 2: duplicate stage name \"x\"")]
    [InlineData("RUN x\nFROM a", "dockerfile parse error on line 1: no build stage in current context")]
    [InlineData("ARG A", "no build stage in current context")]
    [InlineData("ARG B\nFROM $B", "dockerfile parse error on line 2: base name ($B) should not be blank")]
    [InlineData("FROM a AS x", "failed to reach build target nope in Dockerfile")]
    public void Plan_errors(string text, string message)
    {
        var e = Assert.Throws<EngineException>(() => Plan(text, target: text == "FROM a AS x" ? "nope" : null));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Automatic_platform_args_are_global()
    {
        var plan = BuildPlan.Create(DockerfileParser.Parse("FROM --platform=$BUILDPLATFORM a\nARG TARGETARCH\nWORKDIR /$TARGETARCH"),
            new BuildPlanOptions { AutomaticArgs = PredefinedArgs.Platform("linux", "amd64", null) });
        var steps = plan.Evaluate(plan.Target, NoEnv);
        Assert.Equal("/amd64", ((WorkdirInstruction)steps[1].Expanded).Path);
    }
}

using WebUI.Engine.Build.Dockerfile;
using WebUI.Engine.Build.Stages;
using WebUI.Engine.Errors;

namespace WebUI.Engine.Tests.Build;

/// <summary>Random and mutated Dockerfiles may be rejected, but only ever with an EngineException.</summary>
public sealed class DockerfileFuzzTests
{
    private const string Seed = """
        # syntax=docker/dockerfile:1
        # escape=\
        ARG BASE=busybox TAG=1.36
        FROM --platform=$BUILDPLATFORM ${BASE}:${TAG:-latest} AS build
        ENV A=1 B="two words" C=${A:+set}
        ENV LEGACY value with spaces
        LABEL org.example="x y" other=$A
        RUN --mount=type=cache,target=/c --network=none echo "$A" \
            && echo 'b' \
        # comment inside
            && true
        RUN <<EOF
        echo heredoc
        EOF
        RUN ["sh", "-c", "echo exec"]
        COPY --chown=1:1 --chmod=644 ["a b", "c", "/dest/"]
            ADD --checksum=sha256:00 https://example.com/x.tgz /x
        WORKDIR /app/${A}
        USER ${U:-nobody}
        EXPOSE 80/tcp ${P:-443}
        VOLUME ["/data"]
        HEALTHCHECK --interval=5s --retries=3 CMD wget -q localhost || exit 1
        SHELL ["/bin/sh", "-c"]
        STOPSIGNAL SIGTERM
        ONBUILD COPY . /src
        MAINTAINER someone
        FROM build
        COPY --from=0 src/*.go /go/
        CMD ["/app"]
        ENTRYPOINT exec /entry
        """;

    private static readonly string[] Fragments =
    [
        "\\", "`", "\n", "\r\n", " ", "\t", "\"", "'", "$", "${", "}", ":-", ":?", "+", "[", "]", ",", "=", "--", "--from=",
        "<<", "<<-", "EOF", "#", "# escape=`\n", "FROM", "RUN", "COPY", "ADD", "ONBUILD", "HEALTHCHECK", "AS", "NONE", "CMD",
        "ARG", "ENV", "\u00e9", "\0", "{\"a\":1}", "[1]", "[\"x\"]", "--mount=type=", "--interval=", "0", "-1", "ms",
    ];

    [Fact]
    public void Seed_is_a_valid_two_stage_dockerfile()
    {
        var plan = BuildPlan.Create(DockerfileParser.Parse(Seed), new BuildPlanOptions());
        Assert.Equal(2, plan.Needed.Count);
        Assert.Equal(23, DockerfileParser.Parse(Seed).Instructions.Count);
    }

    [Fact]
    public void Mutated_dockerfiles_only_throw_engine_exceptions()
    {
        var random = new Random(20261128);
        for (var n = 0; n < 3000; n++)
        {
            var text = Mutate(Seed, random);
            Exercise(text);
        }
    }

    [Fact]
    public void Random_fragment_soup_only_throws_engine_exceptions()
    {
        var random = new Random(4);
        for (var n = 0; n < 3000; n++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Fragments[random.Next(Fragments.Length)]);
            Exercise("FROM a\n" + string.Join(random.Next(2) == 0 ? " " : "", parts));
        }
    }

    private static void Exercise(string text)
    {
        try
        {
            var df = DockerfileParser.Parse(text);
            var plan = BuildPlan.Create(df, new BuildPlanOptions { BuildArgs = new Dictionary<string, string?> { ["A"] = "x" } });
            foreach (var stage in plan.Needed) plan.Evaluate(stage, new Dictionary<string, string>());
        }
        catch (EngineException)
        {
        }
        catch (Exception e)
        {
            Assert.Fail($"{e.GetType().Name}: {e.Message}\n--- input ---\n{text}");
        }
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToList();
        var edits = random.Next(1, 8);
        for (var i = 0; i < edits && chars.Count > 0; i++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0: chars.RemoveRange(at, Math.Min(random.Next(1, 20), chars.Count - at)); break;
                case 1: chars.InsertRange(at, Fragments[random.Next(Fragments.Length)]); break;
                case 2: chars[at] = (char)random.Next(0, 128); break;
                default:
                    var from = random.Next(chars.Count);
                    chars.InsertRange(at, chars.Skip(from).Take(random.Next(1, 30)).ToList());
                    break;
            }
        }
        return new string(chars.ToArray());
    }
}

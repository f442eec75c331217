using System.Formats.Tar;
using System.Text;
using Bunit.TestDoubles;
using WebUI.Components.Pages.Images;

namespace WebUI.Tests.Pages;

public sealed class BuildPageTests : DashboardTestContext
{
    [Fact]
    public void A_pasted_dockerfile_is_built_with_its_tags_args_and_the_log_streams_in_while_it_runs()
    {
        var page = Render<BuildPage>();
        page.Find("input[data-testid=build-tags]").Change("myapp:1.0 myapp:latest");
        page.Find("textarea[data-testid=build-dockerfile]").Change("FROM busybox\nRUN echo hi");
        page.Find("textarea[data-testid=build-args]").Change("VERSION=2");
        page.Find("input[data-testid=build-nocache]").Change(true);
        page.Find("button[data-testid=build-start]").Click();

        page.WaitForAssertion(() => Assert.Contains("Step 2/2 : RUN echo hi", page.Find("[data-testid=build-log]").TextContent));
        page.Find("[data-testid=build-cancel]");
        Builder.Pending.Writer.TryWrite(" ---> Running in 0123abcd");
        page.WaitForAssertion(() => Assert.Contains("Running in 0123abcd", page.Find("[data-testid=build-log]").TextContent), TimeSpan.FromSeconds(5));
        Builder.Pending.Writer.Complete();

        page.WaitForAssertion(() => Assert.Contains("Built image", page.Find("[data-testid=build-result]").TextContent));
        var (dockerfile, options) = Assert.Single(Builder.Builds);
        Assert.Equal("FROM busybox\nRUN echo hi", dockerfile);
        Assert.Equal(["myapp:1.0", "myapp:latest"], options.Tags);
        Assert.Equal("2", options.BuildArgs["VERSION"]);
        Assert.True(options.NoCache);
        Assert.Contains("Successfully built", page.Find("[data-testid=build-log]").TextContent);
        Assert.Contains(Audit.Records, r => r.Action == WebUI.Audit.AuditActions.ImageBuild && r.Resource == "myapp:1.0 myapp:latest");
    }

    [Fact]
    public void Cancel_stops_the_build_and_says_so()
    {
        var page = Render<BuildPage>();
        page.Find("textarea[data-testid=build-dockerfile]").Change("FROM busybox");
        page.Find("button[data-testid=build-start]").Click();
        page.WaitForElement("button[data-testid=build-cancel]").Click();

        page.WaitForAssertion(() => Assert.Contains("cancelled", page.Find("[data-testid=error]").TextContent));
        Assert.True(Builder.Cancelled);
        Assert.Empty(page.FindAll("[data-testid=build-result]"));
    }

    [Fact]
    public void An_empty_form_is_refused_in_plain_words_and_nothing_is_built()
    {
        var page = Render<BuildPage>();
        page.Find("button[data-testid=build-start]").Click();
        page.WaitForAssertion(() => Assert.Contains("paste a Dockerfile or upload a build context", page.Find("[data-testid=error]").TextContent));
        Assert.Empty(Builder.Builds);
    }

    [Fact]
    public void An_uploaded_context_is_built_with_the_dockerfile_path_given()
    {
        var page = Render<BuildPage>();
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "build/App.Dockerfile") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("FROM busybox\nCOPY . /app")) });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "hello.txt") { DataStream = new MemoryStream("hi"u8.ToArray()) });
        }
        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(tar.ToArray(), "ctx.tar"));
        page.WaitForElement("[data-testid=build-context-name]");
        Assert.Empty(page.FindAll("[data-testid=build-dockerfile]"));
        page.Find("input[data-testid=build-dockerfile-path]").Change("build/App.Dockerfile");
        page.Find("button[data-testid=build-start]").Click();
        Builder.Pending.Writer.Complete();

        page.WaitForAssertion(() => page.Find("[data-testid=build-result]"));
        var (dockerfile, options) = Assert.Single(Builder.Builds);
        Assert.Equal("build/App.Dockerfile", options.Dockerfile);
        Assert.Contains("COPY . /app", dockerfile);
    }

    [Fact]
    public void An_engine_refusal_is_shown_in_its_own_words()
    {
        var page = Render<BuildPage>();
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, leaveOpen: true))
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "other.txt") { DataStream = new MemoryStream("x"u8.ToArray()) });
        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromBinary(tar.ToArray(), "ctx.tar"));
        page.WaitForElement("[data-testid=build-context-name]");
        page.Find("button[data-testid=build-start]").Click();
        page.WaitForAssertion(() => Assert.Contains("Cannot locate specified Dockerfile: Dockerfile", page.Find("[data-testid=error]").TextContent));
        Assert.DoesNotContain("   at ", page.Markup);
    }
}

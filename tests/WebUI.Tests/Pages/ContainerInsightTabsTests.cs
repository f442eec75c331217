using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebUI.Components.Pages.Containers;
using WebUI.Engine.Containers;
using WebUI.Engine.Stats;

namespace WebUI.Tests.Pages;

public sealed class ContainerInsightTabsTests : DashboardTestContext
{
    private static ContainerStats Sample(DateTimeOffset at, ulong cpu, ulong system, ulong preCpu, ulong preSystem, ulong memory, ulong rx) => new()
    {
        Read = at,
        CpuStats = new CpuStats { CpuUsage = new CpuUsage { TotalUsage = cpu }, SystemCpuUsage = system, OnlineCpus = 2 },
        PreCpuStats = new CpuStats { CpuUsage = new CpuUsage { TotalUsage = preCpu }, SystemCpuUsage = preSystem, OnlineCpus = 2 },
        MemoryStats = new MemoryStats { Usage = memory, Limit = 1 << 30, Stats = new() { ["total_inactive_file"] = 1024 * 1024 } },
        Networks = new() { ["eth0"] = new NetworkStats { RxBytes = rx } },
    };

    [Fact]
    public void Stats_show_each_pushed_sample_as_the_docker_cli_computes_it()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        var tab = Render<ContainerStatsTab>(p => p.Add(x => x.ContainerId, c.Id).Add(x => x.Running, true));
        var t0 = DateTimeOffset.UtcNow;

        Containers.Stats.Writer.TryWrite(Sample(t0, 1_000, 10_000, 0, 0, 11 * 1024 * 1024, 0));
        // 1000 of 10000 host ticks on 2 CPUs: 20%; then 250 of 1000: 50%; memory without the inactive cache: 10 MiB.
        tab.WaitForAssertion(() => Assert.Equal("20.0%", tab.Find("[data-testid=stats-cpu]").TextContent));
        Containers.Stats.Writer.TryWrite(Sample(t0.AddSeconds(2), 1_250, 11_000, 1_000, 10_000, 11 * 1024 * 1024, 4096));
        tab.WaitForAssertion(() => Assert.Equal("50.0%", tab.Find("[data-testid=stats-cpu]").TextContent));
        Assert.Contains("10.5MB", tab.Find("[data-testid=stats-memory]").TextContent);
        Assert.Contains("↓ 2.05kB/s", tab.Find("[data-testid=stats-network]").TextContent);
    }

    [Fact]
    public void Stats_of_a_stopped_container_say_so()
    {
        var c = Containers.Add("web", ContainerStatus.Exited);
        var tab = Render<ContainerStatsTab>(p => p.Add(x => x.ContainerId, c.Id).Add(x => x.Running, false));
        Assert.NotNull(tab.Find("[data-testid=stats-stopped]"));
    }

    [Fact]
    public void Processes_list_what_top_returns_and_refresh_reads_again()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        var tab = Render<ContainerProcesses>(p => p.Add(x => x.ContainerId, c.Id).Add(x => x.Running, true));

        Assert.Equal("UIDPIDCMD", tab.Find("[data-testid=top] thead").TextContent.Replace(" ", "").Trim());
        Assert.Contains("4242", tab.Find("[data-testid=top-process]").TextContent);
    }

    [Fact]
    public void Files_browse_into_folders_and_show_a_text_file()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        Containers.Files["/etc/motd"] = Encoding.UTF8.GetBytes("welcome\n");
        Containers.Files["/etc/ssl/cert.pem"] = [1, 2, 3];
        var tab = Render<ContainerFiles>(p => p.Add(x => x.ContainerId, c.Id));

        tab.Find("[data-testid=file][data-name=etc] [data-testid=file-open]").Click();
        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=file][data-name=motd]")));
        Assert.NotNull(tab.Find("[data-testid=file][data-name=ssl] [data-testid=file-open]"));
        tab.Find("[data-testid=file][data-name=motd] [data-testid=file-view]").Click();
        tab.WaitForAssertion(() => Assert.Equal("welcome\n", tab.Find("[data-testid=file-text]").TextContent));
    }

    [Fact]
    public void Download_streams_a_tar_to_the_browser_and_is_audited()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        Containers.Files["/etc/motd"] = Encoding.UTF8.GetBytes("welcome\n");
        var tab = Render<ContainerFiles>(p => p.Add(x => x.ContainerId, c.Id));

        tab.Find("[data-testid=file][data-name=etc] [data-testid=file-download]").Click();

        tab.WaitForAssertion(() => Assert.Equal("etc.tar", JSInterop.Invocations["webui.downloadStream"].Single().Arguments[0]));
        Assert.Contains("get-archive /etc", Containers.Calls);
        Assert.Contains(Audit.Records, r => r.Action == WebUI.Audit.AuditActions.ContainerFileDownload && r.Resource == $"{c.Id}:/etc");
    }

    [Fact]
    public void A_viewer_may_list_but_neither_read_download_nor_upload()
    {
        Services.AddSingleton<WebUI.Identity.IUserAccess>(new WebUI.Tests.Identity.SignedInUserAccess("viewer", WebUI.Identity.Policies.Viewer));
        var c = Containers.Add("web", ContainerStatus.Running);
        Containers.Files["/motd"] = Encoding.UTF8.GetBytes("welcome\n");
        var tab = Render<ContainerFiles>(p => p.Add(x => x.ContainerId, c.Id));

        Assert.NotNull(tab.Find("[data-testid=file][data-name=motd]"));
        Assert.Empty(tab.FindAll("[data-testid=file-view]"));
        Assert.Empty(tab.FindAll("[data-testid=file-download]"));
        Assert.Empty(tab.FindAll("[data-testid=files-upload]"));
        Assert.Empty(tab.FindAll("[data-testid=files-download-folder]"));
    }

    [Fact]
    public async Task The_view_refuses_a_viewers_download_and_a_file_name_with_a_slash()
    {
        var c = Containers.Add("web", ContainerStatus.Running);
        Containers.Files["/motd"] = Encoding.UTF8.GetBytes("welcome\n");
        var operatorView = Services.GetRequiredService<WebUI.Services.ContainerInsightsView>();
        var bad = await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() =>
            operatorView.UploadAsync(c.Id, "/tmp", "../etc/passwd", new MemoryStream([1]), CancellationToken.None));
        Assert.Contains("invalid file name", bad.Message);
        Assert.DoesNotContain(Containers.Calls, call => call.StartsWith("put-archive", StringComparison.Ordinal));

        var viewerAccess = new WebUI.Tests.Identity.SignedInUserAccess("viewer", WebUI.Identity.Policies.Viewer);
        var viewerView = new WebUI.Services.ContainerInsightsView(Containers, new Engine.InMemoryContainerFiles(Containers), new WebUI.Identity.ChangeGuard(viewerAccess, Audit));
        var denied = await Assert.ThrowsAsync<WebUI.Engine.Errors.EngineException>(() => viewerView.DownloadAsync(c.Id, "/motd", new MemoryStream(), CancellationToken.None));
        Assert.Equal(WebUI.Engine.Errors.ErrorKind.Forbidden, denied.Kind);
        Assert.DoesNotContain("get-archive /motd", Containers.Calls);
    }
}

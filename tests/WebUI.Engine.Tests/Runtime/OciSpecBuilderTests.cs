using System.Text.Json.Nodes;
using WebUI.Engine.Containers;
using WebUI.Engine.Images;
using WebUI.Engine.Runtime;

namespace WebUI.Engine.Tests.Runtime;

public sealed class OciSpecBuilderTests
{
    private static ContainerRecord Record(ContainerCreateRequest request, ImageConfig image)
    {
        var config = ContainerConfigMerger.Merge(request, image);
        var (path, args) = ContainerConfigMerger.Process(config);
        return new ContainerRecord
        {
            Id = new string('a', 64), Name = "/t", Image = "sha256:x", Path = path, Args = args, Config = config,
            HostConfig = request.HostConfig ?? new HostConfig { NetworkMode = "none" },
        };
    }

    private static JsonObject Build(ContainerRecord r) =>
        OciSpecBuilder.Build(r, new ResolvedUser(0, 0, [], "/root"), new OciSpecBuilder.EtcFiles(null, null, null), "/webui/x");

    [Fact]
    public void ImageEntrypointAndCmd_AreUsed_AndCreateCmdReplacesOnlyCmd()
    {
        var image = new ImageConfig { Entrypoint = ["/bin/tini", "--"], Cmd = ["sh"] };
        var spec = Build(Record(new ContainerCreateRequest { Image = "x", Cmd = ["echo", "hi"] }, image));
        Assert.Equal(["/bin/tini", "--", "echo", "hi"], spec["process"]!["args"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void CreateEntrypoint_DropsImageCmd_WhenNoCmdGiven()
    {
        var image = new ImageConfig { Entrypoint = ["/a"], Cmd = ["b"] };
        var r = Record(new ContainerCreateRequest { Image = "x", Entrypoint = ["/c"] }, image);
        Assert.Equal(("/c", 0), (r.Path, r.Args.Count));
    }

    [Fact]
    public void NoCommandAtAll_IsAnError() =>
        Assert.Throws<WebUI.Engine.Errors.EngineException>(() => Record(new ContainerCreateRequest { Image = "x" }, new ImageConfig()));

    [Fact]
    public void Env_IsImageThenCreate_WithDefaultPathHostnameAndHome()
    {
        var image = new ImageConfig { Env = ["A=1", "B=2"], Cmd = ["sh"] };
        var r = Record(new ContainerCreateRequest { Image = "x", Env = ["B=3", "C=4"], Hostname = "box" }, image);
        var env = Build(r)["process"]!["env"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal("PATH=" + OciSpecBuilder.DefaultPath, env[0]);
        Assert.Contains("A=1", env);
        Assert.Contains("B=3", env);
        Assert.DoesNotContain("B=2", env);
        Assert.Contains("C=4", env);
        Assert.Contains("HOSTNAME=box", env);
        Assert.Contains("HOME=/root", env);
    }

    [Fact]
    public void WorkdirAndUser_ComeFromImage_UnlessGiven()
    {
        var image = new ImageConfig { WorkingDir = "/srv", User = "app", Cmd = ["sh"] };
        var r = Record(new ContainerCreateRequest { Image = "x" }, image);
        Assert.Equal(("/srv", "app"), (r.Config.WorkingDir, r.Config.User));
        Assert.Equal("/srv", Build(r)["process"]!["cwd"]!.GetValue<string>());
        var r2 = Record(new ContainerCreateRequest { Image = "x", WorkingDir = "/tmp", User = "0" }, image);
        Assert.Equal(("/tmp", "0"), (r2.Config.WorkingDir, r2.Config.User));
    }

    [Fact]
    public void Defaults_HaveDockersCapabilitiesMountsAndNamespaces()
    {
        var spec = Build(Record(new ContainerCreateRequest { Image = "x", Cmd = ["true"] }, new ImageConfig()));
        var caps = spec["process"]!["capabilities"]!["bounding"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(14, caps.Count);
        Assert.Contains("CAP_NET_RAW", caps);
        Assert.DoesNotContain("CAP_SYS_ADMIN", caps);
        var mounts = spec["mounts"]!.AsArray().Select(m => m!["destination"]!.GetValue<string>()).ToList();
        Assert.Equal(["/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm"], mounts);
        var ns = spec["linux"]!["namespaces"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("network", ns);
        Assert.Contains("/proc/kcore", spec["linux"]!["maskedPaths"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void HostNetwork_SharesTheHostsNamespace()
    {
        var r = Record(new ContainerCreateRequest { Image = "x", Cmd = ["true"], HostConfig = new HostConfig { NetworkMode = "host" } }, new ImageConfig());
        var ns = Build(r)["linux"]!["namespaces"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("network", ns);
    }

    [Fact]
    public void Rlimits_NeverExceedTheHostsHardLimits()
    {
        var spec = Build(Record(new ContainerCreateRequest { Image = "x", Cmd = ["true"] }, new ImageConfig()));
        var nofile = spec["process"]!["rlimits"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "RLIMIT_NOFILE")!;
        var hard = HostLimits.HardLimit("Max open files");
        if (hard is not null) Assert.True(nofile["hard"]!.GetValue<ulong>() <= hard);
    }

    [Fact]
    public void CapAddAndDrop_AreApplied()
    {
        var caps = WebUI.Engine.Security.Capability.Resolve(false, ["SYS_ADMIN"], ["NET_RAW"]);
        Assert.Contains("CAP_SYS_ADMIN", caps);
        Assert.DoesNotContain("CAP_NET_RAW", caps);
    }
}

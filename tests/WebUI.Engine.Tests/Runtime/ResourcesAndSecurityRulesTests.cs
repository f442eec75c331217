using WebUI.Engine.Containers;
using WebUI.Engine.Errors;
using WebUI.Engine.Runtime;
using WebUI.Engine.Security;

namespace WebUI.Engine.Tests.Runtime;

public sealed class ResourcesAndSecurityRulesTests
{
    [Fact]
    public void NanoCpus_become_quota_over_the_default_period()
    {
        var r = ResourcesBuilder.Build(new HostConfig { NanoCpus = 1_500_000_000, Memory = 64 << 20, MemorySwap = 128 << 20, PidsLimit = 20 }, null);
        Assert.Equal(100_000, r["cpu"]!["period"]!.GetValue<long>());
        Assert.Equal(150_000, r["cpu"]!["quota"]!.GetValue<long>());
        Assert.Equal(64L << 20, r["memory"]!["limit"]!.GetValue<long>());
        Assert.Equal(128L << 20, r["memory"]!["swap"]!.GetValue<long>());
        Assert.Equal(20, r["pids"]!["limit"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(1024, 0, 0, "Minimum memory limit allowed is 6MB")]
    [InlineData(0, 64 << 20, 0, "You should always set the Memory limit when using Memoryswap limit")]
    [InlineData(64 << 20, 32 << 20, 0, "Minimum memoryswap limit should be larger than memory limit")]
    [InlineData(32 << 20, 0, 64 << 20, "Minimum memory limit can not be less than memory reservation limit")]
    public void Docker_memory_rules(long memory, long swap, long reservation, string message)
    {
        var e = Assert.Throws<EngineException>(() => ResourcesBuilder.Validate(new HostConfig { Memory = memory, MemorySwap = swap, MemoryReservation = reservation }));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void NanoCpus_and_quota_conflict_and_cpuset_lists_parse()
    {
        Assert.Contains("Conflicting options", Assert.Throws<EngineException>(() => ResourcesBuilder.Validate(new HostConfig { NanoCpus = 1_000_000_000, CpuQuota = 50_000 })).Message);
        Assert.Equal([0, 1, 2, 5], ResourcesBuilder.ParseList("0-2,5")!.Order());
        Assert.Null(ResourcesBuilder.ParseList("2-1"));
        Assert.Null(ResourcesBuilder.ParseList("a"));
    }

    [Fact]
    public void Ulimits_are_capped_to_the_host_hard_limit()
    {
        var limits = Rlimits.Build([new Ulimit { Name = "nofile", Soft = 100, Hard = long.MaxValue }]);
        var nofile = limits.Single(l => l!["type"]!.GetValue<string>() == "RLIMIT_NOFILE")!;
        Assert.Equal(100UL, nofile["soft"]!.GetValue<ulong>());
        if (HostLimits.HardLimit("Max open files") is { } hard) Assert.Equal(hard, nofile["hard"]!.GetValue<ulong>());
        Assert.Throws<EngineException>(() => Rlimits.Validate([new Ulimit { Name = "nofile", Soft = 10, Hard = 5 }]));
    }

    [Theory]
    [InlineData("net.ipv4.ip_forward", false, false, null)]
    [InlineData("kernel.shmmax", false, false, null)]
    [InlineData("fs.mqueue.msg_max", false, false, null)]
    [InlineData("kernel.panic", false, false, "is not allowed")]
    [InlineData("vm.swappiness", false, false, "is not allowed")]
    [InlineData("net.core.somaxconn", true, false, "not allowed in host network namespace")]
    [InlineData("kernel.msgmax", false, true, "not allowed in host IPC namespace")]
    public void Only_namespaced_sysctls(string name, bool hostNet, bool hostIpc, string? error)
    {
        var sysctls = new Dictionary<string, string> { [name] = "1" };
        if (error is null) SysctlRules.Validate(sysctls, hostNet, hostIpc);
        else Assert.Contains(error, Assert.Throws<EngineException>(() => SysctlRules.Validate(sysctls, hostNet, hostIpc)).Message);
    }

    [Theory]
    [InlineData("/proc/self/fd/7", true)]
    [InlineData("/proc/1/fd/3", true)]
    [InlineData("/proc/thread-self/fd", true)]
    [InlineData("/x/../proc/self/fd/5", true)]
    [InlineData("/proc/self/cwd", true)]
    [InlineData("/proc", false)]
    [InlineData("/app", false)]
    public void Working_dirs_into_proc_fd_are_refused(string dir, bool refused)
    {
        if (refused) Assert.Contains("CVE-2024-21626", Assert.Throws<EngineException>(() => WorkingDirRule.Validate(dir)).Message);
        else WorkingDirRule.Validate(dir);
    }

    [Fact]
    public void Security_options_parse_like_docker()
    {
        Assert.True(SecurityOptions.Parse(["no-new-privileges"]).NoNewPrivileges);
        Assert.True(SecurityOptions.Parse(["no-new-privileges:true"]).NoNewPrivileges);
        Assert.False(SecurityOptions.Parse(["no-new-privileges=false"]).NoNewPrivileges);
        Assert.Equal("unconfined", SecurityOptions.Parse(["seccomp=unconfined"]).Seccomp);
        Assert.Equal("{\"defaultAction\":\"SCMP_ACT_ALLOW\"}", SecurityOptions.Parse(["seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\"}"]).Seccomp);
        Assert.Throws<EngineException>(() => SecurityOptions.Parse(["bogus=1"]));
        Assert.Throws<EngineException>(() => SecurityOptions.Parse(["apparmor=my-profile"]));
    }

    [Fact]
    public void Binds_parse_sources_modes_and_propagation()
    {
        var b = BindSpec.Parse("/host:/ctr:ro,rshared");
        Assert.Equal(("/host", "/ctr", true, "rshared", true), (b.Source, b.Target, b.ReadOnly, b.Propagation, b.IsBind));
        var v = BindSpec.Parse("data:/d:nocopy");
        Assert.Equal((false, true), (v.IsBind, v.NoCopy));
        Assert.Throws<EngineException>(() => BindSpec.Parse("/h:relative"));
        Assert.Throws<EngineException>(() => BindSpec.Parse("/h:/"));
        Assert.Throws<EngineException>(() => BindSpec.Parse("/h:/c:ro,rw"));
        Assert.Throws<EngineException>(() => BindSpec.Parse("vol:/c:rshared"));
    }

    [Fact]
    public void Mounts_validation_refuses_duplicates_and_unknown_types()
    {
        Assert.Contains("Duplicate mount point", Assert.Throws<EngineException>(() => MountPlanner.Validate(new HostConfig
        {
            Binds = ["/tmp:/d"], Mounts = [new MountRequest { Type = "tmpfs", Target = "/d" }],
        })).Message);
        Assert.Contains("mount type unknown", Assert.Throws<EngineException>(() => MountPlanner.Validate(new HostConfig
        {
            Mounts = [new MountRequest { Type = "npipe", Target = "/d" }],
        })).Message);
        Assert.Contains("bind source path does not exist", Assert.Throws<EngineException>(() => MountPlanner.Validate(new HostConfig
        {
            Mounts = [new MountRequest { Type = "bind", Source = "/nonexistent-" + Guid.NewGuid(), Target = "/d" }],
        })).Message);
    }

    [Fact]
    public void Device_allow_list_denies_first_then_allows_the_standard_devices()
    {
        var rules = DeviceRules.CgroupRules(new HostConfig(), []);
        Assert.False(rules[0]!["allow"]!.GetValue<bool>());
        Assert.Contains(rules, r => r!["allow"]!.GetValue<bool>() && r["type"]?.GetValue<string>() == "c" && r["major"]?.GetValue<long>() == 1 && r["minor"]?.GetValue<long>() == 3);
        var privileged = DeviceRules.CgroupRules(new HostConfig { Privileged = true }, []);
        Assert.True(privileged.Single()!["allow"]!.GetValue<bool>());
        var nodes = DeviceRules.Nodes(new HostConfig { Devices = [new DeviceMapping { PathOnHost = "/dev/null", PathInContainer = "/dev/n2", CgroupPermissions = "rw" }] });
        Assert.Equal(("/dev/n2", "c", 1u, 3u, "rw"), (nodes[0].Path, nodes[0].Type, nodes[0].Major, nodes[0].Minor, nodes[0].Access));
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebUI.Engine.Cgroups;

namespace WebUI.Engine.Tests.Cgroups;

public sealed class CgroupDynModsTests
{
    private const string Hybrid = """
        25 30 0:23 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
        31 25 0:26 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        33 31 0:28 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        41 31 0:38 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
        """;

    [Fact]
    public void The_cgroup2_mount_is_found_among_v1_ones_with_its_mount_and_superblock_options()
    {
        var m = CgroupMount.FindCgroup2(Hybrid.Split('\n'))!;
        Assert.Equal("/sys/fs/cgroup/unified", m.MountPoint);
        Assert.Equal(["rw", "nosuid", "nodev", "noexec", "relatime"], m.MountOptions);
        Assert.Equal(["rw", "nsdelegate", "memory_recursiveprot"], m.SuperOptions);
        Assert.False(m.FavorsDynMods);
        Assert.Null(CgroupMount.FindCgroup2(Hybrid.Split('\n').Where(l => !l.Contains("cgroup2"))));
    }

    [Fact]
    public void The_remount_keeps_every_other_option_and_adds_favordynmods_once()
    {
        var m = CgroupMount.FindCgroup2(Hybrid.Split('\n'))!;
        Assert.Equal("nsdelegate,memory_recursiveprot,favordynmods", m.RemountDataWithFavorDynMods());
        Assert.Equal(2UL | 4UL | 8UL | (1UL << 21), m.RemountFlags());
        var already = m with { SuperOptions = ["rw", "favordynmods", "nsdelegate"] };
        Assert.True(already.FavorsDynMods);
        Assert.Equal("nsdelegate,favordynmods", already.RemountDataWithFavorDynMods());
        Assert.Equal(1UL, (m with { MountOptions = ["ro"] }).RemountFlags());
    }

    [Fact]
    public async Task At_engine_start_the_hosts_cgroup2_mount_gets_favordynmods_and_keeps_its_other_options()
    {
        // Real host: the option is global (one superblock) and stays until the next boot, so on a host where another
        // server already set it this shows the start keeps it and the other options intact.
        var before = CgroupMount.FindCgroup2(File.ReadLines("/proc/self/mountinfo"));
        Assert.NotNull(before);
        var init = new CgroupDynModsInitializer(Options.Create(new EngineOptions()), NullLogger<CgroupDynModsInitializer>.Instance);
        await init.InitializeAsync(CancellationToken.None);
        await init.InitializeAsync(CancellationToken.None);

        var after = CgroupMount.FindCgroup2(File.ReadLines("/proc/self/mountinfo"))!;
        Assert.True(after.FavorsDynMods, string.Join(',', after.SuperOptions));
        Assert.Single(after.SuperOptions, o => o == CgroupMount.FavorDynMods);
        Assert.Equal(before.SuperOptions.Where(o => o != CgroupMount.FavorDynMods), after.SuperOptions.Where(o => o != CgroupMount.FavorDynMods));
        Assert.Equal(before.MountOptions, after.MountOptions);
    }
}

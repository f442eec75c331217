using System.Text.Json;
using Microsoft.Extensions.Options;
using WebUI.Engine.Errors;
using WebUI.Engine.Security;

namespace WebUI.Engine.Tests.Security;

public sealed class SeccompCompilerTests
{
    private static readonly SeccompProfiles Profiles = new(Options.Create(new EngineOptions()));

    private static HashSet<string> Allowed(LinuxSeccomp s) =>
        s.Syscalls.Where(r => r.Action == "SCMP_ACT_ALLOW" && r.Args is null).SelectMany(r => r.Names).ToHashSet();

    [Fact]
    public void Default_profile_for_default_capabilities_blocks_mount_and_unshare_but_allows_ordinary_calls()
    {
        var s = Profiles.For(null, privileged: false, SecurityDefaults.Capabilities)!;
        Assert.Equal("SCMP_ACT_ERRNO", s.DefaultAction);
        // Docker's archMap for amd64 is x86_64 with x86 and x32; x32 only where the kernel runs it (KernelAbis).
        Assert.Equal(KernelAbis.X32 ? ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"] : ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"], s.Architectures);
        var allowed = Allowed(s);
        Assert.Contains("read", allowed);
        Assert.Contains("chroot", allowed); // CAP_SYS_CHROOT is a default capability
        Assert.DoesNotContain("mount", allowed);
        Assert.DoesNotContain("unshare", allowed);
        Assert.DoesNotContain("reboot", allowed);
        // clone is allowed only without namespace flags (an argument condition) when CAP_SYS_ADMIN is missing.
        Assert.Contains(s.Syscalls, r => r.Names.Contains("clone") && r.Args is { Count: 1 } && r.Args[0].Op == "SCMP_CMP_MASKED_EQ");
    }

    [Fact]
    public void Sub_architectures_the_kernel_cannot_execute_are_left_out_and_the_native_one_and_plain_lists_kept()
    {
        const string json = """
            {"defaultAction":"SCMP_ACT_ERRNO",
             "archMap":[{"architecture":"SCMP_ARCH_X86_64","subArchitectures":["SCMP_ARCH_X86","SCMP_ARCH_X32"]},
                        {"architecture":"SCMP_ARCH_AARCH64","subArchitectures":["SCMP_ARCH_ARM"]}],
             "syscalls":[{"names":["read"],"action":"SCMP_ACT_ALLOW"}]}
            """;
        var profile = JsonSerializer.Deserialize<SeccompProfile>(json)!;
        var everything = SeccompCompiler.Compile(profile, [], "amd64", new Version(6, 1));
        Assert.Equal(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"], everything.Architectures);
        var noX32 = SeccompCompiler.Compile(profile, [], "amd64", new Version(6, 1), a => a != "SCMP_ARCH_X32");
        Assert.Equal(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"], noX32.Architectures);
        // The native architecture stays even if the predicate says no (the engine runs on it), and a plain list is the user's.
        var native = SeccompCompiler.Compile(profile, [], "amd64", new Version(6, 1), _ => false);
        Assert.Equal(["SCMP_ARCH_X86_64"], native.Architectures);
        var plain = JsonSerializer.Deserialize<SeccompProfile>("""{"defaultAction":"SCMP_ACT_ERRNO","architectures":["SCMP_ARCH_X86_64","SCMP_ARCH_X32"],"syscalls":[]}""")!;
        Assert.Equal(["SCMP_ARCH_X86_64", "SCMP_ARCH_X32"], SeccompCompiler.Compile(plain, [], "amd64", new Version(6, 1), _ => false).Architectures);
    }

    [Fact]
    public void The_x32_probe_agrees_with_the_kernel_configuration()
    {
        // A real x32 system call from this test process: ENOSYS unless the kernel was built with the x32 ABI.
        const string config = "/proc/config.gz";
        Assert.True(KernelAbis.Executes("SCMP_ARCH_X86_64"));
        Assert.Equal(KernelAbis.X32, KernelAbis.Executes("SCMP_ARCH_X32"));
        if (System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.False(KernelAbis.X32);
            return;
        }
        // Without the kernel's configuration to compare with, the probe above is what there is.
        if (!File.Exists(config)) return;
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(config), System.IO.Compression.CompressionMode.Decompress);
        var text = new StreamReader(gz).ReadToEnd();
        Assert.Equal(text.Contains("CONFIG_X86_X32_ABI=y", StringComparison.Ordinal), KernelAbis.X32);
    }

    [Fact]
    public void Adding_CAP_SYS_ADMIN_allows_the_calls_that_depend_on_it()
    {
        var caps = SecurityDefaults.Capabilities.Append("CAP_SYS_ADMIN").ToList();
        var allowed = Allowed(Profiles.For(null, privileged: false, caps)!);
        Assert.Contains("mount", allowed);
        Assert.Contains("unshare", allowed);
        Assert.Contains("clone", allowed);
    }

    [Fact]
    public void Unconfined_and_privileged_run_without_a_filter_but_an_explicit_profile_still_applies_to_privileged()
    {
        Assert.Null(Profiles.For("unconfined", privileged: false, SecurityDefaults.Capabilities));
        Assert.Null(Profiles.For(null, privileged: true, SecurityDefaults.Capabilities));
        const string custom = """{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO"}]}""";
        var s = Profiles.For(custom, privileged: true, SecurityDefaults.Capabilities)!;
        Assert.Equal("SCMP_ACT_ALLOW", s.DefaultAction);
        Assert.Equal(["mkdir", "mkdirat"], s.Syscalls.Single().Names);
    }

    [Fact]
    public void A_malformed_profile_is_a_clear_invalid_argument()
    {
        var e = Assert.Throws<EngineException>(() => Profiles.For("{not json", false, SecurityDefaults.Capabilities));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.StartsWith("Decoding seccomp profile failed", e.Message);
        var bad = Assert.Throws<EngineException>(() => Profiles.For("""{"defaultAction":"ALLOW_ALL","syscalls":[]}""", false, []));
        Assert.Contains("invalid defaultAction", bad.Message);
    }

    [Fact]
    public void The_compiled_filter_serializes_in_the_oci_shape()
    {
        var s = Profiles.For(null, false, SecurityDefaults.Capabilities)!;
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(s));
        Assert.Equal("SCMP_ACT_ERRNO", doc.RootElement.GetProperty("defaultAction").GetString());
        var first = doc.RootElement.GetProperty("syscalls")[0];
        Assert.True(first.TryGetProperty("names", out _));
        Assert.False(first.TryGetProperty("includes", out _));
    }

    [Theory]
    [InlineData(false, new[] { "NET_ADMIN" }, new[] { "chown" }, "CAP_NET_ADMIN", "CAP_CHOWN")]
    [InlineData(false, new[] { "CHOWN" }, new[] { "ALL" }, "CAP_CHOWN", "CAP_KILL")]
    [InlineData(false, new[] { "ALL" }, new[] { "CAP_KILL" }, "CAP_SYS_ADMIN", "CAP_KILL")]
    public void Capabilities_resolve_like_docker(bool privileged, string[] add, string[] drop, string present, string absent)
    {
        var caps = Capability.Resolve(privileged, add, drop);
        Assert.Contains(present, caps);
        Assert.DoesNotContain(absent, caps);
    }

    [Fact]
    public void An_unknown_capability_is_refused()
    {
        var e = Assert.Throws<EngineException>(() => Capability.Resolve(false, ["CAP_MAGIC"], null));
        Assert.Equal("unknown capability: \"CAP_MAGIC\"", e.Message);
    }
}

using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Volumes;

/// <summary>Volumes, binds and tmpfs mounts of containers through the real docker CLI.</summary>
public sealed class ContainerMountsCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task Named_volume_data_survives_container_removal()
    {
        var vol = Unique("keep");
        (await Server.Docker("run", "--rm", "-v", $"{vol}:/data", "busybox", "sh", "-c", "echo hello > /data/f")).EnsureSuccess();
        Assert.Equal("hello\n", (await Server.Docker("run", "--rm", "-v", $"{vol}:/other:ro", "busybox", "cat", "/other/f")).EnsureSuccess().Stdout);
        Assert.Equal("", (await Server.Docker("volume", "inspect", "-f", "{{index .Labels \"com.docker.volume.anonymous\"}}", vol)).EnsureSuccess().Stdout.Trim());
        (await Server.Docker("volume", "rm", vol)).EnsureSuccess();
    }

    [Fact]
    public async Task Image_content_is_copied_up_into_an_empty_volume()
    {
        var vol = Unique("etc");
        (await Server.Docker("run", "--rm", "-v", $"{vol}:/etc", "busybox", "true")).EnsureSuccess();
        var passwd = (await Server.Docker("run", "--rm", "-v", $"{vol}:/x", "busybox", "cat", "/x/passwd")).EnsureSuccess().Stdout;
        Assert.StartsWith("root:x:0:0:", passwd);
        // nocopy: the volume stays empty.
        var empty = Unique("nocopy");
        Assert.Equal("", (await Server.Docker("run", "--rm", "-v", $"{empty}:/etc:nocopy", "busybox", "ls", "/etc")).EnsureSuccess().Stdout);
        await Server.Docker("volume", "rm", vol, empty);
    }

    [Fact]
    public async Task Image_volume_becomes_an_anonymous_volume_shown_in_inspect()
    {
        var tar = Path.Combine(Server.Root, "busybox-rootfs.tar");
        var image = Unique("withvol");
        (await Server.Docker("import", "--change", "VOLUME /etc", "--change", "CMD [\"sh\"]", tar, image)).EnsureSuccess();
        var id = (await Server.Docker("create", image, "cat", "/etc/group")).EnsureSuccess().Stdout.Trim();
        using var doc = JsonDocument.Parse((await Server.Docker("inspect", id)).EnsureSuccess().Stdout);
        var m = doc.RootElement[0].GetProperty("Mounts")[0];
        Assert.Equal("volume", m.GetProperty("Type").GetString());
        Assert.Equal("/etc", m.GetProperty("Destination").GetString());
        Assert.Equal("local", m.GetProperty("Driver").GetString());
        Assert.True(m.GetProperty("RW").GetBoolean());
        var name = m.GetProperty("Name").GetString()!;
        Assert.Equal(Path.Combine(Server.DataRoot, "volumes", name, "_data"), m.GetProperty("Source").GetString());
        (await Server.Docker("start", "-a", id)).EnsureSuccess();
        Assert.True(File.Exists(Path.Combine(Server.DataRoot, "volumes", name, "_data", "group")));
        (await Server.Docker("rm", "-v", id)).EnsureSuccess();
        Assert.NotEqual(0, (await Server.Docker("volume", "inspect", name)).ExitCode);
    }

    [Fact]
    public async Task Read_only_volume_and_bind_refuse_writes()
    {
        var vol = Unique("ro");
        var r = await Server.Docker("run", "--rm", "-v", $"{vol}:/data:ro", "busybox", "touch", "/data/x");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Read-only file system", r.Stderr);
        var dir = Directory.CreateDirectory(Path.Combine(Server.Root, Unique("robind"))).FullName;
        var b = await Server.Docker("run", "--rm", "--mount", $"type=bind,source={dir},target=/b,readonly", "busybox", "touch", "/b/x");
        Assert.Contains("Read-only file system", b.Stderr);
        Assert.False(File.Exists(Path.Combine(dir, "x")));
        await Server.Docker("volume", "rm", vol);
    }

    [Fact]
    public async Task Bind_mounted_host_directory_is_visible_both_ways()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Server.Root, Unique("bind"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "from-host"), "host\n");
        var r = (await Server.Docker("run", "--rm", "-v", $"{dir}:/h", "busybox", "sh", "-c", "cat /h/from-host; echo ctr > /h/from-ctr")).EnsureSuccess();
        Assert.Equal("host\n", r.Stdout);
        Assert.Equal("ctr\n", await File.ReadAllTextAsync(Path.Combine(dir, "from-ctr")));

        // -v creates a missing host directory; --mount type=bind refuses it.
        var missing = Path.Combine(Server.Root, Unique("created"));
        (await Server.Docker("run", "--rm", "-v", $"{missing}:/m", "busybox", "true")).EnsureSuccess();
        Assert.True(Directory.Exists(missing));
        var gone = Path.Combine(Server.Root, Unique("gone"));
        var refused = await Server.Docker("run", "--rm", "--mount", $"type=bind,source={gone},target=/m", "busybox", "true");
        Assert.Contains("bind source path does not exist", refused.Stderr);
        Assert.False(Directory.Exists(gone));
    }

    [Fact]
    public async Task A_volume_in_use_cannot_be_removed()
    {
        var vol = Unique("busy");
        var id = (await Server.Docker("create", "-v", $"{vol}:/data", "busybox", "true")).EnsureSuccess().Stdout.Trim();
        var r = await Server.Docker("volume", "rm", vol);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("volume is in use", r.Stderr);
        Assert.Contains(id, r.Stderr);
        (await Server.Docker("rm", id)).EnsureSuccess();
        (await Server.Docker("volume", "rm", vol)).EnsureSuccess();
    }

    [Fact]
    public async Task Rm_v_removes_anonymous_volumes_only()
    {
        var named = Unique("named");
        var id = (await Server.Docker("create", "-v", "/anon", "-v", $"{named}:/named", "busybox", "true")).EnsureSuccess().Stdout.Trim();
        var anon = (await Server.Docker("inspect", "-f", "{{range .Mounts}}{{if eq .Destination \"/anon\"}}{{.Name}}{{end}}{{end}}", id)).EnsureSuccess().Stdout.Trim();
        Assert.Matches("^[0-9a-f]{64}$", anon);
        (await Server.Docker("rm", "-v", id)).EnsureSuccess();
        Assert.NotEqual(0, (await Server.Docker("volume", "inspect", anon)).ExitCode);
        (await Server.Docker("volume", "inspect", named)).EnsureSuccess();

        // Without -v both stay.
        var id2 = (await Server.Docker("create", "-v", "/anon2", "busybox", "true")).EnsureSuccess().Stdout.Trim();
        var anon2 = (await Server.Docker("inspect", "-f", "{{range .Mounts}}{{.Name}}{{end}}", id2)).Stdout.Trim();
        (await Server.Docker("rm", id2)).EnsureSuccess();
        (await Server.Docker("volume", "inspect", anon2)).EnsureSuccess();
        await Server.Docker("volume", "rm", named, anon2);
    }

    [Fact]
    public async Task Volumes_from_shares_mounts_and_ro_is_enforced()
    {
        var vol = Unique("shared");
        var src = Unique("src");
        (await Server.Docker("create", "--name", src, "-v", $"{vol}:/shared", "busybox", "true")).EnsureSuccess();
        try
        {
            (await Server.Docker("run", "--rm", "--volumes-from", src, "busybox", "sh", "-c", "echo 1 > /shared/one")).EnsureSuccess();
            var ro = await Server.Docker("run", "--rm", "--volumes-from", $"{src}:ro", "busybox", "sh", "-c", "cat /shared/one; touch /shared/two");
            Assert.Equal("1\n", ro.Stdout);
            Assert.Contains("Read-only file system", ro.Stderr);
        }
        finally
        {
            await Server.Docker("rm", src);
            await Server.Docker("volume", "rm", vol);
        }
    }

    [Fact]
    public async Task Mount_type_volume_with_options_and_tmpfs()
    {
        var vol = Unique("mnt");
        var r = (await Server.Docker("run", "--rm", "--mount", $"type=volume,source={vol},target=/v,volume-label=k=v",
            "--mount", "type=tmpfs,target=/t,tmpfs-size=2m", "busybox", "sh", "-c", "echo x > /v/f && grep ' /t ' /proc/mounts")).EnsureSuccess();
        Assert.Contains("size=2048k", r.Stdout);
        Assert.Equal("v", (await Server.Docker("volume", "inspect", "-f", "{{.Labels.k}}", vol)).EnsureSuccess().Stdout.Trim());
        await Server.Docker("volume", "rm", vol);
        var dup = await Server.Docker("create", "-v", "/x:/d", "--mount", "type=tmpfs,target=/d", "busybox");
        Assert.Contains("Duplicate mount point", dup.Stderr);
    }

    [Fact]
    public async Task Ps_filters_by_volume_name_or_mount_destination_is_task_and_isolation()
    {
        var vol = "pv" + Guid.NewGuid().ToString("N")[..8];
        var label = "pf" + Guid.NewGuid().ToString("N")[..8];
        var with = (await Server.Docker("run", "-d", "--label", label, "-v", vol + ":/data", "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();
        var without = (await Server.Docker("run", "-d", "--label", label, "busybox", "sleep", "1000")).EnsureSuccess().Stdout.Trim();

        async Task<string> Ps(params string[] filters)
        {
            var args = new List<string> { "ps", "-aq", "--no-trunc", "--filter", "label=" + label };
            foreach (var f in filters) args.AddRange(["--filter", f]);
            return (await Server.DockerAsync(args)).EnsureSuccess().Stdout.Trim();
        }
        Assert.Equal(with, await Ps("volume=" + vol));
        Assert.Equal(with, await Ps("volume=/data"));
        Assert.Equal("", await Ps("volume=/elsewhere"));
        Assert.Equal("", await Ps("is-task=true"));
        Assert.Equal(2, (await Ps("is-task=false")).Split('\n').Length);
        Assert.Contains("invalid filter 'is-task=maybe'", (await Server.Docker("ps", "--filter", "is-task=maybe")).Stderr);
        // isolation: Linux has only the default; the CLI leaves HostConfig.Isolation empty, which "default" does not match (as dockerd).
        Assert.Equal("", await Ps("isolation=default"));
        Assert.Contains("invalid filter 'isolation=hyperv'", (await Server.Docker("ps", "--filter", "isolation=hyperv")).Stderr);
        await Server.Docker("rm", "-f", with, without);
        await Server.Docker("volume", "rm", vol);
    }
}

using System.Formats.Tar;
using System.Text;
using System.Text.Json;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>docker cp both ways, diff and export; symlinks and races never reach a host file.</summary>
public sealed class ArchiveCliTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    private async Task<string> RunDetachedAsync(params string[] args) =>
        (await Server.DockerAsync(["run", "-d", .. args])).EnsureSuccess().Stdout.Trim();

    private async Task WaitForFileAsync(string id, string path)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await Server.Docker("exec", id, "test", "-e", path)).ExitCode == 0) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{path} never appeared in {id}");
    }

    /// <summary>A host directory holding a secret the containers must never read or overwrite.</summary>
    private string HostSecretDir()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Server.Root, Unique("host"))).FullName;
        File.WriteAllText(Path.Combine(dir, "f"), "SECRET\n");
        return dir;
    }

    [Fact]
    public async Task Cp_both_ways_on_running_and_stopped_containers_and_into_volumes()
    {
        var vol = Unique("cpvol");
        var id = await RunDetachedAsync("-v", $"{vol}:/vol", "busybox", "sh", "-c", "echo inside > /f; mkdir -p /d/sub; echo deep > /d/sub/x; touch /ready; sleep 300");
        try
        {
            await WaitForFileAsync(id, "/ready");
            var outDir = Directory.CreateDirectory(Path.Combine(Server.Root, Unique("out"))).FullName;
            (await Server.Docker("cp", $"{id}:/f", outDir)).EnsureSuccess();
            Assert.Equal("inside\n", await File.ReadAllTextAsync(Path.Combine(outDir, "f")));
            (await Server.Docker("cp", $"{id}:/d", outDir)).EnsureSuccess();
            Assert.Equal("deep\n", await File.ReadAllTextAsync(Path.Combine(outDir, "d", "sub", "x")));

            var local = Path.Combine(outDir, "from-host.txt");
            await File.WriteAllTextAsync(local, "from host\n");
            (await Server.Docker("cp", local, $"{id}:/vol/")).EnsureSuccess();
            Assert.Equal("from host\n", (await Server.Docker("exec", id, "cat", "/vol/from-host.txt")).EnsureSuccess().Stdout);
            Assert.True(File.Exists(Path.Combine(Server.DataRoot, "volumes", vol, "_data", "from-host.txt")));
            (await Server.Docker("cp", local, $"{id}:/renamed.txt")).EnsureSuccess();
            Assert.Equal("from host\n", (await Server.Docker("exec", id, "cat", "/renamed.txt")).EnsureSuccess().Stdout);

            (await Server.Docker("stop", "-t", "0", id)).EnsureSuccess();
            (await Server.Docker("cp", local, $"{id}:/vol/stopped.txt")).EnsureSuccess();
            Assert.True(File.Exists(Path.Combine(Server.DataRoot, "volumes", vol, "_data", "stopped.txt")));
            var back = Path.Combine(outDir, "back");
            (await Server.Docker("cp", $"{id}:/renamed.txt", back)).EnsureSuccess();
            Assert.Equal("from host\n", await File.ReadAllTextAsync(back));

            var missing = await Server.Docker("cp", $"{id}:/nope", outDir);
            Assert.Contains("Could not find the file /nope", missing.Stderr);
        }
        finally
        {
            await Server.Docker("rm", "-f", "-v", id);
            await Server.Docker("volume", "rm", vol);
        }
    }

    [Fact]
    public async Task Head_reports_docker_path_stat()
    {
        var id = await RunDetachedAsync("busybox", "sh", "-c", "ln -s /etc/passwd /link; touch /ready; sleep 300");
        try
        {
            await WaitForFileAsync(id, "/ready");
            using var http = Server.CreateHttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Head, $"/containers/{id}/archive?path=/link");
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("X-Docker-Container-Path-Stat").Single()));
            using var doc = JsonDocument.Parse(json);
            Assert.Equal("link", doc.RootElement.GetProperty("name").GetString());
            Assert.Equal("/etc/passwd", doc.RootElement.GetProperty("linkTarget").GetString());
            Assert.NotEqual(0u, doc.RootElement.GetProperty("mode").GetUInt32() & (1u << 27));
            using var dirRequest = new HttpRequestMessage(HttpMethod.Head, $"/containers/{id}/archive?path=/etc");
            using var dirResponse = await http.SendAsync(dirRequest);
            var dirJson = Encoding.UTF8.GetString(Convert.FromBase64String(dirResponse.Headers.GetValues("X-Docker-Container-Path-Stat").Single()));
            Assert.NotEqual(0u, JsonDocument.Parse(dirJson).RootElement.GetProperty("mode").GetUInt32() & (1u << 31));
        }
        finally { await Server.Docker("rm", "-f", id); }
    }

    [Fact]
    public async Task Absolute_and_relative_symlinks_never_reach_host_files()
    {
        var host = HostSecretDir();
        var id = await RunDetachedAsync("busybox", "sh", "-c",
            $"ln -s {host} /abs; ln -s ../../../../../../..{host} /rel; ln -s {host}/f /absfile; touch /ready; sleep 300");
        try
        {
            await WaitForFileAsync(id, "/ready");
            var outDir = Directory.CreateDirectory(Path.Combine(Server.Root, Unique("out"))).FullName;
            foreach (var path in new[] { "/abs/f", "/rel/f", "/absfile/", $"/../../../../{host}/f", "/rel/../rel/f" })
            {
                var r = await Server.Docker("cp", $"{id}:{path}", Path.Combine(outDir, "got"));
                Assert.NotEqual(0, r.ExitCode);
                Assert.False(File.Exists(Path.Combine(outDir, "got")) && File.ReadAllText(Path.Combine(outDir, "got")).Contains("SECRET"));
            }
            var local = Path.Combine(outDir, "pwn");
            await File.WriteAllTextAsync(local, "PWNED\n");
            foreach (var dest in new[] { "/abs/", "/rel/", "/abs/f", "/rel/f", "/absfile" })
                await Server.Docker("cp", local, $"{id}:{dest}");
            Assert.Equal(["f"], Directory.GetFileSystemEntries(host).Select(Path.GetFileName));
            Assert.Equal("SECRET\n", await File.ReadAllTextAsync(Path.Combine(host, "f")));
        }
        finally { await Server.Docker("rm", "-f", id); }
    }

    [Fact]
    public async Task A_symlink_swapped_during_copies_never_reads_or_writes_the_host()
    {
        var host = HostSecretDir();
        var id = await RunDetachedAsync("busybox", "sh", "-c",
            $"touch /ready; while true; do rm -rf /swap; mkdir /swap; echo safe > /swap/f; rm -rf /swap; ln -s {host} /swap; done");
        try
        {
            await WaitForFileAsync(id, "/ready");
            using var http = Server.CreateHttpClient();
            var upload = new MemoryStream();
            await using (var writer = new TarWriter(upload, leaveOpen: true))
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "pwn") { DataStream = new MemoryStream("PWNED\n"u8.ToArray()) });
            var reads = 0;
            for (var i = 0; i < 150; i++)
            {
                using (var get = await http.GetAsync($"/containers/{id}/archive?path=/swap/f"))
                {
                    if (get.IsSuccessStatusCode)
                    {
                        using var tar = new TarReader(await get.Content.ReadAsStreamAsync());
                        while (await tar.GetNextEntryAsync() is { } e)
                        {
                            if (e.DataStream is null) continue;
                            var text = await new StreamReader(e.DataStream).ReadToEndAsync();
                            Assert.DoesNotContain("SECRET", text);
                            reads++;
                        }
                    }
                }
                upload.Position = 0;
                using var content = new StreamContent(new MemoryStream(upload.ToArray()));
                using var put = await http.PutAsync($"/containers/{id}/archive?path=/swap", content);
            }
            Assert.Equal(["f"], Directory.GetFileSystemEntries(host).Select(Path.GetFileName));
            Assert.Equal("SECRET\n", await File.ReadAllTextAsync(Path.Combine(host, "f")));
        }
        finally { await Server.Docker("rm", "-f", id); }
    }

    [Fact]
    public async Task Diff_and_export()
    {
        var id = await RunDetachedAsync("busybox", "sh", "-c", "echo new > /added; rm /etc/group; echo x >> /etc/passwd; touch /ready; sleep 300");
        try
        {
            await WaitForFileAsync(id, "/ready");
            var diff = (await Server.Docker("diff", id)).EnsureSuccess().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("A /added", diff);
            Assert.Contains("D /etc/group", diff);
            Assert.Contains("C /etc/passwd", diff);
            Assert.Contains("C /etc", diff);
            Assert.DoesNotContain("A /etc/hostname", diff);

            // A fresh container has no changes: /etc, copied up only for the /etc/hosts, hostname and resolv.conf mount
            // points, is not one (Docker keeps those in its init layer); a chmod of /etc makes it one.
            var fresh = await RunDetachedAsync("busybox", "sleep", "300");
            try
            {
                Assert.Equal("", (await Server.Docker("diff", fresh)).EnsureSuccess().Stdout);
                (await Server.Docker("exec", fresh, "chmod", "700", "/etc")).EnsureSuccess();
                Assert.Equal("C /etc\n", (await Server.Docker("diff", fresh)).EnsureSuccess().Stdout);
            }
            finally { await Server.Docker("rm", "-f", fresh); }

            var tarPath = Path.Combine(Server.Root, Unique("export") + ".tar");
            (await Server.Docker("export", "-o", tarPath, id)).EnsureSuccess();
            var names = new List<string>();
            await using (var file = File.OpenRead(tarPath))
            using (var reader = new TarReader(file))
                while (await reader.GetNextEntryAsync() is { } e) names.Add(e.Name);
            Assert.Contains("added", names);
            Assert.Contains("bin/busybox", names);
            Assert.DoesNotContain("etc/group", names);
            Assert.DoesNotContain(names, n => n.StartsWith("proc/", StringComparison.Ordinal) && n.Length > 5);
        }
        finally { await Server.Docker("rm", "-f", id); }
    }
}

using WebUI.DockerApi.Tests.Fixtures;
using WebUI.DockerApi.Tests.Support;

namespace WebUI.DockerApi.Tests.Containers;

/// <summary>
/// Nothing of the server leaks into containers or their monitors: a container's process and an exec'd one see only
/// 0, 1 and 2 (as under Docker), and each conmon holds only its own container's files and pipes, even when several
/// containers start at once (a pipe made for one conmon must not reach another started meanwhile).
/// </summary>
public sealed class DescriptorLeakTests(BusyboxServerFixture fixture) : IClassFixture<BusyboxServerFixture>
{
    private WebUIServer Server => fixture.Server;

    [Fact]
    public async Task Containers_execs_and_their_monitors_get_no_descriptor_of_the_server()
    {
        var names = Enumerable.Range(0, 6).Select(i => $"fds{i}-" + Guid.NewGuid().ToString("N")[..6]).ToList();
        try
        {
            // Started together, so conmons are launched while others' pipes are open.
            var runs = await Task.WhenAll(names.Select(n => Server.Docker("run", "-d", "--name", n, "busybox", "sh", "-c", "ls /proc/$$/fd; exec sleep 1000")));
            var ids = runs.Select(r => r.EnsureSuccess().Stdout.Trim()).ToList();

            foreach (var name in names)
            {
                string[] listed = [];
                await Poll.UntilAsync(async () =>
                {
                    listed = (await Server.Docker("logs", name)).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    return listed.Length >= 3;
                }, TimeSpan.FromSeconds(20), $"the descriptor list of {name}");
                Assert.Equal(["0", "1", "2"], listed);
            }
            var exec = (await Server.Docker("exec", names[0], "sh", "-c", "ls /proc/$$/fd; true")).EnsureSuccess();
            Assert.Equal(["0", "1", "2"], exec.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            var serverPid = Server.ProcessId ?? throw new InvalidOperationException("the server is not running");
            var serverTargets = Targets(serverPid).Where(Shareable).ToHashSet();
            var monitors = ids.ToDictionary(id => id, id => Targets(int.Parse(File.ReadAllText(Path.Combine(Server.ExecRoot, "c", id, "conmon.pid")).Trim())));
            foreach (var (id, targets) in monitors)
            {
                foreach (var target in targets)
                {
                    if (target.StartsWith('/'))
                        Assert.True(target == "/dev/null" || target.Contains(id, StringComparison.Ordinal), $"conmon of {id[..12]} holds {target}");
                    if (!Shareable(target)) continue;
                    Assert.DoesNotContain(target, serverTargets);
                    foreach (var (other, otherTargets) in monitors)
                        if (other != id) Assert.False(otherTargets.Contains(target), $"conmons of {id[..12]} and {other[..12]} share {target}");
                }
            }
        }
        finally
        {
            await Server.DockerAsync(["rm", "-f", .. names]);
        }
    }

    /// <summary>Pipes and sockets name one kernel object; anon inodes (eventfd, signalfd) do not, and /dev/null is everyone's.</summary>
    private static bool Shareable(string target) => target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("socket:", StringComparison.Ordinal);

    private static List<string> Targets(int pid)
    {
        var result = new List<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            try { if (new FileInfo(fd).LinkTarget is { } t) result.Add(t); }
            catch (IOException) { }
        }
        return result;
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace WebUI.DockerApi.Tests.Fixtures;

/// <summary>
/// One WebUI server started as its own process, with its own data root, exec root, socket and web port under a
/// throwaway directory; disposing removes its containers, mounts, processes and files, also after a failed test.
/// </summary>
public sealed class WebUIServer : IAsyncDisposable
{
    private const string DockerCli = "/usr/local/bin/docker";
    private Process? _process;
    private readonly StringBuilder _log = new();

    private WebUIServer(string root, SubnetBlock subnets)
    {
        Root = root;
        Port = FreeTcpPort();
        Subnets = subnets;
        // Engines side by side must not share the default bridge or subnets: each gets its own device and a free /19.
        BridgeName = "wu" + Guid.NewGuid().ToString("N")[..10];
        Settings["Engine__DefaultBridge__Name"] = BridgeName;
        Settings["Engine__DefaultBridge__Subnet"] = subnets.DefaultBridge;
        Settings["Engine__AddressPools__0__Base"] = subnets.Pool;
        Settings["Engine__AddressPools__0__Size"] = "24";
    }

    /// <summary>This server's addresses: its default bridge, its pool, and the subnets its tests ask for (<see cref="SubnetBlock.NextSubnet"/>).</summary>
    public SubnetBlock Subnets { get; }

    /// <summary>The Linux bridge of this server's default `bridge` network (removed on dispose).</summary>
    public string BridgeName { get; }

    /// <summary>The throwaway directory holding everything of this server (short, for 108-byte socket paths).</summary>
    public string Root { get; }
    public string DataRoot => Path.Combine(Root, "data");
    public string ExecRoot => Path.Combine(Root, "run");
    public string Socket => Path.Combine(ExecRoot, "docker.sock");
    public int Port { get; }

    /// <summary>The server process's pid while it runs.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;
    public Uri WebBase => new($"http://127.0.0.1:{Port}/");

    /// <summary>Environment for clients: DOCKER_HOST and an isolated DOCKER_CONFIG.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string>
    {
        ["DOCKER_HOST"] = $"unix://{Socket}",
        ["DOCKER_CONFIG"] = Path.Combine(Root, "docker-config"),
        ["DOCKER_CLI_HINTS"] = "false",
    };

    /// <summary>What the server process printed so far (for failure messages).</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Extra configuration (environment variables, e.g. "Engine__Runtime") for the next start.</summary>
    public Dictionary<string, string> Settings { get; } = new();

    public static async Task<WebUIServer> StartAsync(Action<WebUIServer>? configure = null, CancellationToken cancellationToken = default)
    {
        // Short: conmon's attach sockets live below it and sun_path holds 108 bytes.
        var root = Path.Combine("/tmp/wt", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        var server = new WebUIServer(root, await SubnetBlock.PickAsync());
        configure?.Invoke(server);
        try
        {
            await server.StartProcessAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Starts the server process (again) on the same directories.</summary>
    public async Task StartProcessAsync(CancellationToken cancellationToken = default)
    {
        var dll = typeof(WebUIServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WebUIServerDll").Value!;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.GetFullPath(dll));
        psi.Environment["Engine__DataRoot"] = DataRoot;
        psi.Environment["Engine__ExecRoot"] = ExecRoot;
        psi.Environment["Urls"] = $"http://127.0.0.1:{Port}";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (k, v) in Settings) psi.Environment[k] = v;

        _process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start the server");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        using var http = CreateHttpClient();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"server exited with {_process.ExitCode}:\n{Log}");
            try
            {
                using var r = await http.GetAsync("/_ping", cancellationToken);
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"server did not answer /_ping in 60 s:\n{Log}");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Stops the server process: SIGTERM and wait, or SIGKILL (kill = true) as a crash would.</summary>
    public async Task StopProcessAsync(bool kill = false)
    {
        if (_process is null || _process.HasExited) return;
        if (kill) _process.Kill();
        else Unix.Kill(_process.Id, 15);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { _process.Kill(); await _process.WaitForExitAsync(); }
    }

    /// <summary>An HttpClient speaking HTTP over the Docker API socket; base address http://docker/.</summary>
    public HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await s.ConnectAsync(new UnixDomainSocketEndPoint(Socket), ct);
                    return new NetworkStream(s, ownsSocket: true);
                }
                catch
                {
                    s.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://docker/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Runs the real docker CLI against this server.</summary>
    public Task<CommandResult> Docker(params string[] args) => DockerAsync(args, stdin: null, timeout: null);

    public Task<CommandResult> DockerAsync(IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync(DockerCli, args, new Dictionary<string, string>(ClientEnvironment), stdin, timeout, cancellationToken);

    /// <summary>Runs python3 code with docker-py; the variable SOCK holds the socket path.</summary>
    public Task<CommandResult> PythonAsync(string code, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync("python3", ["-c", $"SOCK = {System.Text.Json.JsonSerializer.Serialize(Socket)}\n{code}"],
            new Dictionary<string, string>(ClientEnvironment), timeout: timeout ?? TimeSpan.FromSeconds(90));

    /// <summary>Imports a busybox image (CMD ["sh"]) under <paramref name="reference"/> through docker import.</summary>
    public async Task ImportBusyboxAsync(string reference = "busybox:latest", CancellationToken cancellationToken = default)
    {
        var tar = Path.Combine(Root, "busybox-rootfs.tar");
        if (!File.Exists(tar)) await BusyboxRootfs.WriteAsync(tar, cancellationToken);
        (await DockerAsync(["import", "--change", "CMD [\"sh\"]", tar, reference], cancellationToken: cancellationToken)).EnsureSuccess();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                var ids = await Docker("ps", "-aq");
                if (ids.ExitCode == 0)
                {
                    var list = ids.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    if (list.Length > 0) await DockerAsync(["rm", "-f", .. list], timeout: TimeSpan.FromSeconds(60));
                }
            }
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException) { }
        await StopProcessAsync();
        _process?.Dispose();
        await RemoveNetworkDevicesAsync();
        await Leftovers.RemoveAsync(Root);
        if (Directory.Exists(Path.Combine("/sys/class/net", BridgeName)))
            await ProcessRunner.RunAsync("ip", ["link", "del", BridgeName], timeout: TimeSpan.FromSeconds(20));
        await RemoveMasqueradeRulesAsync();
    }

    /// <summary>The default bridge's masquerade rule stays when the server stops (as docker0's does): this server's goes here.</summary>
    private async Task RemoveMasqueradeRulesAsync()
    {
        var rules = await ProcessRunner.RunAsync("iptables", ["-t", "nat", "-S", "POSTROUTING"], timeout: TimeSpan.FromSeconds(20));
        foreach (var line in rules.Stdout.Split('\n').Where(l => l.StartsWith("-A POSTROUTING ", StringComparison.Ordinal) && l.Contains($"! -o {BridgeName} ", StringComparison.Ordinal)))
        {
            var args = line[3..].Replace($"\"webui masquerade {BridgeName}\"", "WEBUI-COMMENT").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a == "WEBUI-COMMENT" ? $"webui masquerade {BridgeName}" : a);
            await ProcessRunner.RunAsync("iptables", ["-t", "nat", "-D", .. args], timeout: TimeSpan.FromSeconds(20));
        }
    }

    /// <summary>Bridges of user-defined networks a failed test did not remove (their records name the device).</summary>
    private async Task RemoveNetworkDevicesAsync()
    {
        var dir = Path.Combine(DataRoot, "networks");
        if (!Directory.Exists(dir)) return;
        foreach (var file in Directory.GetFiles(dir, "*.json"))
        {
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file));
                if (doc.RootElement.GetProperty("Driver").GetString() != "bridge") continue;
                var device = doc.RootElement.GetProperty("Device").GetString();
                if (!string.IsNullOrEmpty(device) && device != BridgeName && Directory.Exists(Path.Combine("/sys/class/net", device)))
                    await ProcessRunner.RunAsync("ip", ["link", "del", device], timeout: TimeSpan.FromSeconds(20));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or IOException) { }
        }
    }

    private static int FreeTcpPort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}

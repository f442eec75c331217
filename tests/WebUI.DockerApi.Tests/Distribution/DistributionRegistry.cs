using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using WebUI.DockerApi.Tests.Fixtures;

namespace WebUI.DockerApi.Tests.Distribution;

/// <summary>
/// The real distribution registry (Debian's docker-registry) on a loopback port, storing under a throwaway
/// directory; optionally with htpasswd (bcrypt) Basic auth. Stopped and removed on dispose.
/// </summary>
public sealed class DistributionRegistry : IAsyncDisposable
{
    private const string Binary = "/usr/bin/docker-registry";
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private DistributionRegistry(string root, int port, Process process)
    {
        Root = root;
        Port = port;
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Root { get; }
    public int Port { get; }
    /// <summary>"127.0.0.1:PORT", the registry part of image names.</summary>
    public string Host => $"127.0.0.1:{Port}";
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>
    /// Starts a registry; with <paramref name="user"/> it requires Basic auth (htpasswd) for that user and password;
    /// with <paramref name="tokens"/> it requires Bearer tokens from that token server instead.
    /// </summary>
    public static async Task<DistributionRegistry> StartAsync(string? user = null, string? password = null, TokenServer? tokens = null)
    {
        var root = Path.Combine("/tmp/wt", "reg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        var port = FreePort();
        var auth = "";
        if (user is not null)
        {
            var htpasswd = (await ProcessRunner.RunAsync("htpasswd", ["-Bbn", user, password ?? ""])).EnsureSuccess();
            await File.WriteAllTextAsync(Path.Combine(root, "htpasswd"), htpasswd.Stdout.Trim() + "\n");
            auth = $"auth:\n  htpasswd:\n    realm: test-registry\n    path: {root}/htpasswd\n";
        }
        else if (tokens is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(root, "token.pem"), tokens.CertificatePem);
            auth = $"auth:\n  token:\n    realm: {tokens.Realm}\n    service: {TokenServer.Service}\n    issuer: {TokenServer.Issuer}\n    rootcertbundle: {root}/token.pem\n";
        }
        var config = $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {root}/data
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
              secret: {Guid.NewGuid():N}
            {auth}
            """;
        var configPath = Path.Combine(root, "config.yml");
        await File.WriteAllTextAsync(configPath, config);

        var psi = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("serve");
        psi.ArgumentList.Add(configPath);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start docker-registry");
        var registry = new DistributionRegistry(root, port, process);

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"docker-registry exited with {process.ExitCode}:\n{registry.Log}\n{config}");
            try
            {
                using var r = await http.GetAsync($"http://127.0.0.1:{port}/v2/");
                return registry;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"docker-registry did not answer:\n{registry.Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>Copies an image into this registry with skopeo (e.g. from an OCI layout: "oci:DIR:tag").</summary>
    public async Task SkopeoCopyInAsync(string source, string destination, bool all = false)
    {
        var args = new List<string> { "--insecure-policy", "copy", "--dest-tls-verify=false" };
        if (all) args.Add("--all");
        args.AddRange([source, $"docker://{Host}/{destination}"]);
        (await ProcessRunner.RunAsync("skopeo", args, new Dictionary<string, string> { ["REGISTRY_AUTH_FILE"] = Path.Combine(Root, "auth.json") }, timeout: TimeSpan.FromSeconds(120))).EnsureSuccess();
    }

    /// <summary>The digest this registry reports for a manifest or index (HEAD with every manifest type accepted; anonymous registries only).</summary>
    public async Task<string> ManifestDigestAsync(string repository, string reference)
    {
        using var http = new HttpClient();
        using var head = new HttpRequestMessage(HttpMethod.Head, $"http://{Host}/v2/{repository}/manifests/{reference}");
        foreach (var t in new[] { "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
                     "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json" })
            head.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(t));
        using var r = await http.SendAsync(head);
        r.EnsureSuccessStatusCode();
        return r.Headers.GetValues("Docker-Content-Digest").Single();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}

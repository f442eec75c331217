using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using WebUI.DockerApi.Hosting;

namespace WebUI.DockerApi.Tests.Hosting;

public sealed class HttpRequestFramerTests
{
    private static async Task<(string Output, HijackRequestBodyFeature? Feature)> RunAsync(params string[] pieces)
    {
        var input = new Pipe();
        var output = new Pipe();
        var features = new FeatureCollection();
        var framer = new HttpRequestFramer(input.Reader, output.Writer, features).RunAsync();
        // Feed in pieces, as a socket would, so boundaries fall anywhere.
        foreach (var p in pieces)
        {
            await input.Writer.WriteAsync(Encoding.Latin1.GetBytes(p));
            await Task.Yield();
        }
        await input.Writer.CompleteAsync();
        await framer;
        var result = await output.Reader.ReadAsync();
        while (!result.IsCompleted)
        {
            output.Reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = await output.Reader.ReadAsync();
        }
        var text = Encoding.Latin1.GetString(result.Buffer.ToArray());
        return (text, features.Get<HijackRequestBodyFeature>());
    }

    [Fact]
    public async Task Upgrade_with_a_body_loses_its_content_length_and_its_body_moves_to_the_feature()
    {
        const string json = "{\"Detach\":false,\"Tty\":true}";
        var request = $"POST /v1.44/exec/abc/start HTTP/1.1\r\nHost: api.moby.localhost\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: {json.Length}\r\n\r\n{json}";
        var (output, feature) = await RunAsync(request[..40], request[40..], "echo stdin\n");

        Assert.NotNull(feature);
        Assert.Equal(json, Encoding.UTF8.GetString(feature.Body.Span));
        Assert.DoesNotContain("Content-Length", output);
        Assert.StartsWith("POST /v1.44/exec/abc/start HTTP/1.1\r\n", output);
        Assert.EndsWith("Upgrade: tcp\r\nContent-Type: application/json\r\n\r\necho stdin\n", output);
    }

    [Fact]
    public async Task Keep_alive_requests_before_the_upgrade_pass_unchanged_whatever_their_framing()
    {
        const string get = "GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n";
        // A body that itself looks like a request head must not be mistaken for one.
        const string fakeHead = "POST /evil HTTP/1.1\r\nUpgrade: tcp\r\nContent-Length: 2\r\n\r\nhi";
        var withLength = $"POST /containers/create HTTP/1.1\r\nHost: x\r\nContent-Length: {fakeHead.Length}\r\n\r\n{fakeHead}";
        const string chunked = "POST /build HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        const string upgrade = "POST /exec/x/start HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 2\r\n\r\n{}";

        var (output, feature) = await RunAsync(get, withLength, chunked, upgrade);

        Assert.Equal("{}", Encoding.UTF8.GetString(feature!.Body.Span));
        Assert.Equal(get + withLength + chunked + "POST /exec/x/start HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n", output);
    }

    [Fact]
    public async Task After_an_upgrade_without_body_everything_is_raw_and_untouched()
    {
        const string attach = "POST /containers/c/attach?stream=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
        const string raw = "GET / HTTP/1.1\r\nUpgrade: tcp\r\nContent-Length: 3\r\n\r\nabc";
        var (output, feature) = await RunAsync(attach, raw);
        Assert.Null(feature);
        Assert.Equal(attach + raw, output);
    }

    [Fact]
    public async Task Something_that_is_not_http_passes_through_for_kestrel_to_refuse()
    {
        const string junk = "\u0016\u0003\u0001 not http at all\r\n\r\nPOST /x HTTP/1.1\r\nUpgrade: tcp\r\nContent-Length: 2\r\n\r\n{}";
        var (output, feature) = await RunAsync(junk);
        Assert.Null(feature);
        Assert.Equal(junk, output);
    }
}

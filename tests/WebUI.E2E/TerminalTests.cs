using Microsoft.Playwright;
using WebUI.E2E.Fixtures;

namespace WebUI.E2E;

[Collection(DashboardCollection.Name)]
public sealed class TerminalTests(DashboardFixture fixture)
{
    private const string Rows = "[data-testid=terminal] .xterm-rows";

    [Fact]
    public async Task Terminal_echoes_takes_a_100KB_paste_whole_reattaches_after_navigation_shows_the_exit_code_and_is_recorded()
    {
        var run = await fixture.Server.Docker("run", "-d", "--name", "e2e-term", "busybox", "sh", "-c", "while true; do sleep 1; done");
        Assert.True(run.ExitCode == 0, run.Stderr);
        try
        {
            var page = await fixture.OpenAsync("/containers/e2e-term");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Terminal" }).ClickAsync();
            await page.GetByTestId("terminal-open").ClickAsync();
            await page.Locator("[data-testid=terminal][data-session]").WaitForAsync();
            var session = await page.GetByTestId("terminal").GetAttributeAsync("data-session");

            // Typing: the shell echoes the command line and prints the result.
            await page.Locator("[data-testid=terminal] .xterm-helper-textarea").FocusAsync();
            await page.Keyboard.TypeAsync("echo hello-from-$((6*7))-term\r");
            await Assertions.Expect(page.Locator(Rows)).ToContainTextAsync("hello-from-42-term");
            await DashboardFixture.ScreenshotAsync(page, "terminal");

            // The cursor is steady: a blinking one restarts its animation on every key, which asks Chromium for a frame,
            // and Chromium then holds every task (the echo's WebSocket message too) until that frame has been drawn, so
            // the echo was painted a frame later (bench/terminal-echo.sh: p50 28 ms against 12.5 ms steady).
            await Assertions.Expect(page.Locator("[data-testid=terminal] .xterm-cursor")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-testid=terminal] .xterm-cursor-blink")).ToHaveCountAsync(0);

            // A 100 KB paste (1024 lines of 99 letters), as the browser delivers one (a paste event with the clipboard's
            // text), arrives whole and in order (its chunks are sent without waiting for each other): wc -c counts every
            // byte, sha256sum of the copy tee kept is the paste's own (lines differ by their first letter).
            await page.Keyboard.TypeAsync("stty -echo; tee /tmp/paste | wc -c; stty echo\r");
            var line = new string('x', 99);
            var paste = string.Concat(Enumerable.Range(0, 1024).Select(i => (char)('a' + i % 26) + line[1..] + "\n"));
            Assert.Equal(102_400, paste.Length);
            await page.Locator("[data-testid=terminal] .xterm-helper-textarea").EvaluateAsync(
                "(textarea, text) => { const data = new DataTransfer(); data.setData('text/plain', text); " +
                "textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }", paste);
            await page.Keyboard.PressAsync("Control+d");
            await Assertions.Expect(page.Locator(Rows)).ToContainTextAsync("102400", new() { Timeout = 30_000 });
            await page.Keyboard.TypeAsync("sha256sum /tmp/paste\r");
            await Assertions.Expect(page.Locator(Rows)).ToContainTextAsync(
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(paste))));

            // A burst: 600 pastes in one go, each sent at once without waiting for the one before (all in flight
            // together), arrive whole and in order: the file the shell wrote has the checksum of the lines in order.
            await page.Keyboard.TypeAsync("stty -echo; cat > /tmp/burst; stty echo\r");
            var burst = Enumerable.Range(0, 600).Select(i => $"burst-line-{i:D4}\n").ToArray();
            await page.Locator("[data-testid=terminal] .xterm-helper-textarea").EvaluateAsync(
                "(textarea, lines) => { for (const text of lines) { const data = new DataTransfer(); data.setData('text/plain', text); " +
                "textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); } }", burst);
            await page.Keyboard.PressAsync("Control+d");
            var md5 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.ASCII.GetBytes(string.Concat(burst))));
            await page.Keyboard.TypeAsync("md5sum < /tmp/burst; wc -l < /tmp/burst\r");
            await Assertions.Expect(page.Locator(Rows)).ToContainTextAsync(md5, new() { Timeout = 30_000 });

            // Away and back: the session lives on the server, shows again with what it printed, and takes input.
            await page.GoToContainersAsync();
            await page.GetByTestId("container-link").Filter(new() { HasTextString = "e2e-term" }).ClickAsync();
            await page.WaitForURLAsync("**/containers/*");
            await Assertions.Expect(page.GetByTestId("container-name")).ToHaveTextAsync("e2e-term");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Terminal" }).ClickAsync();
            var row = page.Locator($"[data-testid=terminal-session][data-session='{session}']");
            await Assertions.Expect(row.GetByTestId("terminal-session-state")).ToHaveTextAsync("running");
            await row.GetByTestId("terminal-reattach").ClickAsync();
            await Assertions.Expect(page.Locator(Rows)).ToContainTextAsync("hello-from-42-term");
            await page.Locator("[data-testid=terminal] .xterm-helper-textarea").FocusAsync();
            await page.Keyboard.TypeAsync("echo again-$((1+1))\r");
            await Assertions.Expect(page.Locator(Rows)).ToContainTextAsync("again-2");

            // exit ends the session cleanly and says how.
            await page.Keyboard.TypeAsync("exit 3\r");
            await Assertions.Expect(page.GetByTestId("terminal-status")).ToContainTextAsync("exited with code 3");
            await Assertions.Expect(page.Locator(Rows)).ToContainTextAsync("process exited with code 3");
            await Assertions.Expect(row.GetByTestId("terminal-session-state")).ToHaveTextAsync("exited with code 3");
            await DashboardFixture.ScreenshotAsync(page, "terminal-exited");

            // A session through the Docker API socket is recorded too, under the socket's caller.
            var cli = await fixture.Server.Docker("exec", "e2e-term", "echo", "from-the-cli");
            Assert.True(cli.ExitCode == 0, cli.Stderr);

            // The recordings: who ran what, replayed in the browser with the output as it was.
            await page.GetByRole(AriaRole.Tab, new() { Name = "Recordings" }).ClickAsync();
            await page.GetByTestId("recordings-refresh").ClickAsync();
            var mine = page.Locator($"[data-testid=recording][data-recording]", new() { Has = page.GetByTestId("recording-user").GetByText("admin", new() { Exact = true }) });
            await Assertions.Expect(mine).ToHaveCountAsync(1);
            await Assertions.Expect(mine).ToContainTextAsync("exit code 3");
            var fromCli = page.Locator("[data-testid=recording]", new() { HasTextString = "echo from-the-cli" });
            await Assertions.Expect(fromCli.GetByTestId("recording-user")).ToHaveTextAsync("docker-api (uid 0)");
            await mine.GetByTestId("recording-replay").ClickAsync();
            await Assertions.Expect(page.GetByTestId("replay")).ToContainTextAsync("hello-from-42-term");
            await page.Locator("[data-testid=replay][data-done='1']").WaitForAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("replay")).ToContainTextAsync("again-2");
            await DashboardFixture.ScreenshotAsync(page, "recording-replay");
            await fixture.CloseAsync(page);
        }
        finally
        {
            await fixture.Server.Docker("rm", "-f", "e2e-term");
        }
    }
}

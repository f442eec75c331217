// Keystroke-to-echo latency of the web terminal (keydown in the page → hub → exec'd shell's pty echo → SignalR →
// xterm.js → DOM), against the same keystroke over the Docker API's hijacked exec stream on the unix socket (no
// browser, no SignalR): N keystrokes each. Prints "web p50 p95" and "api p50 p95" in milliseconds.
// Usage: node terminal-echo.mjs WEB_BASE USER PASSWORD CONTAINER SOCKET [N=200]
import http from "node:http";
import { signedInPage, percentile } from "./common.mjs";

const [webBase, user, password, container, socketPath, n = "200"] = process.argv.slice(2);
const N = Number(n);

async function web() {
  const { browser, page } = await signedInPage(webBase, user, password, `/containers/${container}`);
  // Hop times: the terminal hub's WebSocket is wrapped (before the terminal connects) to stamp each Input frame sent
  // and each output frame received, so the round trip splits into page (keydown → frame sent), wire and server (frame
  // sent → echo frame received) and render (echo frame received → echoed character in the DOM).
  await page.evaluate(() => {
    window.__sent = []; window.__recv = [];
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url, protocols) {
        super(url, protocols);
        if (!String(url).includes("/hubs/terminal")) return;
        this.addEventListener("message", e => { if (typeof e.data === "string" && e.data.includes('"output"')) window.__recv.push(performance.now()); });
      }
      send(data) {
        if (typeof data === "string" && data.includes('"Input"')) window.__sent.push(performance.now());
        return super.send(data);
      }
    };
  });
  await page.getByRole("tab", { name: "Terminal" }).click();
  await page.click("[data-testid=terminal-open]");
  await page.waitForSelector("[data-testid=terminal][data-session]");
  await page.waitForFunction(() => document.querySelector("[data-testid=terminal] .xterm-rows").textContent.includes("#"));
  await page.focus("[data-testid=terminal] .xterm-helper-textarea");
  // Timed inside the page: from the keydown event to the echoed character in the terminal's DOM.
  await page.evaluate(() => {
    const rows = document.querySelector("[data-testid=terminal] .xterm-rows");
    window.__count = () => (rows.textContent.match(/q/g) || []).length;
    document.addEventListener("keydown", () => { window.__t0 = performance.now(); }, true);
    window.__echo = (expected) => new Promise(resolve => {
      const check = () => { if (window.__count() >= expected) { observer.disconnect(); resolve(performance.now() - window.__t0); return true; } return false; };
      const observer = new MutationObserver(check);
      observer.observe(rows, { childList: true, subtree: true, characterData: true });
      check();
    });
  });
  const times = [], hops = { page: [], server: [], render: [] };
  for (let i = 1; i <= N + 10; i++) {
    const echoed = page.evaluate(expected => { window.__sent.length = 0; window.__recv.length = 0; return window.__echo(expected); }, i);
    await page.keyboard.press("q");
    const t = await echoed;
    if (i <= 10) continue; // the first ten warm up
    times.push(t);
    const [t0, sent, recv] = await page.evaluate(() => [window.__t0, window.__sent[0], window.__recv[window.__recv.length - 1]]);
    if (sent !== undefined && recv !== undefined) { hops.page.push(sent - t0); hops.server.push(recv - sent); hops.render.push(t0 + t - recv); }
  }
  // The browser's floor: the same keystrokes echoed locally by an xterm.js in the same page (no server at all).
  const local = await page.evaluate(async count => {
    const div = document.createElement("div");
    div.style.cssText = "width:800px;height:300px";
    document.body.prepend(div);
    const term = new Terminal({ fontFamily: "monospace", fontSize: 14 });
    term.open(div);
    term.onData(d => term.write(d));
    term.focus();
    const rows = div.querySelector(".xterm-rows");
    const out = [];
    for (let i = 1; i <= count; i++) {
      const echoed = new Promise(resolve => {
        const observer = new MutationObserver(() => {
          if ((rows.textContent.match(/q/g) || []).length >= i) { observer.disconnect(); resolve(); }
        });
        observer.observe(rows, { childList: true, subtree: true, characterData: true });
      });
      const t0 = performance.now();
      div.querySelector(".xterm-helper-textarea").dispatchEvent(new KeyboardEvent("keydown", { key: "q", code: "KeyQ", keyCode: 81, bubbles: true }));
      await echoed;
      out.push(performance.now() - t0);
    }
    return out;
  }, N);
  await browser.close();
  return { times, local, hops };
}

function request(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path, method, headers: { "Content-Type": "application/json" } }, res => {
      let data = ""; res.on("data", d => data += d); res.on("end", () => resolve(JSON.parse(data || "{}")));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

async function api() {
  const { Id } = await request("POST", `/containers/${container}/exec`, { AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, Cmd: ["sh"] });
  const socket = await new Promise((resolve, reject) => {
    const body = JSON.stringify({ Detach: false, Tty: true });
    const req = http.request({ socketPath, path: `/exec/${Id}/start`, method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), Connection: "Upgrade", Upgrade: "tcp" } });
    req.on("upgrade", (_res, s) => resolve(s));
    req.on("error", reject);
    req.end(body);
  });
  let seen = 0, waiter = null;
  socket.on("data", d => { for (const b of d) if (b === 0x71) seen++; if (waiter) waiter(); });
  await new Promise(r => setTimeout(r, 300)); // the prompt
  const times = [];
  for (let i = 1; i <= N + 10; i++) {
    const t0 = performance.now();
    const done = new Promise(r => { waiter = () => { if (seen >= i) { waiter = null; r(); } }; });
    socket.write("q");
    await done;
    if (i > 10) times.push(performance.now() - t0);
  }
  socket.end("\x15exit\r");
  return times;
}

function report(name, times) {
  const s = [...times].sort((a, b) => a - b);
  console.log(`${name} ${percentile(s, 50).toFixed(2)} ${percentile(s, 95).toFixed(2)}`);
}

report("api", await api());
const { times, local, hops } = await web();
report("web", times);
report("local", local);
for (const [name, t] of Object.entries(hops)) if (t.length > 0) report(`hop-${name}`, t);

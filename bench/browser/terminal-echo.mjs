// Keystroke-to-echo latency of the web terminal (keydown in the page → hub → exec'd shell's pty echo → SignalR →
// xterm.js → DOM), against the same keystroke over the Docker API's hijacked exec stream on the unix socket (no
// browser, no SignalR), and against two floors in the same page with the same key input: an xterm.js fed by a trivial
// loopback WebSocket echo server (what any server can at best achieve in this browser) and one echoing locally (no
// network). N keystrokes each. Prints "api|web|wsecho|local p50 p95" in milliseconds.
// Usage: node terminal-echo.mjs WEB_BASE USER PASSWORD CONTAINER SOCKET [N=200]
import crypto from "node:crypto";
import http from "node:http";
import { signedInPage, percentile } from "./common.mjs";

const [webBase, user, password, container, socketPath, n = "200"] = process.argv.slice(2);
const N = Number(n);

// Presses "q" N+10 times with the same real (CDP) key input, each after the last echo showed, and times each from the
// keydown event in the page to the echoed character in the DOM of the terminal whose rows `rowsId` names (the first
// ten warm up). Every variant is timed this same way, so they differ only in what happens between key and echo.
async function typeAndTime(page, rowsId) {
  await page.evaluate(id => {
    const rows = document.querySelector(`[data-echo-rows="${id}"]`);
    window.__count = () => (rows.textContent.match(/q/g) || []).length;
    window.__echo = (expected) => new Promise(resolve => {
      const check = () => { if (window.__count() >= expected) { observer.disconnect(); resolve(performance.now() - window.__t0); return true; } return false; };
      const observer = new MutationObserver(check);
      observer.observe(rows, { childList: true, subtree: true, characterData: true });
      check();
    });
  }, rowsId);
  const times = [];
  for (let i = 1; i <= N + 10; i++) {
    const echoed = page.evaluate(expected => window.__echo(expected), i);
    await page.keyboard.press("q");
    const t = await echoed;
    if (i > 10) times.push(t);
  }
  return times;
}

// A second xterm.js in the same page, focused; `how` wires its input to its output: "local" writes each keystroke
// straight back (no network), "ws" sends it to a trivial WebSocket echo server on loopback and writes what comes back.
async function extraTerminal(page, id, how, wsUrl) {
  await page.evaluate(async ({ id, how, wsUrl }) => {
    document.querySelectorAll("[data-echo-term]").forEach(d => d.remove());
    const div = document.createElement("div");
    div.dataset.echoTerm = id;
    div.style.cssText = "width:800px;height:300px";
    document.body.prepend(div);
    const term = new Terminal({ fontFamily: "monospace", fontSize: 14 });
    term.open(div);
    if (how === "local") term.onData(d => term.write(d));
    else {
      const ws = new WebSocket(wsUrl);
      await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
      ws.onmessage = e => term.write(e.data);
      term.onData(d => ws.send(d));
    }
    div.querySelector(".xterm-rows").dataset.echoRows = id;
  }, { id, how, wsUrl });
  await page.focus(`[data-echo-term="${id}"] .xterm-helper-textarea`);
}

async function web(wsUrl) {
  const { browser, page } = await signedInPage(webBase, user, password, `/containers/${container}`);
  await page.getByRole("tab", { name: "Terminal" }).click();
  await page.click("[data-testid=terminal-open]");
  await page.waitForSelector("[data-testid=terminal][data-session]");
  await page.waitForFunction(() => document.querySelector("[data-testid=terminal] .xterm-rows").textContent.includes("#"));
  await page.evaluate(() => {
    document.querySelector("[data-testid=terminal] .xterm-rows").dataset.echoRows = "web";
    document.addEventListener("keydown", () => { window.__t0 = performance.now(); }, true);
  });
  await page.focus("[data-testid=terminal] .xterm-helper-textarea");
  const times = await typeAndTime(page, "web");
  // The browser's floor for any server: the same keys echoed by a WebSocket server that does nothing but echo.
  await extraTerminal(page, "ws", "ws", wsUrl);
  const floor = await typeAndTime(page, "ws");
  // And for no server at all: xterm.js echoing locally.
  await extraTerminal(page, "local", "local");
  const local = await typeAndTime(page, "local");
  await browser.close();
  return { times, floor, local };
}

// The trivial WebSocket echo server (RFC 6455 text frames, masked from the browser, short messages only).
function echoServer() {
  const server = http.createServer();
  server.on("upgrade", (req, socket) => {
    const accept = crypto.createHash("sha1").update(req.headers["sec-websocket-key"] + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest("base64");
    socket.setNoDelay(true);
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    let buf = Buffer.alloc(0);
    socket.on("data", d => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 6) {
        const len = buf[1] & 0x7f;
        if (len > 125) { socket.destroy(); return; }
        if (buf.length < 6 + len) return;
        const mask = buf.subarray(2, 6), payload = Buffer.from(buf.subarray(6, 6 + len));
        for (let i = 0; i < len; i++) payload[i] ^= mask[i % 4];
        const opcode = buf[0] & 0x0f;
        buf = buf.subarray(6 + len);
        if (opcode === 1) socket.write(Buffer.concat([Buffer.from([0x81, len]), payload]));
        else if (opcode === 8) socket.end();
      }
    });
  });
  return new Promise(resolve => server.listen(0, "127.0.0.1", () => resolve(server)));
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
const echo = await echoServer();
const { times, floor, local } = await web(`ws://127.0.0.1:${echo.address().port}/`);
echo.close();
report("web", times);
report("wsecho", floor);
report("local", local);

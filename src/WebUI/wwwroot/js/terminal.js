// The web terminal: xterm.js (+ fit addon) in the page, talking to /hubs/terminal over SignalR. The hub connection is
// authenticated by the session cookie the browser sends with it (no token in the URL). One connection per page load,
// shared by every terminal view; sessions live on the server, so a view can go away and join again later.
window.webuiTerminal = (function () {
    const views = new Map(); // element -> view
    let connection = null;
    let connecting = null;

    function viewOf(sessionId) {
        for (const v of views.values()) if (v.sessionId === sessionId) return v;
        return null;
    }

    async function connect() {
        if (connection && connection.state === "Connected") return connection;
        if (connecting) return connecting;
        connection = new signalR.HubConnectionBuilder().withUrl("/hubs/terminal").withAutomaticReconnect().build();
        connection.on("output", (sessionId, seq, text) => {
            const v = viewOf(sessionId);
            if (!v) return;
            if (!v.joined) { v.early.push([seq, text]); return; }
            if (seq <= v.seq) return;
            v.seq = seq;
            v.term.write(text);
        });
        connection.on("exited", (sessionId, code) => {
            const v = viewOf(sessionId);
            if (v) showExit(v, code);
        });
        connection.onreconnected(async () => {
            for (const v of views.values()) if (v.sessionId) await join(v, v.sessionId);
        });
        connecting = connection.start().then(() => connection).finally(() => { connecting = null; });
        return connecting;
    }

    function showExit(v, code) {
        if (v.exited) return;
        v.exited = true;
        v.term.write(`\r\n\x1b[2m[process exited with code ${code}]\x1b[0m\r\n`);
        v.element.dataset.exitCode = String(code);
        if (v.dotnet) v.dotnet.invokeMethodAsync("OnExited", v.sessionId, code).catch(() => {});
    }

    function createView(element, dotnet) {
        dispose(element);
        // A steady cursor: a blinking one restarts its animation on every key, which requests a frame, and Chromium
        // holds every task after a key (the echo's WebSocket message too) until that frame is drawn: the echo then
        // shows a frame (16.7 ms) later (docs/architecture.md, bench/terminal-echo.sh).
        const term = new Terminal({ cursorBlink: false, scrollback: 5000, fontFamily: "monospace", fontSize: 14, convertEol: false });
        const fit = new FitAddon.FitAddon();
        term.loadAddon(fit);
        term.open(element);
        fit.fit();
        const v = { element, term, fit, dotnet, sessionId: null, seq: 0, joined: false, early: [], queue: "", inFlight: 0, inputFailed: false, exited: false };
        term.onData(data => send(v, data));
        term.onResize(({ rows, cols }) => {
            if (v.sessionId && !v.exited) connection.invoke("Resize", v.sessionId, rows, cols).catch(() => {});
        });
        v.observer = new ResizeObserver(() => { try { fit.fit(); } catch { } });
        v.observer.observe(element);
        views.set(element, v);
        return v;
    }

    // Keystrokes and pastes go out in order and at once, without waiting for the previous one's answer (a key typed
    // while one is on its way is not held back a round trip): the hub runs one connection's calls one at a time in
    // the order sent (MaximumParallelInvocationsPerClient = 1), each written into the process before the next starts.
    // At most INPUT_WINDOW characters are unanswered at a time, so a large paste (100 KB arrives whole) goes at the
    // pace the process reads it, in chunks of INPUT_CHUNK characters (under the hub's 64 KB message limit).
    const INPUT_CHUNK = 4096;
    const INPUT_WINDOW = 64 * 1024;

    function send(v, data) {
        if (!v.sessionId || v.exited) return;
        v.queue += data;
        pump(v);
    }

    function pump(v) {
        while (v.queue.length > 0 && v.inFlight < INPUT_WINDOW) {
            let n = Math.min(v.queue.length, INPUT_CHUNK);
            const last = v.queue.charCodeAt(n - 1);
            if (n < v.queue.length && last >= 0xd800 && last <= 0xdbff) n--; // never split a surrogate pair
            const chunk = v.queue.slice(0, n);
            v.queue = v.queue.slice(n);
            v.inFlight += n;
            connection.invoke("Input", v.sessionId, chunk).then(() => {
                answered(v, n);
                pump(v);
            }, e => {
                // Refused (session ended, access withdrawn, connection lost): drop what is still queued and say so once.
                v.queue = "";
                if (!v.inputFailed) v.term.write(`\r\n\x1b[31m[${message(e)}]\x1b[0m\r\n`);
                v.inputFailed = true;
                answered(v, n);
            });
        }
    }

    function answered(v, n) {
        v.inFlight -= n;
        if (v.inFlight === 0) v.inputFailed = false;
    }

    async function join(v, sessionId) {
        v.sessionId = sessionId;
        v.joined = false;
        v.early = [];
        const snapshot = await connection.invoke("Join", sessionId);
        v.term.reset();
        v.term.write(snapshot.scrollback);
        v.seq = snapshot.seq;
        for (const [seq, text] of v.early) if (seq > v.seq) { v.seq = seq; v.term.write(text); }
        v.early = [];
        v.joined = true;
        v.exited = false;
        if (snapshot.session.exited) showExit(v, snapshot.session.exitCode);
        else await connection.invoke("Resize", sessionId, v.term.rows, v.term.cols).catch(() => {});
        v.element.dataset.session = sessionId;
        v.term.focus();
    }

    function message(e) {
        return (e && e.message ? e.message : String(e)).replace(/^.*HubException: /, "");
    }

    async function open(element, request, dotnet) {
        await connect();
        const v = createView(element, dotnet);
        const dims = v.fit.proposeDimensions() || { rows: 24, cols: 80 };
        try {
            const session = await connection.invoke("Open", {
                containerId: request.containerId, mode: request.mode, command: request.command, user: request.user,
                rows: dims.rows || 24, cols: dims.cols || 80,
            });
            await join(v, session.id);
            return session.id;
        } catch (e) {
            dispose(element);
            throw new Error(message(e));
        }
    }

    async function attach(element, sessionId, dotnet) {
        await connect();
        const v = createView(element, dotnet);
        try {
            await join(v, sessionId);
        } catch (e) {
            dispose(element);
            throw new Error(message(e));
        }
    }

    async function close(sessionId) {
        await connect();
        try { await connection.invoke("Close", sessionId); } catch (e) { throw new Error(message(e)); }
    }

    function dispose(element) {
        const v = views.get(element);
        if (!v) return;
        views.delete(element);
        v.observer.disconnect();
        if (v.sessionId && connection && connection.state === "Connected") connection.invoke("Leave", v.sessionId).catch(() => {});
        v.term.dispose();
        delete element.dataset.session;
        delete element.dataset.exitCode;
    }

    // Plays an asciicast v2 recording: output events at their recorded times (pauses capped at one second).
    function replay(element, cast, speed) {
        play(element, cast, speed).catch(e => { element.dataset.done = "error"; console.warn(e); });
    }

    async function play(element, cast, speed) {
        dispose(element);
        const lines = cast.split("\n").filter(l => l.trim().length > 0);
        const header = JSON.parse(lines[0]);
        const term = new Terminal({ rows: header.height || 24, cols: header.width || 80, fontFamily: "monospace", fontSize: 13, disableStdin: true });
        term.open(element);
        const token = {};
        element._replay = token;
        element.dataset.done = "0";
        views.set(element, { element, term, observer: { disconnect() {} }, sessionId: null });
        let clock = 0;
        for (const line of lines.slice(1)) {
            const [time, code, data] = JSON.parse(line);
            const wait = Math.min(Math.max(time - clock, 0), 1) / (speed || 1);
            clock = time;
            if (wait > 0.002) await new Promise(r => setTimeout(r, wait * 1000));
            if (element._replay !== token) return;
            if (code === "o") term.write(data);
            else if (code === "r") { const [c, r] = data.split("x").map(Number); if (c > 0 && r > 0) term.resize(c, r); }
        }
        term.write("", () => { element.dataset.done = "1"; });
    }

    return { open, attach, close, dispose, replay, connect };
})();

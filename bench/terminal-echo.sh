#!/usr/bin/env bash
# Web terminal keystroke-to-echo latency over N keystrokes (p50, p95) in headless Chromium: keydown in the page →
# SignalR hub → exec'd shell's pty echo → SignalR → xterm.js → DOM. Side by side with the same keystroke over the
# Docker API's hijacked exec stream on the unix socket (the engine's path without browser, SignalR and xterm.js), and
# with two floors measured in the same page with the same real key input (CDP key presses, each after the last echo
# showed): an xterm.js fed by a trivial loopback WebSocket echo server (the best any server can do in this browser)
# and an xterm.js echoing locally (no network). Both are painted in the frame after the key; so is the web terminal's
# echo as long as nothing asks for a frame on the key itself (Chromium defers every task after a discrete key event,
# network messages too, until a pending frame has been drawn: a blinking cursor cost a whole frame; docs/architecture.md).
# Goal (issue 7): web p95 <= 20 ms on loopback.
# Usage: bench/terminal-echo.sh [N=200]
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/browser-lib.sh"
N=${1:-200}

start_webui
browser_driver_ready
docker run -d --name bench-term --network none busybox sleep 100000 >/dev/null
out=$(node "$REPO/bench/browser/terminal-echo.mjs" "$WEB_BASE" admin "$BENCH_ADMIN_PASSWORD" bench-term "$BENCH_ROOT/run/docker.sock" "$N")
read -r _ api50 api95 <<<"$(grep '^api ' <<<"$out")"
read -r _ web50 web95 <<<"$(grep '^web ' <<<"$out")"
read -r _ ws50 ws95 <<<"$(grep '^wsecho ' <<<"$out")"
read -r _ loc50 loc95 <<<"$(grep '^local ' <<<"$out")"
printf '%-44s %8s %8s\n' "keystroke to echo, $N keys (ms)" p50 p95
printf '%-44s %8s %8s\n' "docker API exec stream (unix socket)" "$api50" "$api95" "xterm.js local echo in Chromium (no server)" "$loc50" "$loc95" \
  "xterm.js + loopback WebSocket echo server" "$ws50" "$ws95" \
  "web terminal (Chromium, SignalR, xterm.js)" "$web50" "$web95"
printf 'ratio web/api: p50 %.2f  p95 %.2f\n' "$(echo "$web50 / $api50" | bc -l)" "$(echo "$web95 / $api95" | bc -l)"
printf 'ratio web/websocket-echo floor: p50 %.2f  p95 %.2f\n' "$(echo "$web50 / $ws50" | bc -l)" "$(echo "$web95 / $ws95" | bc -l)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v p="$web95" 'BEGIN { exit !(p <= 20) }' && echo "goal p95 <= 20 ms: met" || echo "goal p95 <= 20 ms: NOT met"

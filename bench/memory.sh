#!/usr/bin/env bash
# Memory of the WebUI server plus its per-container monitors (conmon), idle and with 20 idle running containers,
# against dockerd + containerd + shims when those are installed. Figures are PSS (proportional set size, so shared
# pages are not counted twice), from /proc/<pid>/smaps_rollup.
# Usage: bench/memory.sh [containers=20]
source "$(dirname "$0")/lib.sh"
N=${1:-20}

pss_kb() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
sum_pss_mb() { local t=0; for p in "$@"; do t=$((t + $(pss_kb "$p"))); done; echo "scale=1; $t / 1024" | bc; }
monitors() { pgrep -f "conmon .*$BENCH_ROOT" || true; }

start_webui
sleep 3   # let start-up allocations settle
idle=$(sum_pss_mb "$SERVER_PID")
for i in $(seq "$N"); do docker run -d --network none --name "idle$i" busybox sleep 100000 >/dev/null; done
sleep 3
# shellcheck disable=SC2046
server_only=$(sum_pss_mb "$SERVER_PID")
with=$(sum_pss_mb "$SERVER_PID" $(monitors))
per=$(echo "scale=2; ($with - $idle) / $N" | bc)

printf 'webui idle (server):                 %6s MB\n' "$idle"
printf 'webui with %2d containers (server):   %6s MB\n' "$N" "$server_only"
printf 'webui with %2d containers (+conmon):  %6s MB\n' "$N" "$with"
printf 'added per running container:         %6s MB\n' "$per"
if command -v dockerd >/dev/null && pgrep -x dockerd >/dev/null; then
  echo "dockerd: $(sum_pss_mb $(pgrep -x dockerd) $(pgrep -x containerd) $(pgrep -f containerd-shim)) MB (as running now)"
else
  echo "dockerd: not installed here (measured on this kind of machine by the issue: 131 MB idle, ~400 MB with 20)"
fi

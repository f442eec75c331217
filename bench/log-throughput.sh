#!/usr/bin/env bash
# The logs tab following a container that writes ~RATE MB/s (1 MB of 100-byte lines every 1/RATE s) for SECONDS in
# headless Chromium: lines the view took in, frame gaps, long tasks and the answer time of a control, side by side with
# `docker logs -f` (the CLI over the unix socket) reading the same container for the same time.
# Goal (issue 7): the browser stays responsive at 10 MB/s.
# Usage: bench/log-throughput.sh [RATE_MB_S=10] [SECONDS=10]
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/browser-lib.sh"
RATE=${1:-10}
SECONDS_=${2:-10}

start_webui
browser_driver_ready
pause=$(echo "scale=3; 1 / $RATE" | bc)
docker run -d --name bench-logs --network none busybox sh -c \
  "yes 0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopq | head -n 10000 > /tmp/chunk;
   while true; do cat /tmp/chunk; sleep $pause; done" >/dev/null
sleep 1
log="$BENCH_ROOT/data/containers/$(docker inspect -f '{{.Id}}' bench-logs)"
log_bytes() { du -sb "$log" | cut -f1; }

s0=$(log_bytes); t0=$(date +%s%N)
cli_bytes=$(timeout "$SECONDS_" docker logs -f --tail 0 bench-logs 2>/dev/null | wc -c || true)
t1=$(date +%s%N); s1=$(log_bytes)
written=$(echo "scale=2; ($s1 - $s0) / (($t1 - $t0) / 1000000000) / 1000000" | bc)

out=$(node "$REPO/bench/browser/log-throughput.mjs" "$WEB_BASE" admin "$BENCH_ADMIN_PASSWORD" bench-logs "$SECONDS_")
read -r _ lines first <<<"$(grep '^lines ' <<<"$out")"
read -r _ f50 f95 fmax <<<"$(grep '^frames ' <<<"$out")"
read -r _ long_ms long_n <<<"$(grep '^longtasks ' <<<"$out")"
read -r _ c50 c95 <<<"$(grep '^click ' <<<"$out")"

printf 'container writes: %s MB/s (log file growth, %s-byte lines)\n' "$written" 100
printf '%-40s %s\n' "docker logs -f (CLI), ${SECONDS_}s" "$(echo "scale=2; $cli_bytes / $SECONDS_ / 1000000" | bc) MB/s read"
printf '%-40s %s\n' "logs tab, ${SECONDS_}s" "$(echo "scale=2; ($lines - $first) * 100 / $SECONDS_ / 1000000" | bc) MB/s taken in ($((lines - first)) lines; it shows the newest 20000)"
printf '%-40s p50 %s ms  p95 %s ms  max %s ms\n' "  frame gaps (60 Hz = 16.7)" "$f50" "$f95" "$fmax"
printf '%-40s %s ms in %s tasks (of %s s)\n' "  long tasks (>50 ms)" "$long_ms" "$long_n" "$SECONDS_"
printf '%-40s p50 %s ms  p95 %s ms\n' "  a control's answer (toggle timestamps)" "$c50" "$c95"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

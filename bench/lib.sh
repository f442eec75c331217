# Shared helpers of the benchmarks: a throwaway WebUI server, a busybox rootfs, timing and medians.
set -euo pipefail
BENCH_ROOT=$(mktemp -d /tmp/wb.XXXXXX)
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WEBUI_DLL=""
SERVER_PID=""

cleanup() {
  if [[ -n "$SERVER_PID" ]]; then
    DOCKER_HOST="unix://$BENCH_ROOT/run/docker.sock" docker ps -aq | xargs -r env DOCKER_HOST="unix://$BENCH_ROOT/run/docker.sock" docker rm -f >/dev/null 2>&1 || true
    kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true
  fi
  for m in $(awk '{print $5}' /proc/self/mountinfo | grep "^$BENCH_ROOT/" | sort -r); do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$BENCH_ROOT"
}
trap cleanup EXIT

# busybox_rootfs DIR: a root file system with the host's static busybox and its applet links.
busybox_rootfs() {
  local dir=$1
  mkdir -p "$dir"/{bin,sbin,usr/bin,usr/sbin,etc,proc,sys,dev,tmp,root}
  cp /bin/busybox "$dir/bin/busybox"
  for a in $(/bin/busybox --list-full); do [[ -e "$dir/$a" ]] || ln -s /bin/busybox "$dir/$a"; done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$dir/etc/passwd"
  echo 'root:x:0:' > "$dir/etc/group"
}

# start_webui: publishes the server as deploy/run.sh runs it (deploy/publish.sh: Release, ReadyToRun; incremental: a
# build left over from older sources would be benchmarked otherwise, and an old server answers routes it did not have
# yet with "page not found"), or with CONFIGURATION=Debug|Release a plain build of that configuration; starts it on
# BENCH_ROOT (web port: WEBUI_URLS, default any free one), imports busybox.
start_webui() {
  if [[ -n "${CONFIGURATION:-}" ]]; then
    dotnet build "$REPO/src/WebUI" -c "$CONFIGURATION" -nologo -v:q -clp:ErrorsOnly >&2
    WEBUI_DLL="$REPO/src/WebUI/bin/$CONFIGURATION/net10.0/WebUI.dll"
  else
    WEBUI_DLL=$("$REPO/deploy/publish.sh")
  fi
  Engine__DataRoot="$BENCH_ROOT/data" Engine__ExecRoot="$BENCH_ROOT/run" Urls="${WEBUI_URLS:-http://127.0.0.1:0}" \
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$WEBUI_DLL" > "$BENCH_ROOT/server.log" 2>&1 &
  SERVER_PID=$!
  export DOCKER_HOST="unix://$BENCH_ROOT/run/docker.sock"
  for _ in $(seq 300); do docker version >/dev/null 2>&1 && break; sleep 0.1; done
  docker version >/dev/null || { echo "the server did not answer on $DOCKER_HOST; its log:" >&2; cat "$BENCH_ROOT/server.log" >&2; exit 1; }
  busybox_rootfs "$BENCH_ROOT/bbroot"
  tar -C "$BENCH_ROOT/bbroot" -cf "$BENCH_ROOT/busybox.tar" .
  docker import --change 'CMD ["sh"]' "$BENCH_ROOT/busybox.tar" busybox:latest >/dev/null
}

# time_runs N CMD...: runs CMD N times, prints each wall time in seconds, one a line.
time_runs() {
  local n=$1; shift
  for _ in $(seq "$n"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; e=$(date +%s%N)
    echo "scale=4; ($e - $s) / 1000000000" | bc
  done
}

# interleaved N NAME1 CMD1 NAME2 CMD2 ...: runs each command once per round, N rounds, so that every variant sees the same
# load (this machine is shared); writes each variant's times to $BENCH_ROOT/times.NAME. CMDs are strings (eval'd).
interleaved() {
  local n=$1; shift
  local -a names=() cmds=()
  while (($#)); do names+=("$1"); cmds+=("$2"); shift 2; done
  for name in "${names[@]}"; do : > "$BENCH_ROOT/times.$name"; done
  for _ in $(seq "$n"); do
    local k
    for k in "${!names[@]}"; do
      local s e
      s=$(date +%s%N); eval "${cmds[$k]}" >/dev/null 2>&1 || { echo "failed: ${cmds[$k]}" >&2; return 1; }; e=$(date +%s%N)
      echo "scale=4; ($e - $s) / 1000000000" | bc >> "$BENCH_ROOT/times.${names[$k]}"
    done
  done
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.4f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# spread: min, lower quartile, median, upper quartile, max of the times on stdin (a slow mode shows as a gap).
spread() { sort -n | awk '{a[NR]=$1} END {printf "min %.4f  q1 %.4f  median %.4f  q3 %.4f  max %.4f\n", a[1], a[int((NR+3)/4)], (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[int((3*NR+3)/4)], a[NR]}'; }

# q1: the lower quartile. On a machine shared with other work, bursts of load move medians by tens of ms.
q1() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+3)/4)]}'; }

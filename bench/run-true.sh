#!/usr/bin/env bash
# `docker run --rm busybox true` (network none) through WebUI, against bare `runc run` of an equivalent bundle,
# and against dockerd when one is installed; medians of N runs and their ratios, in one run.
# Usage: bench/run-true.sh [N=20]
source "$(dirname "$0")/lib.sh"
N=${1:-20}
command -v bc >/dev/null || apt-get install -y -qq bc >/dev/null

start_webui
docker run --rm --network none busybox true   # warm-up: snapshot unpacked, JIT warm

# Bare runc: the same rootfs, runc's default spec (its own pid/net/ipc/uts/mount namespaces), args = true.
bundle="$BENCH_ROOT/bundle"; mkdir -p "$bundle"
cp -a "$BENCH_ROOT/bbroot" "$bundle/rootfs"
(cd "$bundle" && runc spec)
sed -i 's/"terminal": true/"terminal": false/; s/"sh"/"true"/' "$bundle/config.json"
i=0
runc_one() { i=$((i+1)); runc --root "$BENCH_ROOT/runc" run -b "$bundle" "bench$$-$RANDOM$i"; }
runc_one

# Alternating, so both see the same load on this shared machine.
interleaved "$N" webui "docker run --rm --network none busybox true" runc runc_one
webui=$(median < "$BENCH_ROOT/times.webui")
bare=$(median < "$BENCH_ROOT/times.runc")

printf '%-28s %8s s\n' "bare runc run" "$bare" "webui docker run --rm" "$webui"
printf 'ratio webui/runc: %.2f\n' "$(echo "$webui / $bare" | bc -l)"
if command -v dockerd >/dev/null && [[ -S /var/run/docker.sock ]]; then
  DOCKER_HOST=unix:///var/run/docker.sock docker run --rm --network none busybox true
  dockerd_t=$(DOCKER_HOST=unix:///var/run/docker.sock time_runs "$N" docker run --rm --network none busybox true | median)
  printf '%-28s %8s s\nratio webui/dockerd: %.2f\n' "dockerd docker run --rm" "$dockerd_t" "$(echo "$webui / $dockerd_t" | bc -l)"
else
  echo "dockerd: not installed here (measured on this kind of machine by the issue: 0.57 s median)"
fi

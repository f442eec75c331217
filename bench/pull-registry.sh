#!/usr/bin/env bash
# Pull (and push) of a ~160 MB image with two large layers (80 MB random, 80 MB compressible text) from a local
# docker-registry: WebUI's `docker pull` (download, verify, unpack) against `skopeo copy` (download and verify only)
# and dockerd when installed; medians of N fresh pulls, in one run. Push: WebUI `docker push` against skopeo copy.
# Usage: bench/pull-registry.sh [N=3]
source "$(dirname "$0")/lib.sh"
N=${1:-3}
command -v bc >/dev/null || apt-get install -y -qq bc >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_registry NAME: a docker-registry on a loopback port storing under BENCH_ROOT/NAME; sets REG_HOST=host:port.
# (Not called in a subshell, so the pid list used to stop them stays complete.)
REGISTRY_PIDS=()
REG_HOST=""
start_registry() {
  local dir="$BENCH_ROOT/$1" port; port=$(free_port); mkdir -p "$dir"
  printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s/data\nhttp:\n  addr: 127.0.0.1:%s\n' "$dir" "$port" > "$dir/config.yml"
  /usr/bin/docker-registry serve "$dir/config.yml" >"$dir/log" 2>&1 &
  REGISTRY_PIDS+=($!)
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.1; done
  REG_HOST="127.0.0.1:$port"
}
stop_registries() { for p in "${REGISTRY_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap 'stop_registries; cleanup' EXIT

start_webui
start_registry source; REG=$REG_HOST

# The image: two layers made with umoci, copied into the registry with skopeo.
L="$BENCH_ROOT/layout"; B="$BENCH_ROOT/bundle"
umoci init --layout "$L" && umoci new --image "$L:big"
umoci unpack --image "$L:big" "$B" >/dev/null
head -c 80M /dev/urandom > "$B/rootfs/random.bin"
umoci repack --refresh-bundle --image "$L:big" "$B"
{ yes 'WebUI benchmark: a line of compressible text, repeated until the layer is eighty megabytes.' || true; } | head -c 80M > "$B/rootfs/text.txt"
umoci repack --refresh-bundle --image "$L:big" "$B"
skopeo --insecure-policy copy -q --dest-tls-verify=false "oci:$L:big" "docker://$REG/bench/big:1"

# timed PREPARE CMD...: runs PREPARE untimed, then prints CMD's wall time in seconds.
timed() {
  local prepare=$1; shift
  $prepare
  local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; e=$(date +%s%N)
  echo "scale=4; ($e - $s) / 1000000000" | bc
}
webui_clean() { docker rmi -f "$REG/bench/big:1" >/dev/null 2>&1 || true; sync; }
webui_pull() { docker pull -q "$REG/bench/big:1"; }
skopeo_clean() { rm -rf "$BENCH_ROOT/skopeo-out"; sync; }
skopeo_pull() { skopeo --insecure-policy copy -q --src-tls-verify=false "docker://$REG/bench/big:1" "oci:$BENCH_ROOT/skopeo-out:big"; }
timed webui_clean webui_pull >/dev/null; timed skopeo_clean skopeo_pull >/dev/null   # warm-up: JIT, page cache of the registry's files
# The benchmark measures what it says only if both layers arrived: 160 MB unpacked, ~84 MB as blobs.
size=$(docker image inspect -f '{{.Size}}' "$REG/bench/big:1")
(( size >= 160 * 1024 * 1024 )) || { echo "pulled image is $size bytes, expected >= 160 MiB" >&2; exit 1; }
blobs=$(du -sb "$BENCH_ROOT/skopeo-out" | cut -f1)
(( blobs >= 80 * 1024 * 1024 )) || { echo "skopeo copied $blobs bytes, expected >= 80 MiB" >&2; exit 1; }
webui=$(for _ in $(seq "$N"); do timed webui_clean webui_pull; done | median)
skopeo_t=$(for _ in $(seq "$N"); do timed skopeo_clean skopeo_pull; done | median)

# Push to a fresh registry each time, so nothing is there to skip or mount.
push_clean() { start_registry "push$RANDOM"; PUSHREG=$REG_HOST; sync; }
webui_push() { docker tag "$REG/bench/big:1" "$PUSHREG/webui/big:1" && docker push -q "$PUSHREG/webui/big:1"; }
skopeo_push() { skopeo --insecure-policy copy -q --dest-tls-verify=false "oci:$BENCH_ROOT/skopeo-out:big" "docker://$PUSHREG/skopeo/big:1"; }
for _ in $(seq "$N"); do timed push_clean webui_push >> "$BENCH_ROOT/webui-push.times"; done
for _ in $(seq "$N"); do timed push_clean skopeo_push >> "$BENCH_ROOT/skopeo-push.times"; done
webui_push_t=$(median < "$BENCH_ROOT/webui-push.times")
skopeo_push_t=$(median < "$BENCH_ROOT/skopeo-push.times")

printf '%-34s %8s s\n' "skopeo copy (pull, no unpack)" "$skopeo_t" "webui docker pull" "$webui" \
  "skopeo copy (push)" "$skopeo_push_t" "webui docker push" "$webui_push_t"
printf 'ratio pull webui/skopeo: %.2f\nratio push webui/skopeo: %.2f\n' "$(echo "$webui / $skopeo_t" | bc -l)" "$(echo "$webui_push_t / $skopeo_push_t" | bc -l)"
if command -v dockerd >/dev/null && [[ -S /var/run/docker.sock ]]; then
  dclean() { DOCKER_HOST=unix:///var/run/docker.sock docker rmi -f "$REG/bench/big:1" >/dev/null 2>&1 || true; sync; }
  dpull() { DOCKER_HOST=unix:///var/run/docker.sock docker pull -q "$REG/bench/big:1"; }
  timed dclean dpull >/dev/null
  d=$(for _ in $(seq "$N"); do timed dclean dpull; done | median)
  printf '%-34s %8s s\nratio webui/dockerd: %.2f\n' "dockerd docker pull" "$d" "$(echo "$webui / $d" | bc -l)"
else
  echo "dockerd: not installed here (measured on this kind of machine by the issue: pull 2.2 s, skopeo 0.97 s)"
fi

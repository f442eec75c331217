#!/usr/bin/env bash
# `docker run --rm busybox true` (network none) through WebUI, against bare `runc run` of an equivalent bundle (runc's
# default spec, and the spec WebUI writes), and against dockerd when one is installed; medians of N runs and ratios, in one run.
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

# Bare runc again, with the spec WebUI itself writes for this container (Docker's seccomp profile, capabilities, masked
# paths, cgroup mounts, device rules, /etc files): what runc alone costs for the same work, without conmon or the engine.
# runc's default spec above has no seccomp filter, whose compilation in `runc init` is most of the difference.
spec_bundle="$BENCH_ROOT/spec-bundle"; mkdir -p "$spec_bundle"
cp -a "$BENCH_ROOT/bbroot" "$spec_bundle/rootfs"
probe=$(docker create --network none busybox true)
docker start "$probe" >/dev/null; docker wait "$probe" >/dev/null
python3 - "$BENCH_ROOT/data/containers/$probe" "$spec_bundle" <<'PY'
import json, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
spec = json.load(open(f"{src}/bundle/config.json"))
spec["root"] = {"path": f"{dst}/rootfs"}
for f in ("hostname", "hosts", "resolv.conf"): shutil.copy(f"{src}/{f}", f"{dst}/{f}")
for m in spec["mounts"]:
    if m["destination"] in ("/etc/hostname", "/etc/hosts", "/etc/resolv.conf"): m["source"] = f"{dst}/{m['destination'][5:]}"
for ns in spec["linux"]["namespaces"]: ns.pop("path", None)   # runc makes the (none) network namespace itself
spec["linux"].pop("cgroupsPath", None)
json.dump(spec, open(f"{dst}/config.json", "w"))
PY
docker rm "$probe" >/dev/null
runc_spec_one() { i=$((i+1)); runc --root "$BENCH_ROOT/runc" run -b "$spec_bundle" "bench$$-$RANDOM$i"; }
runc_spec_one

# The same spec without its seccomp filter: only to show what compiling Docker's profile (x86_64, x86, x32 on amd64)
# in `runc init` costs. The engine never runs containers so unless asked (--security-opt seccomp=unconfined).
noseccomp_bundle="$BENCH_ROOT/noseccomp-bundle"; mkdir -p "$noseccomp_bundle"
python3 - "$spec_bundle" "$noseccomp_bundle" <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
spec = json.load(open(f"{src}/config.json"))
spec["linux"].pop("seccomp", None)
json.dump(spec, open(f"{dst}/config.json", "w"))
PY
runc_noseccomp_one() { i=$((i+1)); runc --root "$BENCH_ROOT/runc" run -b "$noseccomp_bundle" "bench$$-$RANDOM$i"; }
runc_noseccomp_one

# Alternating, so all see the same load on this shared machine.
interleaved "$N" webui "docker run --rm --network none busybox true" runc runc_one runcspec runc_spec_one nosec runc_noseccomp_one
webui=$(median < "$BENCH_ROOT/times.webui"); webui_q1=$(q1 < "$BENCH_ROOT/times.webui")
bare=$(median < "$BENCH_ROOT/times.runc"); bare_q1=$(q1 < "$BENCH_ROOT/times.runc")
bare_spec=$(median < "$BENCH_ROOT/times.runcspec"); bare_spec_q1=$(q1 < "$BENCH_ROOT/times.runcspec")
nosec=$(median < "$BENCH_ROOT/times.nosec"); nosec_q1=$(q1 < "$BENCH_ROOT/times.nosec")

# Medians and lower quartiles (q1, fairer on this shared machine: load bursts move medians by tens of ms).
printf '%-32s %9s %9s\n' "" median q1
printf '%-32s %7.4f s %7.4f s\n' "bare runc run (runc spec)" "$bare" "$bare_q1" "bare runc run (WebUI's spec)" "$bare_spec" "$bare_spec_q1" \
  "webui docker run --rm" "$webui" "$webui_q1"
printf '%-32s %7.4f s %7.4f s\n' "(runc, WebUI's spec w/o seccomp)" "$nosec" "$nosec_q1"
printf 'webui spread: %s\n' "$(spread < "$BENCH_ROOT/times.webui")"
printf "Docker's seccomp profile costs runc: %.0f ms (q1 %.0f ms)\n" "$(echo "($bare_spec - $nosec) * 1000" | bc -l)" "$(echo "($bare_spec_q1 - $nosec_q1) * 1000" | bc -l)"
printf 'ratio webui/runc: %.2f (q1 %.2f)\n' "$(echo "$webui / $bare" | bc -l)" "$(echo "$webui_q1 / $bare_q1" | bc -l)"
printf "ratio webui/runc with WebUI's spec: %.2f (q1 %.2f)\n" "$(echo "$webui / $bare_spec" | bc -l)" "$(echo "$webui_q1 / $bare_spec_q1" | bc -l)"
printf 'goal: webui <= 0.08 s\n'
# The engine turns this on at start (Engine:CgroupFavorDynMods); it is host-wide, so bare runc above ran with it too.
printf 'cgroup2 favordynmods: %s\n' "$(awk '{for (i = 7; i <= NF; i++) if ($i == "-") {if ($(i+1) == "cgroup2") {print ($(i+3) ~ /favordynmods/ ? "on" : "off"); exit} break}}' /proc/self/mountinfo)"
if command -v dockerd >/dev/null && [[ -S /var/run/docker.sock ]]; then
  DOCKER_HOST=unix:///var/run/docker.sock docker run --rm --network none busybox true
  dockerd_t=$(DOCKER_HOST=unix:///var/run/docker.sock time_runs "$N" docker run --rm --network none busybox true | median)
  printf '%-28s %8s s\nratio webui/dockerd: %.2f\n' "dockerd docker run --rm" "$dockerd_t" "$(echo "$webui / $dockerd_t" | bc -l)"
else
  echo "dockerd: not installed here (measured on this kind of machine by the issue: 0.57 s median)"
fi

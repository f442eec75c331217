#!/usr/bin/env bash
# `docker exec c true` round trip through WebUI (conmon --exec + runc exec), against bare `runc exec` into the same
# container, and against dockerd when one is installed; medians of N runs.
# Usage: bench/exec.sh [N=20]
source "$(dirname "$0")/lib.sh"
N=${1:-20}
command -v bc >/dev/null || apt-get install -y -qq bc >/dev/null

start_webui
docker run -d --name bench-exec --network none busybox sleep 100000 >/dev/null
docker exec bench-exec true   # warm-up

# Bare runc exec into the same container (runc's state lives under the server's exec root).
id=$(docker inspect -f '{{.Id}}' bench-exec)
runc_exec() { runc --root "$BENCH_ROOT/run/runc" exec "$id" true; }
runc_exec

# Alternating, so both see the same load on this shared machine.
interleaved "$N" webui "docker exec bench-exec true" runc runc_exec
webui=$(median < "$BENCH_ROOT/times.webui")
bare=$(median < "$BENCH_ROOT/times.runc")

printf '%-28s %8s s\n' "bare runc exec" "$bare" "webui docker exec" "$webui"
printf 'ratio webui/runc: %.2f\n' "$(echo "$webui / $bare" | bc -l)"
if command -v dockerd >/dev/null && [[ -S /var/run/docker.sock ]]; then
  DOCKER_HOST=unix:///var/run/docker.sock docker run -d --name bench-exec-d --network none busybox sleep 100000 >/dev/null
  DOCKER_HOST=unix:///var/run/docker.sock docker exec bench-exec-d true
  dockerd_t=$(DOCKER_HOST=unix:///var/run/docker.sock time_runs "$N" docker exec bench-exec-d true | median)
  DOCKER_HOST=unix:///var/run/docker.sock docker rm -f bench-exec-d >/dev/null
  printf '%-28s %8s s\nratio webui/dockerd: %.2f\n' "dockerd docker exec" "$dockerd_t" "$(echo "$webui / $dockerd_t" | bc -l)"
else
  echo "dockerd: not installed here"
fi

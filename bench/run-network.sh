#!/usr/bin/env bash
# `docker run --rm busybox true` on the default bridge, on a user-defined bridge and with network none, through WebUI
# (and dockerd when installed), medians of N runs side by side, and what bridge networking adds to none.
# Usage: bench/run-network.sh [N=20]
source "$(dirname "$0")/lib.sh"
N=${1:-20}
command -v bc >/dev/null || apt-get install -y -qq bc >/dev/null

# This server's own default bridge and subnets, so it never meets another engine's (or docker0).
BRIDGE="wbn$(printf '%04x' $RANDOM)"
export Engine__DefaultBridge__Name="$BRIDGE"
export Engine__DefaultBridge__Subnet="10.$((200 + RANDOM % 50)).$((RANDOM % 256)).0/24"
export Engine__AddressPools__0__Base="10.$((200 + RANDOM % 50)).$((RANDOM % 16 * 16)).0/20"
export Engine__AddressPools__0__Size=24
NET="bench$$"
net_cleanup() {
  docker network rm "$NET" >/dev/null 2>&1 || true
  cleanup
  # The default bridge's masquerade rule outlives the server (as docker0's does): this run's goes.
  while iptables -t nat -D POSTROUTING -s "$Engine__DefaultBridge__Subnet" ! -o "$BRIDGE" -m comment --comment "webui masquerade $BRIDGE" -j MASQUERADE 2>/dev/null; do :; done
  for dev in "$BRIDGE" $(ip -o link show type bridge 2>/dev/null | awk -F': ' '{print $2}' | grep '^br-' || true); do
    [[ "$dev" == "$BRIDGE" || -n "${NET_BRIDGE:-}" && "$dev" == "$NET_BRIDGE" ]] && ip link del "$dev" 2>/dev/null || true
  done
}
trap net_cleanup EXIT

start_webui
docker network create "$NET" >/dev/null
NET_BRIDGE="br-$(docker network inspect -f '{{.Id}}' "$NET" | cut -c1-12)"

for mode in none bridge "$NET"; do docker run --rm --network "$mode" busybox true; done   # warm-up
# Interleaved, so the three see the same load on this shared machine.
interleaved "$N" none "docker run --rm --network none busybox true" bridge "docker run --rm busybox true" \
  user "docker run --rm --network $NET busybox true"
none=$(median < "$BENCH_ROOT/times.none")
bridge=$(median < "$BENCH_ROOT/times.bridge")
user=$(median < "$BENCH_ROOT/times.user")
# The lower quartile too (q1, lib.sh).
q_none=$(q1 < "$BENCH_ROOT/times.none"); q_bridge=$(q1 < "$BENCH_ROOT/times.bridge"); q_user=$(q1 < "$BENCH_ROOT/times.user")

printf '%-34s %8s %8s\n' "" median q1
printf '%-34s %8.4f %8.4f s\n' "webui --network none" "$none" "$q_none" "webui default bridge" "$bridge" "$q_bridge" \
  "webui user-defined bridge" "$user" "$q_user"
printf 'bridge adds %.0f ms to none (q1 %.0f ms), user-defined bridge %.0f ms (q1 %.0f ms) (goal: <= 30 ms)\n' \
  "$(echo "($bridge - $none) * 1000" | bc -l)" "$(echo "($q_bridge - $q_none) * 1000" | bc -l)" \
  "$(echo "($user - $none) * 1000" | bc -l)" "$(echo "($q_user - $q_none) * 1000" | bc -l)"
if command -v dockerd >/dev/null && [[ -S /var/run/docker.sock ]]; then
  export DOCKER_HOST=unix:///var/run/docker.sock
  docker network create "$NET" >/dev/null
  for mode in none bridge "$NET"; do docker run --rm --network "$mode" busybox true; done
  d_none=$(time_runs "$N" docker run --rm --network none busybox true | median)
  d_bridge=$(time_runs "$N" docker run --rm busybox true | median)
  d_user=$(time_runs "$N" docker run --rm --network "$NET" busybox true | median)
  docker network rm "$NET" >/dev/null
  printf '%-34s %8.4f s\n' "dockerd --network none" "$d_none" "dockerd default bridge" "$d_bridge" "dockerd user-defined bridge" "$d_user"
else
  echo "dockerd: not installed here (measured on this kind of machine by the issue: 0.63 s bridge, 0.57 s none)"
fi

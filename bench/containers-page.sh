#!/usr/bin/env bash
# The dashboard's containers page with 500 containers (created, not started), in headless Debian Chromium:
# time to first render (first row in the DOM), to interactive (circuit up, rows shown) and a sort round trip; medians
# of N page loads. Side by side: `docker ps -a` listing the same 500 containers from the same engine over its socket.
# Goal (issue 7): page ≤ 1 s.
# Usage: bench/containers-page.sh [N=7] [CONTAINERS=500]
source "$(dirname "$0")/lib.sh"
N=${1:-7}
COUNT=${2:-500}
command -v bc >/dev/null || apt-get install -y -qq bc >/dev/null
[[ -x /usr/bin/chromium ]] || apt-get install -y -qq chromium >/dev/null

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
dotnet build "$REPO/bench/PageTiming" -c Release -nologo -v:q -clp:ErrorsOnly
export Auth__BootstrapAdminPassword="$PASSWORD"
WEBUI_URLS="http://127.0.0.1:$PORT" start_webui

s=$(date +%s%N)
seq "$COUNT" | xargs -P 4 -I{} docker create --network none --name "bench-page-{}" busybox true >/dev/null
e=$(date +%s%N)
echo "created $COUNT containers in $(echo "scale=1; ($e - $s) / 1000000000" | bc) s"
[[ $(docker ps -aq | wc -l) -eq $COUNT ]] || { echo "expected $COUNT containers" >&2; exit 1; }

docker ps -a >/dev/null
cli=$(time_runs "$N" docker ps -a | median)

out="$BENCH_ROOT/page.txt"
dotnet "$REPO/bench/PageTiming/bin/Release/net10.0/PageTiming.dll" "http://127.0.0.1:$PORT" admin "$PASSWORD" /containers \
  "[data-testid=container-link]" "$((N + 1))" | tee "$out"
# The first load warms the server (JIT, first circuit): left out of the medians.
first=$(awk 'NR>2 {print $2/1000}' "$out" | median)
inter=$(awk 'NR>2 {print $3/1000}' "$out" | median)
sort_t=$(awk 'NR>2 {print $4/1000}' "$out" | median)

printf '%-44s %8s s\n' "docker ps -a ($COUNT containers)" "$cli" \
  "page: first render ($COUNT containers)" "$first" "page: interactive" "$inter" "page: sort round trip" "$sort_t"
printf 'ratio page interactive / docker ps -a: %.2f\n' "$(echo "$inter / $cli" | bc -l)"
printf 'goal page <= 1 s: %s\n' "$( (( $(echo "$inter <= 1" | bc -l) )) && echo met || echo NOT met)"

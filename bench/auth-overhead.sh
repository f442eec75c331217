#!/usr/bin/env bash
# What logins and authorization add to the Docker API: `docker ps` over the TCP listener with an API token (bearer
# header from config.json) against the same `docker ps` over the unix socket (no login, root-only), side by side in one
# run; then the same request without the CLI's process start (python http.client, one keep-alive connection each), so
# the per-request difference is not lost in the CLI's ~50 ms. Goal: at most 1 ms added per request.
# Usage: bench/auth-overhead.sh [N=50 CLI runs] [M=2000 raw requests]
source "$(dirname "$0")/lib.sh"
N=${1:-50}
M=${2:-2000}
command -v bc >/dev/null || apt-get install -y -qq bc >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WEB_PORT=$(free_port)
TCP_PORT=$(free_port)
export WEBUI_URLS="http://127.0.0.1:$WEB_PORT" DockerApi__Tcp="127.0.0.1:$TCP_PORT" Auth__BootstrapAdminPassword="bench-admin-password"
start_webui
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$WEB_PORT/account/login" && break; sleep 0.1; done

# An API token made the way a user makes one: sign in, then the Account page's form (antiforgery and all).
TOKEN=$(python3 - "$WEB_PORT" <<'PY'
import sys, re, urllib.request, urllib.parse, http.cookiejar
base = f"http://127.0.0.1:{sys.argv[1]}"
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
jar = http.cookiejar.CookieJar()
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
def submit(path, form, fields):
    html = web.open(base + path).read().decode()
    block = next(f for f in re.findall(r"<form\b.*?</form>", html, re.S) if f'value="{form}"' in f)
    values = dict(re.findall(r'<input\b(?=[^>]*type="hidden")(?=[^>]*name="([^"]*)")(?=[^>]*value="([^"]*)")', block))
    values.update(fields)
    try:
        return web.open(base + path, urllib.parse.urlencode(values).encode()).read().decode()
    except urllib.error.HTTPError as e:
        return e.read().decode()
submit("/account/login", "login", {"Input.UserName": "admin", "Input.Password": "bench-admin-password"})
page = submit("/account/tokens", "token-create", {"Create.Name": "bench", "Create.Days": ""})
print(re.search(r'<pre data-testid="new-token">([^<]+)</pre>', page).group(1))
PY
)
CFG="$BENCH_ROOT/docker-config"
mkdir -p "$CFG"
printf '{"HttpHeaders":{"Authorization":"Bearer %s"}}\n' "$TOKEN" > "$CFG/config.json"
SOCK="$BENCH_ROOT/run/docker.sock"

ps_socket() { DOCKER_HOST="unix://$SOCK" docker ps; }
ps_tcp() { DOCKER_HOST="tcp://127.0.0.1:$TCP_PORT" DOCKER_CONFIG="$CFG" docker ps; }
docker run -d --name bench-auth --network none busybox sleep 100000 >/dev/null
ps_socket >/dev/null; ps_tcp >/dev/null   # warm-up (JIT, caches)
# interleaved A B N: runs A and B alternately N times each (the machine's load hits both alike); prints "medianA medianB".
interleaved() {
  local a=$1 b=$2 n=$3 ta tb
  ta=$(mktemp); tb=$(mktemp)
  for _ in $(seq "$n"); do time_runs 1 "$a" >> "$ta"; time_runs 1 "$b" >> "$tb"; done
  echo "$(median < "$ta") $(median < "$tb")"
  rm -f "$ta" "$tb"
}
read -r socket_cli tcp_cli < <(interleaved ps_socket ps_tcp "$N")

# Raw requests: GET /containers/json M times on one keep-alive connection per side; median per request in ms.
read -r socket_raw tcp_raw < <(python3 - "$SOCK" "$TCP_PORT" "$TOKEN" "$M" <<'PY'
import sys, socket, time, http.client, statistics
sock, port, token, m = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
class UnixConn(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); self.sock.connect(sock)
def run(conn, headers):
    times = []
    for i in range(m + 50):
        s = time.perf_counter_ns()
        conn.request("GET", "/containers/json", headers=headers)
        r = conn.getresponse()
        body = r.read()
        assert r.status == 200, (r.status, body)
        if i >= 50: times.append((time.perf_counter_ns() - s) / 1e6)
    return statistics.median(times)
a = run(UnixConn("docker"), {})
b = run(http.client.HTTPConnection("127.0.0.1", port), {"Authorization": "Bearer " + token})
print(f"{a:.4f} {b:.4f}")
PY
)
# A new connection per request (what each docker CLI run does): curl, N runs a side.
curl_socket() { curl -sf -o /dev/null --unix-socket "$SOCK" http://docker/containers/json; }
curl_tcp() { curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$TCP_PORT/containers/json"; }
curl_socket; curl_tcp
read -r socket_curl tcp_curl < <(interleaved curl_socket curl_tcp "$N")
docker rm -f bench-auth >/dev/null

printf '%-44s %10s\n' "docker ps, unix socket (no login), s" "$socket_cli" "docker ps, TCP + API token, s" "$tcp_cli"
printf 'CLI difference: %.2f ms per docker ps (ratio %.3f)\n' "$(echo "($tcp_cli - $socket_cli) * 1000" | bc -l)" "$(echo "$tcp_cli / $socket_cli" | bc -l)"
printf '%-44s %10s\n' "curl (new connection), unix socket, s" "$socket_curl" "curl (new connection), TCP + token, s" "$tcp_curl"
printf 'curl difference: %.2f ms per request\n' "$(echo "($tcp_curl - $socket_curl) * 1000" | bc -l)"
printf '%-44s %10s\n' "GET /containers/json, unix socket, ms" "$socket_raw" "GET /containers/json, TCP + token, ms" "$tcp_raw"
printf 'raw difference: %.3f ms per request (goal <= 1 ms)\n' "$(echo "$tcp_raw - $socket_raw" | bc -l)"

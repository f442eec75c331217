# For the browser benchmarks: a server with a web port and an admin, and the node driver's packages (npm ci, once).
# Chromium is Debian's (/usr/bin/chromium); nothing downloads a browser.
BENCH_ADMIN_PASSWORD=bench-admin-password
WEB_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export WEBUI_URLS="http://127.0.0.1:$WEB_PORT" Auth__BootstrapAdminPassword=$BENCH_ADMIN_PASSWORD
WEB_BASE="http://127.0.0.1:$WEB_PORT"

browser_driver_ready() {
  [[ -d "$REPO/bench/browser/node_modules/playwright-core" ]] ||
    (cd "$REPO/bench/browser" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  for _ in $(seq 300); do curl -fsS -o /dev/null "$WEB_BASE/account/login" && return 0; sleep 0.1; done
  echo "the web port did not answer" >&2; return 1
}

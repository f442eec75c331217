#!/usr/bin/env bash
# Installs what WebUI needs and is missing on this machine (Debian 12, root), then builds the solution.
# Idempotent: a second run installs nothing and only rebuilds.
# --runtime-only: only what the server needs to run, and no build (deploy/run.sh publishes the server itself).
set -euo pipefail
cd "$(dirname "$0")/.."

# Runtime: runc (OCI runtime), conmon (per-container monitor), CNI plugins, iptables.
# Tests and benchmarks: busybox-static (test images), docker-registry and skopeo (registry peers),
# chromium (Playwright's browser), tini/catatonit (--init), umoci, sqlite3, iproute2, util-linux (script, for a pty).
packages=(runc conmon containernetworking-plugins iptables iproute2 util-linux
          busybox-static docker-registry skopeo umoci chromium sqlite3 tini catatonit apache2-utils bc)
if [[ "${1:-}" == "--runtime-only" ]]; then
  packages=(runc conmon containernetworking-plugins iptables iproute2 busybox-static tini catatonit)
fi

# The build bundles xterm.js and the SignalR client from the npm registry (src/WebUI/ClientLib): npm must exist.
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "==> installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Docker's default seccomp profile, as data from Debian's copy of the Docker source (the package itself is not
# installed: only this one JSON file is taken from it).
seccomp=/usr/local/share/webui/seccomp/default.json
if [[ ! -s "$seccomp" ]]; then
  echo "==> extracting Docker's default seccomp profile"
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download -qq golang-github-docker-docker-dev 2>/dev/null) || { apt-get update -qq; (cd "$tmp" && apt-get download -qq golang-github-docker-docker-dev 2>/dev/null); }
  mkdir -p "$(dirname "$seccomp")"
  dpkg-deb --fsys-tarfile "$tmp"/golang-github-docker-docker-dev_*.deb \
    | tar -xO ./usr/share/gocode/src/github.com/docker/docker/profiles/seccomp/default.json > "$seccomp.tmp"
  mv "$seccomp.tmp" "$seccomp"
  rm -rf "$tmp"
fi

command -v dotnet >/dev/null || { echo "the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

[[ "${1:-}" == "--runtime-only" ]] && exit 0
echo "==> building"
dotnet build WebUI.sln -c "${CONFIGURATION:-Debug}" -nologo -clp:ErrorsOnly -v:q

#!/usr/bin/env bash
# Installs what WebUI needs and is missing on this machine (Debian 12, root), then builds the solution.
# Idempotent: a second run installs nothing and only rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Runtime: runc (OCI runtime), conmon (per-container monitor), CNI plugins, iptables.
# Tests and benchmarks: busybox-static (test images), docker-registry and skopeo (registry peers),
# chromium (Playwright's browser), tini/catatonit (--init), umoci, sqlite3, iproute2, util-linux (script, for a pty).
packages=(runc conmon containernetworking-plugins iptables iproute2 util-linux
          busybox-static docker-registry skopeo umoci chromium sqlite3 tini catatonit)
if [[ "${1:-}" == "--runtime-only" ]]; then
  packages=(runc conmon containernetworking-plugins iptables iproute2 busybox-static tini catatonit)
fi

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

command -v dotnet >/dev/null || { echo "the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

echo "==> building"
dotnet build WebUI.sln -c "${CONFIGURATION:-Debug}" -nologo -clp:ErrorsOnly -v:q

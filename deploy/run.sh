#!/usr/bin/env bash
# Set up and run: installs what is missing, publishes the server (deploy/publish.sh: Release, ReadyToRun) and starts
# WebUI with its embedded defaults: data root /var/lib/webui, exec root /run/webui, Docker API socket
# /run/webui/docker.sock, dashboard on http://127.0.0.1:8080. Any setting can be overridden by environment variables,
# e.g. Engine__DataRoot=/srv/webui Urls=http://127.0.0.1:9000 deploy/run.sh
# CONFIGURATION=Debug (or Release) runs a plain `dotnet build` of that configuration instead, e.g. to debug.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh --runtime-only
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
if [[ -n "${CONFIGURATION:-}" ]]; then
  dotnet build src/WebUI -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:q
  exec dotnet "src/WebUI/bin/$CONFIGURATION/net10.0/WebUI.dll" "$@"
fi
exec dotnet "$(deploy/publish.sh)" "$@"

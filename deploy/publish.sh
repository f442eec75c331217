#!/usr/bin/env bash
# Publishes the server as it is deployed: Release, ReadyToRun (precompiled, so it starts without JIT-compiling its own
# code and EF Core's and MudBlazor's) and without tiered compilation (see docs/architecture.md, "Running the server"),
# framework-dependent on the installed .NET 10 runtime. Incremental: a second run only recompiles what changed.
# Usage: deploy/publish.sh [OUTPUT_DIR=artifacts/webui]; prints the path of WebUI.dll.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-artifacts/webui}")
dotnet publish src/WebUI -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" \
  -nologo -v:q -clp:ErrorsOnly >&2
echo "$out/WebUI.dll"

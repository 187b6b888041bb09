#!/usr/bin/env bash
# Compiles and lints infra/azure/main.bicep (and main.bicepparam) offline: fails on any error or warning.
# The Bicep CLI comes from the NuGet package Azure.Bicep.CommandLine.linux-x64, restored by tools/bicep.csproj;
# nothing is deployed and Azure is not contacted.
#   bash infra/azure/validate.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="$here/tools"

# Restore only (the project builds nothing); outside the repository's Directory.*.props, which add analyzers.
dotnet restore "$tools/bicep.csproj" --verbosity quiet -nologo \
  -p:ImportDirectoryBuildProps=false -p:ImportDirectoryPackagesProps=false -p:ImportDirectoryBuildTargets=false \
  -p:RestoreUseStaticGraphEvaluation=false >&2
packages="$(dotnet msbuild "$tools/bicep.csproj" -nologo -getProperty:NuGetPackageRoot \
  -p:ImportDirectoryBuildProps=false -p:ImportDirectoryPackagesProps=false -p:ImportDirectoryBuildTargets=false)"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
[ -x "$bicep" ] || chmod +x "$bicep"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 BICEP_TRACING_ENABLED=false
status=0
run() { # prints the tool's diagnostics; any line with Warning or Error fails the run
  local log="$out/log"
  "$bicep" "$@" >"$log" 2>&1 || status=1
  cat "$log" >&2
  if grep -Eq '(Warning|Error) [A-Za-z0-9-]+:' "$log"; then status=1; fi
}
run build "$here/main.bicep" --outfile "$out/main.json"
run build-params "$here/main.bicepparam" --outfile "$out/main.parameters.json"
run lint "$here/main.bicep"
run lint "$here/main.bicepparam"
if [ "$status" -ne 0 ]; then
  echo "validate: infra/azure/main.bicep has errors or warnings (above)" >&2
  exit 1
fi
echo "validate: main.bicep and main.bicepparam build and lint clean ($("$bicep" --version | head -1))"

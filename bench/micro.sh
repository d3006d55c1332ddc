#!/usr/bin/env bash
# CalcCds micro-benchmarks (BenchmarkDotNet, Release, in-process short job, with allocations).
#   bash bench/micro.sh            all benchmarks; summary to bench/results/micro.md
#   bash bench/micro.sh --filter '*Parse*'   any BenchmarkDotNet arguments
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f bench/fixtures/patient-view-100k.json ] || python3 bench/fixtures/make_fixture.py
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--filter '*')
dotnet build bench/CalcCds.Benchmarks/CalcCds.Benchmarks.csproj -c Release -nologo -v quiet >/dev/null
artifacts=$(mktemp -d /tmp/calccds-micro.XXXXXX)
dotnet bench/CalcCds.Benchmarks/bin/Release/net10.0/CalcCds.Benchmarks.dll "${args[@]}" --artifacts "$artifacts" --exporters github
# The same stages round-robin in one process with the image's GC settings (bench/image-gc-env.sh).
# shellcheck source=bench/image-gc-env.sh
source bench/image-gc-env.sh
env "${gc_env[@]}" DOTNET_gcServer=1 dotnet bench/CalcCds.Benchmarks/bin/Release/net10.0/CalcCds.Benchmarks.dll --stages 40 > "$artifacts/stages.md"
{
  echo "# CalcCds micro-benchmarks"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); command: \`bash bench/micro.sh\`; commit $(git rev-parse --short HEAD)"
  echo "- Machine: $(nproc) cores, shared with other work (absolute times are noisy; allocations are exact)"
  echo
  cat "$artifacts"/results/*-report-github.md
  echo
  echo "## Stages with the image's GC settings"
  echo
  echo "BenchmarkDotNet's in-process job above runs with workstation GC and no gen0 floor, which inflates the whole-call"
  echo 'line (its parsed records are promoted and collected again). `--stages` runs the same stages round-robin in one'
  echo "process with server GC and the Dockerfile's DOTNET_GC* settings, each as a multiple of the JsonDocument parse."
  echo
  cat "$artifacts/stages.md"
} > bench/results/micro.md
rm -rf "$artifacts"
echo "summary written to bench/results/micro.md"

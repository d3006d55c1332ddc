#!/usr/bin/env bash
# CalcCds load harness: P1-P4 measured side by side in ONE run (see README "Performance").
#   bash bench/load.sh           full run (~7 minutes), writes bench/results/latest.md
#   bash bench/load.sh --quick   short run for iterating, writes bench/results/quick.md
# Everything runs on loopback: the service (Release build of bench/CalcCds.LoadHost = the product host plus the
# harness-only baseline route), a delaying FHIR server, wrk (closed loop, max throughput) and the LoadHost's own
# constant-rate generator (open loop, for latency at a fixed rate).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

quick=0
[ "${1:-}" = "--quick" ] && quick=1

# Warm-up: tiered compilation (tier 0 -> instrumented -> tier 1) takes ~25 s of full load on 2 shared cores before the
# full path's throughput is steady (measured: 150 -> 340 -> 500 -> 850 req/s in successive 5 s runs); a shorter
# warm-up measures the JIT, not the service.
if [ $quick -eq 1 ]; then
  tput_s=5; rounds=1; p2_s=8; p3_s=6; soak_s=30; sample_s=10; warm_full_s=20; warm_base_s=5; out=bench/results/quick.md
else
  tput_s=15; rounds=2; p2_s=30; p3_s=20; soak_s=240; sample_s=30; warm_full_s=40; warm_base_s=10; out=bench/results/latest.md
fi
conns=${CALCCDS_BENCH_CONNECTIONS:-32}
threads=2
fixture=bench/fixtures/patient-view-100k.json

say() { printf '[load] %s\n' "$*" >&2; }
trap 'say "failed at line $LINENO: $BASH_COMMAND"' ERR

if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk (apt-get)"
  if ! { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1; }; then
    say "wrk is not available; install it (Debian package 'wrk') and run again"; exit 1
  fi
fi
command -v python3 >/dev/null || { say "python3 is required (JSON fixture handling)"; exit 1; }

[ -f "$fixture" ] || python3 bench/fixtures/make_fixture.py

say "building bench/CalcCds.LoadHost (Release)"
dotnet build bench/CalcCds.LoadHost/CalcCds.LoadHost.csproj -c Release -nologo -v quiet >/dev/null
host=(dotnet "$root/bench/CalcCds.LoadHost/bin/Release/net10.0/CalcCds.LoadHost.dll")
# The open-loop generator (P2, P3) runs without tiered compilation: when its dispatch loop and request lambda were
# re-jitted ~10 s into a run, it stalled for 30-45 ms and charged every request due meanwhile to the service (seen at
# the same instant in every run, against the trivial baseline route too). The service keeps the runtime's defaults.
generator=(env DOTNET_TieredCompilation=0 "${host[@]}")

work=$(mktemp -d /tmp/calccds-load.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 20); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive -eq 0 ] && break
    sleep 0.25
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  cp "$work/service.log" /tmp/calccds-load-service.log 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- the delaying FHIR server (P3) -------------------------------------------------------------------------------
"${host[@]}" fhir --fixture "$fixture" --delay-ms 100 >"$work/fhir.url" 2>"$work/fhir.log" &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$work/fhir.url" ] && break; sleep 0.2; done
fhir_url=$(head -1 "$work/fhir.url")
[ -n "$fhir_url" ] || { say "FHIR server did not start"; cat "$work/fhir.log" >&2; exit 1; }

# --- the service ---------------------------------------------------------------------------------------------------
# Development is the only environment where security may be Disabled (the JWT path is not what P1-P4 measure).
# Logging stays at the product's appsettings levels; the console goes to a file, as a container's would go to a collector.
# The runtime settings of the container image (bench/image-gc-env.sh).
# shellcheck source=bench/image-gc-env.sh
source bench/image-gc-env.sh
say "runtime settings from the Dockerfile: ${gc_env[*]:-none}"
port=$(free_port)
base="http://127.0.0.1:$port"
env "${gc_env[@]}" \
ASPNETCORE_ENVIRONMENT=Development \
DOTNET_ENVIRONMENT=Development \
CalcCds__Security__Mode=Disabled \
CalcCds__Storage__DataFolder="$work/data" \
Logging__LogLevel__CalcCds=Information \
"${host[@]}" serve --urls "$base" >"$work/service.log" 2>&1 &
svc=$!
pids+=($svc)
for _ in $(seq 1 150); do curl -sf "$base/health/live" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf "$base/health/live" >/dev/null || { say "service did not start"; tail -30 "$work/service.log" >&2; exit 1; }

full_url="$base/cds-services/calccds-patient-view"
baseline_url="$base/bench/baseline"
# P3 body: the same patient, no prefetch, the FHIR server to fetch every key from.
python3 - "$fixture" "$fhir_url" >"$work/fetch.json" <<'PY'
import json, sys
body = json.load(open(sys.argv[1]))
body.pop("prefetch")
body["fhirServer"] = sys.argv[2]
body["fhirAuthorization"] = {"access_token": "bench-token", "token_type": "Bearer", "expires_in": 300, "scope": "user/*.read", "subject": "calccds"}
print(json.dumps(body))
PY

cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open("$root/$fixture", "rb"))
wrk.body = f:read("*a")
f:close()
response = function(status, headers, body)
  if status ~= 200 then errors = (errors or 0) + 1 end
end
LUA

# Sanity: both endpoints answer 200 and the full one returns cards.
code=$(curl -s -o "$work/full.out" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$fixture" "$full_url")
[ "$code" = 200 ] || { say "patient-view answered $code"; cat "$work/full.out" >&2; exit 1; }
cards=$(python3 -c 'import json,sys; print(",".join(c["source"]["topic"]["code"] for c in json.load(open(sys.argv[1]))["cards"]))' "$work/full.out")
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$fixture" "$baseline_url")
[ "$code" = 200 ] || { say "baseline answered $code"; exit 1; }
code=$(curl -s -o "$work/fetch.out" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$work/fetch.json" "$full_url")
[ "$code" = 200 ] || { say "patient-view with fetched prefetch answered $code"; cat "$work/fetch.out" >&2; exit 1; }

rss_mb() { # 0 when the service is gone (then P4 fails visibly instead of the script dying)
  if [ -r "/proc/$svc/status" ]; then awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$svc/status"; else say "the service process has exited"; echo 0; fi
}
wrk_rps() { # url seconds -> requests/s (fails on any socket error or non-200)
  wrk -t$threads -c$conns -d"$2"s --timeout 10s --latency -s "$work/post.lua" "$1" >"$work/wrk.out" 2>&1
  if grep -qE 'Non-2xx|Socket errors' "$work/wrk.out"; then say "errors during wrk run on $1:"; cat "$work/wrk.out" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' "$work/wrk.out"
}

say "warm-up (JIT, tiered compilation, pools)"
wrk_rps "$baseline_url" $warm_base_s >/dev/null
wrk_rps "$full_url" $warm_full_s >/dev/null
rss_warm=$(rss_mb)

say "P1: throughput, full patient-view vs baseline, $rounds round(s) of ${tput_s}s each, $conns connections"
base_sum=0; full_sum=0
for _ in $(seq 1 $rounds); do
  b=$(wrk_rps "$baseline_url" $tput_s); f=$(wrk_rps "$full_url" $tput_s)
  say "  baseline $b req/s, full $f req/s"
  base_sum=$(python3 -c "print($base_sum+$b)"); full_sum=$(python3 -c "print($full_sum+$f)")
done
base_rps=$(python3 -c "print(round($base_sum/$rounds,1))"); full_rps=$(python3 -c "print(round($full_sum/$rounds,1))")
p1=$(python3 -c "print(round($full_rps/$base_rps,3))")

half=$(python3 -c "print(round($full_rps/2,1))")
say "P2: latency at half the max throughput ($half req/s, open loop, ${p2_s}s)"
read -r _ p2_achieved p2_n p2_err p2_p50 p2_p90 p2_p99 p2_max < <("${generator[@]}" rate --url "$full_url" --body "$fixture" --rps "$half" --seconds $p2_s --warmup 3)

say "P3: fetch path, empty prefetch, FHIR server delays every answer by 100 ms (${p3_s}s at 5 req/s)"
read -r _ _ p3_n p3_err p3_p50 p3_p90 p3_p99 p3_max < <("${generator[@]}" rate --url "$full_url" --body "$work/fetch.json" --rps 5 --seconds $p3_s --warmup 2)
p3=$(python3 -c "print(round($p3_p50/100,3))")

say "P4: sustained load for ${soak_s}s at max throughput, RSS sampled every ${sample_s}s"
rss_samples=("$rss_warm")
wrk -t$threads -c$conns -d"$soak_s"s --timeout 10s -s "$work/post.lua" "$full_url" >"$work/soak.out" 2>&1 &
soak=$!
pids+=($soak)
while kill -0 $soak 2>/dev/null; do
  sleep "$sample_s"
  if kill -0 $soak 2>/dev/null; then rss_samples+=("$(rss_mb)"); fi
done
wait $soak || true
soak_rps=$(awk '/Requests\/sec/ {print $2}' "$work/soak.out")
if grep -qE 'Non-2xx|Socket errors' "$work/soak.out"; then say "errors during the sustained run:"; cat "$work/soak.out" >&2; exit 1; fi
rss_end=$(rss_mb)
rss_samples+=("$rss_end")
rss_max=$(printf '%s\n' "${rss_samples[@]}" | sort -n | tail -1)
# "Flat": the second half of the soak grows less than 10% over the first sample after warm-up.
rss_mid=${rss_samples[$(( ${#rss_samples[@]} / 2 ))]}
rss_growth=$(python3 -c "print(round(($rss_end-$rss_mid)/$rss_mid*100,1))")

verdict() { python3 -c "print('pass' if $1 else 'FAIL')"; }
p1_v=$(verdict "$p1 >= 0.5")
p2_v=$(verdict "$p2_p99 <= 10 and $p2_err == 0")
p3_v=$(verdict "$p3 <= 1.3 and $p3_err == 0")
p4_v=$(verdict "$rss_max <= 200 and $rss_growth <= 10")

mode=$([ $quick -eq 1 ] && echo "quick" || echo "full")
cmd="bash bench/load.sh$([ $quick -eq 1 ] && echo ' --quick' || true)"
{
  echo "# CalcCds load results ($mode run)"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Command: \`$cmd\` (commit $(git rev-parse --short HEAD)$(git diff --quiet -- src bench ':(exclude)bench/results' || echo ', with uncommitted changes'))"
  echo "- Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr), .NET $(dotnet --version); load generators share the cores with the service"
  echo "- Payload: \`$fixture\` ($(wc -c <"$fixture") bytes, $(python3 -c 'import json,sys; b=json.load(open(sys.argv[1]))["prefetch"]; print(sum(len(v.get("entry",[])) if v.get("resourceType")=="Bundle" else 1 for v in b.values()))' "$fixture") resources); cards returned: $cards"
  echo "- Service runtime settings (from the Dockerfile): ${gc_env[*]:-none}"
  echo "- wrk: $threads threads, $conns connections; P1 = mean of $rounds alternating round(s) of ${tput_s}s per endpoint"
  echo
  echo "| figure | measured | target | result |"
  echo "|---|---|---|---|"
  echo "| P1 throughput ratio (full ÷ baseline) | $p1 ($full_rps ÷ $base_rps req/s) | ≥ 0.5 | $p1_v |"
  echo "| P2 latency at half max ($half req/s, open loop, achieved $p2_achieved) | p50 $p2_p50 ms, p99 $p2_p99 ms (max $p2_max ms, n=$p2_n, errors $p2_err) | p99 ≤ 10 ms | $p2_v |"
  echo "| P3 fetch path ÷ 100 ms FHIR delay | $p3 (p50 $p3_p50 ms, p99 $p3_p99 ms, n=$p3_n, errors $p3_err) | ≤ 1.3 | $p3_v |"
  echo "| P4 RSS warm → after ${soak_s}s soak ($soak_rps req/s) | $rss_warm → $rss_end MB (max $rss_max MB, second-half growth $rss_growth%) | ≤ 200 MB, flat | $p4_v |"
  echo
  echo "RSS samples (MB, every ${sample_s}s from warm-up): ${rss_samples[*]}"
  echo
  echo "Method: P1 uses wrk (closed loop, $conns connections) on \`POST /cds-services/calccds-patient-view\` and on the"
  echo "harness-only \`POST /bench/baseline\` (same host, same middleware, same body read and JSON parse, answers"
  echo "\`{\"cards\":[]}\`). P2 uses the LoadHost's open-loop generator (run without tiered compilation, see load.sh)"
  echo "at half of P1's full-path throughput; latency is measured from each request's scheduled time (no coordinated"
  echo "omission). P3 posts the same patient with no prefetch"
  echo "and \`fhirServer\` pointing at a loopback FHIR server (tests' FhirTestServer) that delays every answer by 100 ms;"
  echo "the figure is p50 service latency ÷ 100 ms. P4 reads VmRSS of the service process."
} >"$out"

cat "$out"
say "written to $out"

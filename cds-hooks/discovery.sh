#!/usr/bin/env bash
# List the services of a running CalcCds (GET /cds-services).
#   CALCCDS_URL (default http://127.0.0.1:5030), CALCCDS_JWT as for call.sh
set -euo pipefail
base="${CALCCDS_URL:-http://127.0.0.1:5030}"
auth=()
[ -n "${CALCCDS_JWT:-}" ] && auth=(-H "Authorization: Bearer $CALCCDS_JWT")
body=$(curl -sS -f "${auth[@]}" "$base/cds-services")
if command -v jq >/dev/null 2>&1; then printf '%s\n' "$body" | jq .; else printf '%s\n' "$body"; fi

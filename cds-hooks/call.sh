#!/usr/bin/env bash
# POST a CDS Hooks request file to a running CalcCds and pretty-print the answer.
#   cds-hooks/call.sh patient-view                 # uses cds-hooks/patient-view.json
#   cds-hooks/call.sh order-sign my-request.json   # any request file for that hook
# Environment:
#   CALCCDS_URL   base URL of the service (default http://127.0.0.1:5030)
#   CALCCDS_JWT   a CDS Hooks JWT to send as "Authorization: Bearer ..." (not needed in Development)
set -euo pipefail
hook="${1:?usage: call.sh patient-view|order-select|order-sign [request.json]}"
here="$(cd "$(dirname "$0")" && pwd)"
file="${2:-$here/$hook.json}"
base="${CALCCDS_URL:-http://127.0.0.1:5030}"
case "$hook" in
  patient-view|order-select|order-sign) service="calccds-$hook" ;;
  *) echo "unknown hook '$hook' (patient-view, order-select, order-sign)" >&2; exit 2 ;;
esac
[ -f "$file" ] || { echo "no such request file: $file" >&2; exit 2; }
auth=()
[ -n "${CALCCDS_JWT:-}" ] && auth=(-H "Authorization: Bearer $CALCCDS_JWT")
response=$(curl -sS -w '\n%{http_code}' -X POST "$base/cds-services/$service" \
  -H 'Content-Type: application/json' "${auth[@]}" --data-binary @"$file")
status="${response##*$'\n'}"
body="${response%$'\n'*}"
if command -v jq >/dev/null 2>&1; then printf '%s\n' "$body" | jq .; else printf '%s\n' "$body"; fi
echo "HTTP $status" >&2
[ "$status" -lt 400 ]

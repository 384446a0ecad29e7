#!/usr/bin/env bash
# The package installs anywhere: build the wheel, install it in a fresh venv outside the repository and
# run `sentinel demo` to completion from an empty folder (so nothing of the checkout can be imported).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_PY=${BUILD_PY:-.venv/bin/python}   # any Python with pip; the wheel is built in an isolated env
PY=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/sentinel-wheel-XXXXXX")
trap 'rm -rf "$work"' EXIT

"$BUILD_PY" -m pip wheel -q --no-deps -w "$work/dist" . 2> >(grep -v "^WARNING: Location" >&2)
"$PY" -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/rider_sentinel-*.whl 2> >(grep -v "^WARNING: Location" >&2)

cd "$work"
unset PYTHONPATH
"$work/venv/bin/python" - <<'PY'
import bot, bot.lessons.library as lib
assert "site-packages" in bot.__file__, f"imported from the checkout: {bot.__file__}"
n = len(lib.load_library(lib.default_folder()))
assert n > 0, "no lessons in the installed package"
print(f"wheel: installed at {bot.__file__.rsplit('/bot/', 1)[0]}, {n} lessons")
import handlers.web.dashboard as dash  # the dashboard's templates and vendored assets are package data
for part in ("templates/map.html", "static/vendor/leaflet.js", "static/vendor/leaflet-heat.js",
             "static/vendor/chart.umd.min.js", "static/map.js"):
    assert (dash.HERE / part).is_file(), f"the wheel lacks handlers/web/{part}"
PY
"$work/venv/bin/sentinel" --version
timeout 600 "$work/venv/bin/sentinel" demo
test ! -e "$work/sentinel.db"   # the demo's database is a throwaway one
echo "wheel: sentinel demo completed from the installed wheel"

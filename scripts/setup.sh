#!/usr/bin/env bash
# setup.sh installs the Debian/Ubuntu packages Tradecheck's make targets need,
# and only those that are missing. Every make target calls it first, so a fresh
# machine with Go needs nothing else.
#
#   scripts/setup.sh            Fyne build packages + smoke-test and workbook-check tools
#   scripts/setup.sh package    the above + the Windows cross-compiler (gcc-mingw-w64-x86-64)
#
# It runs `apt-get update` only when something is missing, uses sudo when not
# root and never prompts. Set TRADECHECK_SKIP_SETUP=1 to skip it entirely (for
# machines without apt, where you installed the equivalents yourself).
set -euo pipefail

if [[ "${TRADECHECK_SKIP_SETUP:-}" == 1 ]]; then
	exit 0
fi

# DuckDB for the Parquet test (docs/parquet/totals.sql): the npm package
# @duckdb/node-api ships DuckDB prebuilt (about 70 MB, seconds to install),
# where the Go module needs cgo and a long build, and Debian has no duckdb.
# Run after the apt packages (nodejs/npm among them when missing).
root="$(cd "$(dirname "$0")/.." && pwd)"
duckdb_js() {
	if [[ -d "$root/scripts/duckdb/node_modules/@duckdb/node-api" ]]; then
		return 0
	fi
	if ! command -v npm >/dev/null 2>&1; then
		echo "setup: npm not found; the DuckDB test will skip (fail under CI=true)" >&2
		return 0
	fi
	echo "setup: installing DuckDB (npm ci in scripts/duckdb)"
	(cd "$root/scripts/duckdb" && npm ci --no-audit --no-fund --loglevel=error)
}

# Fyne's cgo build needs a C compiler, pkg-config and the OpenGL/X11 headers.
pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev)
# The smoke test drives the real binary under Xvfb and screenshots it.
pkgs+=(xvfb xdotool imagemagick)
# The workbook check recalculates the audit workbook in headless LibreOffice.
pkgs+=(libreoffice-calc)
# Chinese company names need a CJK font: Fyne falls back to system fonts for
# glyphs its own font lacks, and a bare Debian has none, so names showed as
# boxes. WenQuanYi Micro Hei is 1.6 MB; Windows and macOS ship their own.
pkgs+=(fonts-wqy-microhei)
# The Parquet test's DuckDB runs under Node.js (see duckdb_js).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	pkgs+=(nodejs npm)
fi
if [[ "${1:-}" == package ]]; then
	# fyne package -os windows needs a mingw compiler (CC=x86_64-w64-mingw32-gcc).
	pkgs+=(gcc-mingw-w64-x86-64)
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
	echo "setup: this machine has no dpkg/apt; install the equivalents of these yourself:" >&2
	echo "  ${pkgs[*]}" >&2
	echo "  (set TRADECHECK_SKIP_SETUP=1 to silence this)" >&2
	duckdb_js
	exit 0
fi

missing=()
for p in "${pkgs[@]}"; do
	# "install ok installed" is the only state in which the package is usable.
	if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]]; then
		missing+=("$p")
	fi
done
if ((${#missing[@]} == 0)); then
	duckdb_js
	exit 0
fi

sudo=()
if [[ "$(id -u)" != 0 ]]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "setup: missing packages (${missing[*]}) and no sudo; run as root: apt-get install ${missing[*]}" >&2
		exit 1
	fi
	sudo=(sudo)
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
duckdb_js

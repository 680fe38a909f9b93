#!/usr/bin/env bash
# package.sh builds the desktop packages into dist/ with fyne.io/tools v1.7.4:
#   dist/Tradecheck.tar.xz   Linux: binary, .desktop file and icon (make install inside)
#   dist/Tradecheck.exe      Windows: the app with its icon, cross-compiled with mingw
#
# fyne package reads FyneApp.toml and Icon.png from the main package's
# directory and bumps Build in FyneApp.toml on every run. We therefore stage
# a copy of cmd/tradecheck plus FyneApp.toml and Icon.png under
# tmp/_package/tradecheck: inside the module, so imports resolve; under the
# git-ignored tmp/, so the Build bump and the build litter never dirty the
# tree; and behind a leading underscore, so ./... patterns (go vet, go test)
# skip the staged copy.
set -euo pipefail
cd "$(dirname "$0")/.."

root=$(pwd)
# Build the fyne tool once, for this machine, before CC points at mingw:
# "CC=x86_64-w64-mingw32-gcc go run fyne@…" would compile the tool's own
# runtime/cgo with the Windows compiler and fail.
tools=$root/tmp/_tools
if [[ ! -x "$tools/fyne" ]]; then
	echo "package: building the fyne tool (fyne.io/tools v1.7.4)"
	GOBIN=$tools go install fyne.io/tools/cmd/fyne@v1.7.4
fi
FYNE=("$tools/fyne")
stage=tmp/_package/tradecheck
dist=dist
rm -rf tmp/_package
mkdir -p "$stage" "$dist"
cp cmd/tradecheck/*.go "$stage/"
rm -f "$stage"/*_test.go
cp FyneApp.toml Icon.png "$stage/"

echo "package: Linux .tar.xz"
(cd "$stage" && "${FYNE[@]}" package -os linux -release)
mv -f "$stage/Tradecheck.tar.xz" "$dist/"

echo "package: Windows .exe (CC=x86_64-w64-mingw32-gcc)"
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
	echo "package: x86_64-w64-mingw32-gcc not found; install gcc-mingw-w64-x86-64 (scripts/setup.sh package does)" >&2
	exit 1
fi
(cd "$stage" && CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 "${FYNE[@]}" package -os windows -release)
mv -f "$stage/Tradecheck.exe" "$dist/"
rm -rf tmp/_package

ls -l "$dist"
if [[ -n "$(git status --porcelain -- FyneApp.toml cmd 2>/dev/null)" ]]; then
	echo "package: warning: FyneApp.toml or cmd/ has uncommitted changes (not made by packaging)" >&2
fi

#!/usr/bin/env bash
# smoke.sh launches the real desktop binary under Xvfb on the sample data,
# drives it with xdotool (Ctrl+F to the Entities search, types "tekhkrim"),
# screenshots it and fails when the window is missing, the app died or the
# screen is blank. With CI=true a missing tool is a failure; otherwise the
# test is skipped with a message.
#
#   scripts/smoke.sh                 build bin/tradecheck and run it
#   SMOKE_BIN=/tmp/tc scripts/smoke.sh
#   SMOKE_OUT=dir (default tmp/smoke) keeps the screenshots and the app log
set -euo pipefail
cd "$(dirname "$0")/.."

skip_or_fail() {
	if [[ "${CI:-}" == true ]]; then
		echo "smoke: FAIL: $1" >&2
		exit 1
	fi
	echo "smoke: skipped: $1 (set CI=true to make this a failure)"
	exit 0
}
for tool in Xvfb xdotool import convert; do
	command -v "$tool" >/dev/null 2>&1 || skip_or_fail "$tool is not installed (scripts/setup.sh installs it)"
done

out=${SMOKE_OUT:-tmp/smoke}
mkdir -p "$out"
# Build unless told which binary to test: a stale bin/ would test old code
# (go build is incremental, so this is quick when nothing changed).
bin=${SMOKE_BIN:-}
if [[ -z "$bin" ]]; then
	bin=bin/tradecheck
	echo "smoke: building $bin"
	go build -o "$bin" ./cmd/tradecheck
fi

files=()
for f in samples/*.xlsx samples/*.csv; do
	[[ -e "$f" && "$(basename "$f")" != claims.csv ]] && files+=("$f")
done
((${#files[@]} > 0)) || { echo "smoke: FAIL: no sample files in samples/" >&2; exit 1; }

# A display number nobody uses, and a throwaway home so no autosaved
# project or preference of the user's leaks in (or is overwritten).
disp=${SMOKE_DISPLAY:-}
if [[ -z "$disp" ]]; then
	for n in $(seq 90 120); do
		[[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { disp=:$n; break; }
	done
fi
home=$(mktemp -d)
mkdir -p "$home/.config"
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=
cleanup() {
	if [[ -n "$app" ]]; then
		kill "$app" 2>/dev/null || true
		wait "$app" 2>/dev/null || true
	fi
	kill "$xvfb" 2>/dev/null || true
	wait "$xvfb" 2>/dev/null || true
	rm -rf "$home" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$disp
for _ in $(seq 1 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

fail() {
	echo "smoke: FAIL: $1" >&2
	import -window root "$out/failure.png" 2>/dev/null || true
	echo "smoke: app log:" >&2
	tail -20 "$out/app.log" >&2 || true
	exit 1
}

start=$(date +%s%N)
HOME=$home XDG_CONFIG_HOME=$home/.config "$bin" "${files[@]}" >"$out/app.log" 2>&1 &
app=$!
wid=
for _ in $(seq 1 150); do
	wid=$(xdotool search --name '^Tradecheck$' 2>/dev/null | head -1 || true)
	[[ -n "$wid" ]] && break
	kill -0 "$app" 2>/dev/null || fail "the app exited before showing its window"
	sleep 0.1
done
[[ -n "$wid" ]] || fail "no window titled Tradecheck within 15 s"
echo "smoke: window up after $((($(date +%s%N) - start) / 1000000)) ms"

# Let the samples load (they are small; this is generous for a busy CI box).
sleep "${SMOKE_WAIT:-6}"
kill -0 "$app" 2>/dev/null || fail "the app died while loading the samples"
xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid" || true
import -window root "$out/loaded.png"

xdotool key --window "$wid" ctrl+f
sleep 0.5
xdotool type --delay 60 tekhkrim
sleep 1.5
kill -0 "$app" 2>/dev/null || fail "the app died while searching"
xdotool search --name '^Tradecheck$' >/dev/null 2>&1 || fail "the Tradecheck window is gone"
import -window root "$out/search.png"

colours=$(convert "$out/search.png" -format %k info:)
((colours >= 40)) || fail "the screen looks blank: only $colours distinct colours"
if [[ "$(convert "$out/loaded.png" -format %#  info:)" == "$(convert "$out/search.png" -format %# info:)" ]]; then
	fail "typing into the search changed nothing on screen"
fi
echo "smoke: ok ($colours colours); screenshots in $out/loaded.png and $out/search.png"

#!/usr/bin/env bash
# e2e-cli.sh runs the shipped CLI (built with CGO_ENABLED=0) on the sample
# sources, the way a user would, and fails on a wrong exit code or output.
#
#   scripts/e2e-cli.sh bin/tradecheck-cli samples/a.xlsx samples/b.csv ...
set -euo pipefail

cli=$1
shift
if (($# == 0)); then
	echo "e2e: no sample sources given (run make samples?)" >&2
	exit 1
fi
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The CLI reads the column mappings the app saved (os.UserConfigDir()):
# this run must not depend on what was saved on this machine.
export XDG_CONFIG_HOME="$work/config"

fail() {
	echo "e2e FAIL: $*" >&2
	exit 1
}

# Usage and exit codes shared by every command.
"$cli" --help >"$work/help.txt" || fail "tradecheck-cli --help exited $?"
grep -q inspect "$work/help.txt" || fail "--help does not list inspect"
rc=0
"$cli" no-such-command >/dev/null 2>&1 || rc=$?
((rc == 2)) || fail "unknown command: exit $rc, want 2"

# inspect --json on every sample source; it must exit 0 and map the columns.
rc=0
"$cli" inspect --json "$@" >"$work/inspect.json" 2>"$work/inspect.err" || rc=$?
if ((rc != 0)); then
	cat "$work/inspect.err" >&2
	fail "inspect --json ${*} exited $rc, want 0"
fi
(cd "$root" && go run ./scripts/e2echeck inspect "$work/inspect.json" "$@") || fail "inspect --json output (above)"
echo "e2e: inspect --json on $# sample sources: ok"

# A missing file is reported and the others are still read: exit 1.
rc=0
"$cli" inspect --json "$1" "$work/does-not-exist.xlsx" >"$work/partial.json" 2>"$work/partial.err" || rc=$?
((rc == 1)) || fail "inspect with a missing file: exit $rc, want 1"
grep -q does-not-exist "$work/partial.err" || fail "inspect with a missing file: stderr does not name it"
echo "e2e: inspect with a missing file: exit 1, named on stderr: ok"

# run runs one command of the CLI on the samples, its output in
# $work/NAME.out and NAME.err; anything but exit 0 fails the test.
run() {
	local name=$1
	shift
	local rc=0
	"$cli" "$name" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
	if ((rc != 0)); then
		cat "$work/$name.err" >&2
		fail "$name $* exited $rc, want 0"
	fi
}

run reconcile -o "$work/audit.xlsx" "$@"
[[ -s "$work/audit.xlsx" ]] || fail "reconcile -o audit.xlsx wrote no file"
echo "e2e: reconcile on the samples: ok"

run reconcile --screen "$root/samples/sanctions_list_fictional_ILLUSTRATIVE_list.csv" -o "$work/screened.xlsx" "$@"
grep -q "2 entities listed, 2 for review" "$work/reconcile.out" || fail "reconcile --screen: want 2 entities listed and 2 for review, got: $(grep screening "$work/reconcile.out")"
echo "e2e: reconcile --screen on the samples: ok"

run check --claims "$root/samples/claims.csv" --screen "$root/samples/sanctions_list_fictional_ILLUSTRATIVE_list.csv" -o "$work/claims.xlsx" "$@"
[[ -s "$work/claims.xlsx" ]] || fail "check -o claims.xlsx wrote no file"
echo "e2e: check --claims samples/claims.csv: ok"

// Package testenv decides what a test does when this machine cannot run
// it (no LibreOffice, no permission to mount, …): on a developer's
// machine it skips, and under CI=true it fails, since CI must run every
// test (scripts/setup.sh installs the tools it needs). It is imported by
// tests only.
package testenv

import (
	"os"
	"testing"
)

// CI reports whether the tests run on CI (CI=true, as .ci/run sets it).
func CI() bool { return os.Getenv("CI") == "true" }

// Skip skips t for the reason given, or fails it under CI=true.
func Skip(t testing.TB, reason string) {
	t.Helper()
	if CI() {
		t.Fatalf("%s (CI=true: no test may skip)", reason)
	}
	t.Skip(reason)
}

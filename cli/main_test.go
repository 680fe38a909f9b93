package cli

import (
	"os"
	"testing"
)

// TestMain keeps the tests off the user's saved column mappings: the CLI
// reads os.UserConfigDir()/tradecheck/mappings.json, and a test must not
// depend on what the app saved on this machine.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tradecheck-cli-test-config")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir) // Linux
	os.Setenv("HOME", dir)            // macOS: ~/Library/Application Support
	os.Setenv("AppData", dir)         // Windows
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

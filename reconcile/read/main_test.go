package read

import (
	"os"
	"testing"
)

// TestMain removes the LibreOffice conversions made by the tests of .xls
// and .ods files (kept for the whole run, like a CLI command's).
func TestMain(m *testing.M) {
	code := m.Run()
	RemoveConversions()
	os.Exit(code)
}

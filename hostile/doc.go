// Package hostile holds Tradecheck's end-to-end tests for hostile and broken
// input: every case is generated in t.TempDir() and driven through
// the real entry points — the CLI (cli.Run) and the engine APIs (read.Open,
// read.ReadAll, pipeline.Run, pipeline.WriteWorkbook) — asserting the typed
// error (errors.Is against the sentinels in reconcile/errors.go), the
// one-line message that names the file and says what to do, and that no
// input row is lost or invented.
//
// The package has no code of its own; the README's "Hostile input" table
// maps each case to its test here.
package hostile

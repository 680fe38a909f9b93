package parquetout

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"tradecheck/internal/testenv"
)

// duckdbRunner returns the command that runs a SQL file in DuckDB: the
// repository's runner over the npm package scripts/setup.sh installs.
// Without it the test skips, except under CI=true, where it fails.
func duckdbRunner(t *testing.T) []string {
	t.Helper()
	cmd := duckdbCommand()
	if cmd == nil {
		testenv.Skip(t, "DuckDB not installed (node and scripts/duckdb/node_modules): run scripts/setup.sh")
	}
	return cmd
}

// duckdbCommand is the runner's command line, nil when not installed.
func duckdbCommand() []string {
	runner, _ := filepath.Abs(filepath.Join("..", "..", "scripts", "duckdb", "duckdb.mjs"))
	mod := filepath.Join(filepath.Dir(runner), "node_modules", "@duckdb", "node-api")
	node, err := exec.LookPath("node")
	if _, merr := os.Stat(mod); err != nil || merr != nil {
		return nil
	}
	return []string{node, runner}
}

// TestDuckDBFiguresEqualWorkbook runs docs/parquet/totals.sql in DuckDB
// over the samples' Parquet files, as Write and as WriteStream give them,
// and compares every Summary and Totals figure with the audit workbook's.
func TestDuckDBFiguresEqualWorkbook(t *testing.T) {
	t.Parallel()
	cmd := duckdbRunner(t)
	res, dir, xlsx := writeSamples(t)
	_, streamDir := writeSamplesStream(t, res)
	for name, dir := range map[string]string{"Write": dir, "WriteStream": streamDir} {
		t.Run(name, func(t *testing.T) { duckdbFigures(t, cmd, dir, xlsx) })
	}
}

func duckdbFigures(t *testing.T, cmd []string, dir, xlsx string) {
	sql, _ := filepath.Abs(filepath.Join("..", "..", "docs", "parquet", "totals.sql"))
	if b, err := os.ReadFile(sql); err != nil || !bytes.Contains(b, []byte("\n-- query\n")) {
		t.Fatalf("totals.sql has no \"-- query\" line, which totals_spark.py splits on (%v)", err)
	}
	var out, errb bytes.Buffer
	c := exec.Command(cmd[0], append(cmd[1:], "-C", dir, sql)...)
	c.Stdout, c.Stderr = &out, &errb
	if err := c.Run(); err != nil {
		t.Fatalf("duckdb: %v: %s", err, errb.String())
	}
	t.Log(errb.String())
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("duckdb output: %d rows, %v:\n%s", len(rows), err, out.String())
	}
	want := []string{"table_name", "key", "label", "shipments", "tonnes", "value_usd"}
	for i, h := range want {
		if rows[0][i] != h {
			t.Fatalf("columns %v, want %v", rows[0], want)
		}
	}
	var got []figure
	for _, r := range rows[1:] {
		n, err1 := strconv.Atoi(r[3])
		tn, err2 := strconv.ParseFloat(r[4], 64)
		usd, err3 := strconv.ParseFloat(r[5], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatalf("row %q does not parse", r)
		}
		got = append(got, figure{r[0], r[1], n, tn, usd})
	}
	sameFigures(t, got, workbookFigures(t, xlsx))
}

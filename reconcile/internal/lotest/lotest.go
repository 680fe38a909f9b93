// Package lotest runs headless LibreOffice for the tests that check the
// audit workbook as a real client sees it: the workbook is re-saved after
// a full recalculation, so formulas are compared with the engine's figures
// instead of trusting the cached values Tradecheck wrote.
//
// It is test support only, like net/http/httptest: every function takes
// the *testing.T of the calling test.
package lotest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tradecheck/internal/testenv"
)

// Soffice returns the LibreOffice binary. When it is missing the test is
// skipped on a developer machine, but fails with CI=true: CI must run the
// check (scripts/setup.sh installs libreoffice-calc).
func Soffice(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	testenv.Skip(t, "LibreOffice (soffice) is not installed: skipping the recalculation check (scripts/setup.sh installs libreoffice-calc)")
	return ""
}

// RecalcProfile makes a throwaway LibreOffice profile that always
// recalculates formulas on load (OOXMLRecalcMode = 0). By default
// LibreOffice keeps an xlsx file's cached values, which would make the
// check prove nothing.
func RecalcProfile(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	user := filepath.Join(dir, "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	xcu := `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
	if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(xcu), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// ConvertXLSX re-saves in as xlsx with headless LibreOffice, using
// profile, and returns the new file's path.
func ConvertXLSX(t testing.TB, bin, profile, in string) string {
	t.Helper()
	outDir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+profile, "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, in)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	res := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+".xlsx")
	if _, err := os.Stat(res); err != nil {
		t.Fatalf("soffice wrote no output for %s: %s", in, out)
	}
	return res
}

// Recalculator finds LibreOffice, makes an always-recalculate profile and
// proves with a canary that it recalculates: the canary's cached value is
// wrong on purpose (999 for 2+3) and must come back as 5. It returns a
// function that re-saves a workbook through LibreOffice.
func Recalculator(t testing.TB) func(in string) string {
	t.Helper()
	bin := Soffice(t)
	profile := RecalcProfile(t)
	canary := filepath.Join(t.TempDir(), "canary.xlsx")
	cf := excelize.NewFile()
	defer cf.Close()
	cf.SetCellValue("Sheet1", "A1", 2)
	cf.SetCellValue("Sheet1", "A2", 3)
	if _, err := cf.NewSheet("Sheet2"); err != nil {
		t.Fatal(err)
	}
	sw, err := cf.NewStreamWriter("Sheet2")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{Formula: "Sheet1!A1+Sheet1!A2", Value: 999}}); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := cf.SaveAs(canary); err != nil {
		t.Fatal(err)
	}
	if v := CellValue(t, canary, "Sheet2", "A1"); v != "999" {
		t.Fatalf("canary before: got cached %q, want 999", v)
	}
	if v := CellValue(t, ConvertXLSX(t, bin, profile, canary), "Sheet2", "A1"); v != "5" {
		t.Fatalf("canary after LibreOffice: got %q, want 5 — the profile did not force recalculation", v)
	}
	return func(in string) string { return ConvertXLSX(t, bin, profile, in) }
}

// CellValue returns the value stored in a cell, unformatted: for a formula
// cell, the cached result a reader without a calculation engine sees.
func CellValue(t testing.TB, path, sheet, cell string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

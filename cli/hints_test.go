package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
)

// The engine's hints name no flag (the app shows them word for word);
// the command line adds its own: each Fix gets the flag that takes it.
func TestHowNamesTheFlag(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fix  reconcile.Fix
		want string
	}{
		{reconcile.FixPassword, "--password"},
		{reconcile.FixOutputFile, "-o"},
		{reconcile.FixOutputFolder, "--parquet"},
		{reconcile.FixMapColumns, `--map 'a.csv!S:COLUMN=consignee'`},
		{reconcile.FixCheckClaims, "check --claims"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			err := &reconcile.Error{File: "/d/a.csv", Sheet: "S", Err: reconcile.ErrNoTable, Hint: "do this", Fix: tt.fix}
			if strings.Contains(err.Error(), "-") {
				t.Fatalf("the engine's message names a flag: %q", err.Error())
			}
			if got := explain(err); !strings.Contains(got, "do this; ") || !strings.Contains(got, tt.want) {
				t.Errorf("explain = %q, want the hint and %q", got, tt.want)
			}
		})
	}
	if how(reconcile.Step{}) != "" {
		t.Error("an error without a Fix gets words")
	}
}

// The notes that ask for a step (dates without an order, "tons", a
// currency label, an export register's country, rows to include, a
// column to map) name no flag; the command line adds the flag, with the
// note's file, sheet, column or label as an argument to copy.
func TestNotesWithFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		step reconcile.Step
		want string
	}{
		{reconcile.Step{Fix: reconcile.FixDateOrder, File: "/d/us.csv"}, `--date-order 'us.csv:dmy' (day first) or 'us.csv:mdy' (month first, US style)`},
		{reconcile.Step{Fix: reconcile.FixDateOrder, File: "/d/b.xlsx", Sheet: "Data 2"}, `--date-order 'b.xlsx!Data 2:dmy'`},
		{reconcile.Step{Fix: reconcile.FixTonUnit, File: "/d/t.csv"}, `--unit 't.csv:tons=t' (metric), 't.csv:tons=short ton' or 't.csv:tons=long ton'`},
		{reconcile.Step{Fix: reconcile.FixCurrencyRate, Value: "у.е."}, `--rate 'у.е.=RATE'`},
		{reconcile.Step{Fix: reconcile.FixTradeFlow, File: "/d/register.csv"}, `--flow 'register.csv=export:CC'`},
		{reconcile.Step{Fix: reconcile.FixTradeFlow}, `--flow 'FILE=export:CC' for the file of export declarations`},
		{reconcile.Step{Fix: reconcile.FixTradeFlow, File: "/d/kz.csv", Value: reconcile.FlowImport}, `--flow 'kz.csv=import:CC'`},
		{reconcile.Step{Fix: reconcile.FixMapColumns, File: "/d/bl.csv", Column: 4, Value: "dispatch_country"}, `--map 'bl.csv:D=dispatch_country'`},
		{reconcile.Step{Fix: reconcile.FixIncludeRows, File: "/d/reg.csv"}, `"include" in the Decision column`},
		{reconcile.Step{Fix: reconcile.FixShipmentRules}, "--bl-window, --packaging-band and --export-window"},
		{reconcile.Step{Fix: reconcile.FixImportDestination, File: "/d/kz.csv", Value: "KZ"}, `if they are export declarations, with --flow 'kz.csv=export:KZ'; if they are imports into another country, with --map 'kz.csv:destination_country=CC' (CC: the destination's ISO code)`},
		{reconcile.Step{Fix: reconcile.FixLeaveOutSheet, File: "/d/b.xlsx", Sheet: "Sheet 2"}, `--skip-sheet 'b.xlsx!Sheet 2'`},
		{reconcile.Step{Fix: reconcile.FixDecimalSeparator, File: "/d/amb.csv", Column: 3}, `--decimal 'amb.csv:C=comma' or 'amb.csv:C=point', or --unit 'amb.csv:C=t'`},
		{reconcile.Step{Fix: reconcile.FixDateOrder, File: "/d/it's.csv"}, `--date-order 'it'\''s.csv:dmy'`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			n := reconcile.Note{Text: "left out until you decide", Step: tt.step}
			if got := withFlags(n); !strings.HasPrefix(got, n.Text+" — ") || !strings.Contains(got, tt.want) {
				t.Errorf("withFlags = %q, want the text, then %q", got, tt.want)
			}
		})
	}
	if n := (reconcile.Note{Text: "plain"}); withFlags(n) != "plain" {
		t.Errorf("a note that asks for no step gets words: %q", withFlags(n))
	}
}

// End to end: a locked workbook, and --parquet given a file, are
// explained with the flag to use.
func TestCLIHintsEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	locked := lockedWorkbook(t, dir)
	for _, cmd := range []string{"inspect", "reconcile"} {
		_, _, stderr := runCLI(cmd, "-o", filepath.Join(dir, "o.xlsx"), locked)
		if cmd == "inspect" {
			_, _, stderr = runCLI(cmd, locked)
		}
		if !strings.Contains(stderr, "give the workbook's password; give it with --password") {
			t.Errorf("%s: stderr %q lacks the hint and the flag", cmd, stderr)
		}
	}
	files := sampleCopy(t)
	_, _, stderr := runRec(append([]string{"reconcile", "--parquet", files[0]}, files...)...)
	if !strings.Contains(stderr, "the Parquet files go into a folder; this is a file; give --parquet a folder") {
		t.Errorf("--parquet FILE: stderr %q lacks the hint and the flag", stderr)
	}
}

// lockedWorkbook writes a one-row workbook protected by the password
// "pw" into dir.
func lockedWorkbook(t *testing.T, dir string) string {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Importer", "Net weight"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"A", 1})
	path := filepath.Join(dir, "locked.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: "pw"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// End to end: the notes of a file whose dates could be day/month or
// month/day, whose weights are in "tons" alone and whose shipper country
// could be the dispatch country, as reconcile and inspect print them:
// the engine's words, then the flag with the file's own name to copy.
func TestNotesNameFlagsEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	us, tons := filepath.Join(dir, "us.csv"), filepath.Join(dir, "tons.csv")
	os.WriteFile(us, []byte("Arrival Date,Consignee,Shipper,Shipper Country,HS Code,Net weight (kg)\n"+
		"03/04/2022,OOO ALFA,ACME LTD,CHINA,930200,100\n05/06/2022,OOO BETA,ACME LTD,CHINA,930200,200\n"), 0o644)
	os.WriteFile(tons, []byte("Date,Consignee,HS Code,Net weight (tons)\n2022-10-03,OOO GAMMA,930200,2\n"), 0o644)
	for _, run := range []struct {
		args  []string
		wants []string
	}{
		{[]string{"reconcile", "--no-saved-mappings", "-o", filepath.Join(dir, "out.xlsx"), us, tons}, []string{
			"until you state the order: day first, or month first (US style) — with --date-order 'us.csv:dmy' (day first) or 'us.csv:mdy'",
			"left out of tonnes until you decide which the file means — with --unit 'tons.csv:tons=t' (metric)",
		}},
		{[]string{"inspect", "--no-saved-mappings", us}, []string{
			"map the column to dispatch_country — with --map 'us.csv:D=dispatch_country'",
			"date order is stated: day first or month first — with --date-order 'us.csv:dmy'",
		}},
	} {
		code, stdout, stderr := runCLI(run.args...)
		if code != ExitOK {
			t.Fatalf("%s: exit %d; stderr:\n%s", run.args[0], code, stderr)
		}
		for _, want := range run.wants {
			if !strings.Contains(stdout, want) {
				t.Errorf("%s does not say %q:\n%s", run.args[0], want, stdout)
			}
		}
	}
}

// The note on an import register's rows that took the declaring country
// as their destination says how to undo it: the file holds exports
// (--flow FILE=export:KZ, the country it names), or the rows went to
// another country (--map FILE:destination_country=CC). It used to ask for
// --flow FILE=export:CC, a declaring country the note already names, which
// a user would fill in with the destination. Both undos work as said.
func TestImportDestinationUndoHint(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "kz.csv")
	if err := os.WriteFile(path, []byte("Реестр ДТ (импорт)\nДата;Получатель;Отправитель;Код ТН ВЭД;Вес нетто, кг\n25.07.2022;ТОО «Qazaq Armor»;SHANDONG HUAAN;6307909800;8000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runRec("reconcile", "--flow", "kz.csv=import:KZ", "-o", filepath.Join(dir, "a.xlsx"), path)
	out := stdout + stderr
	if code != ExitOK || !strings.Contains(out, "1 rows without a destination country take KZ") {
		t.Fatalf("exit %d, no import-destination note:\n%s", code, out)
	}
	undo := []string{"--flow 'kz.csv=export:KZ'", "--map 'kz.csv:destination_country=CC' (CC: the destination's ISO code)"}
	for _, w := range undo {
		if !strings.Contains(out, w) {
			t.Errorf("the note does not say %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "export:CC") || strings.Contains(out, "the declaring country's ISO code") {
		t.Errorf("the note asks for the declaring country it names:\n%s", out)
	}
	for _, tc := range []struct {
		args []string
		gone string
	}{
		{[]string{"--flow", "kz.csv=export:KZ"}, "take KZ"},
		{[]string{"--flow", "kz.csv=import:KZ", "--map", "kz.csv:destination_country=AM"}, "take KZ"},
	} {
		args := append(append([]string{"reconcile"}, tc.args...), "-o", filepath.Join(dir, "b.xlsx"), path)
		code, stdout, stderr := runRec(args...)
		if code != ExitOK || strings.Contains(stdout+stderr, tc.gone) {
			t.Errorf("%v: exit %d, the rows still take the declaring country:\n%s%s", tc.args, code, stdout, stderr)
		}
	}
}

package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
)

// frontEndWords are words only a front end may use: a flag ("--date-order"),
// the CLI's name, the app's screens. The app shows the engine's notes word
// for word and the workbook is read by an editor, so the engine says what
// is wrong and what to decide, and each front end says where (cli/hints.go,
// ui/errors.go).
var frontEndWords = regexp.MustCompile(`--\pL|tradecheck-cli|\bCLI\b|\bin the app\b|\b(Sources|Shipments|Claims|Totals) screen\b`)

// notesProject is a run over files that raise every note, warning and
// column reason that asks the user for a step: dates that could be
// day/month or month/day, weights in "tons" alone (header and cells), a
// currency label that is no currency, a row with figures but no party, an
// export register whose declaring country nobody states, a shipper's
// country column, two sources whose rows look alike but never merge, a
// table whose columns need mapping, a workbook's Claims sheet, and
// shipment rules that are not the defaults.
func notesProject(t *testing.T) *Project {
	t.Helper()
	dir := filepath.Join("testdata", "notes")
	var files []string
	for _, f := range []string{"us_dates.csv", "tons_header.csv", "tons_cells.csv", "currency_label.csv", "unidentified.csv",
		"export_register.csv", "needs_mapping.csv", "declarations.csv", "feed.csv"} {
		files = append(files, filepath.Join(dir, f))
	}
	book := excelize.NewFile()
	defer book.Close()
	book.SetSheetName("Sheet1", "Data")
	for r, row := range [][]any{{"Date", "Consignee", "HS Code", "Net weight (kg)"}, {"2022-05-02", "OOO ETA", "930200", 40}} {
		if err := book.SetSheetRow("Data", fmt.Sprintf("A%d", r+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := book.NewSheet("Claims"); err != nil {
		t.Fatal(err)
	}
	if err := book.SetSheetRow("Claims", "A1", &[]any{"Claim", "Measure"}); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(t.TempDir(), "with_claims.xlsx")
	if err := book.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	p := NewProject(append(files, xlsx)...)
	for i := range p.Sources {
		if filepath.Base(p.Sources[i].Path) == "export_register.csv" {
			p.Sources[i].Flow = map[string]string{"": reconcile.FlowExport}
		}
	}
	p.Params.BLDaysBefore, p.Params.BLDaysAfter = 10, 20
	return p
}

// engineTexts is every text a run hands a front end or the workbook as
// it is, each with where it came from: notes, warnings, sheet statuses and
// errors, column reasons and flag details.
func engineTexts(res *Result) map[string]string {
	out := map[string]string{}
	add := func(where, text string) {
		if text != "" {
			out[where+": "+text] = text
		}
	}
	for i, n := range res.ReadNotes() {
		add(fmt.Sprintf("read note %d", i), n.Text)
	}
	for i, n := range res.DecisionNotes() {
		add(fmt.Sprintf("decision note %d", i), n.Text)
	}
	for i, w := range res.Warnings() {
		add(fmt.Sprintf("warning %d", i), w.Text)
	}
	for _, f := range res.Files {
		name := filepath.Base(f.Path)
		if f.Err != nil {
			add(name+" error", f.Err.Error())
		}
		for _, s := range f.Sheets {
			at := name + " [" + s.Sheet + "]"
			for i, w := range s.Warnings {
				add(fmt.Sprintf("%s warning %d", at, i), w.Text)
			}
			for i, c := range s.Checks {
				add(fmt.Sprintf("%s check %d", at, i), c)
			}
			add(at+" status", s.Status)
			if s.Err != nil {
				add(at+" error", s.Err.Error())
			}
			for i, c := range s.Columns {
				add(fmt.Sprintf("%s column %s reason", at, reconcile.ColumnName(i+1)), c.Reason)
			}
		}
	}
	for _, r := range res.Records {
		for _, f := range r.Flags {
			add("flag "+string(f.Code), f.Detail)
		}
	}
	return out
}

// stepsAsked are the Fix kinds the notes, warnings and column reasons of
// res ask for.
func stepsAsked(res *Result) map[reconcile.Fix]bool {
	out := map[reconcile.Fix]bool{}
	notes := append(res.ReadNotes(), res.Warnings()...)
	for _, f := range res.Files {
		for _, s := range f.Sheets {
			notes = append(append(notes, s.Warnings...), s.Reasons()...)
		}
	}
	for _, n := range notes {
		out[n.Fix] = true
	}
	return out
}

// workbookTexts is every cell of the audit workbook written from res.
func workbookTexts(t *testing.T, res *Result) map[string]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "audit.xlsx")
	if err := WriteWorkbook(context.Background(), res, path, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	for _, sheet := range f.GetSheetList() {
		for r, row := range rowsOf(t, f, sheet) {
			for c, v := range row {
				out[fmt.Sprintf("workbook %s!%s%d", sheet, reconcile.ColumnName(c+1), r+1)] = v
			}
		}
	}
	return out
}

// The engine's texts name no flag, no CLI and no screen of the app, on
// the samples and on files that raise every note that asks for a step.
func TestEngineTextNamesNoFrontEnd(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		run  func(t *testing.T) *Result
	}{
		{"samples", func(t *testing.T) *Result { return runSamples(t) }},
		{"every note", func(t *testing.T) *Result {
			res, err := Run(context.Background(), notesProject(t), nil)
			if err != nil {
				t.Fatal(err)
			}
			// The files must raise every step, or the scan below proves
			// nothing about its words.
			asked := stepsAsked(res)
			for _, fix := range []reconcile.Fix{reconcile.FixDateOrder, reconcile.FixTonUnit, reconcile.FixCurrencyRate, reconcile.FixTradeFlow,
				reconcile.FixIncludeRows, reconcile.FixShipmentRules, reconcile.FixMapColumns} {
				if !asked[fix] {
					t.Errorf("no note asks for step %d", fix)
				}
			}
			return res
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := tc.run(t)
			texts := engineTexts(res)
			for k, v := range workbookTexts(t, res) {
				texts[k] = v
			}
			for where, text := range texts {
				if m := frontEndWords.FindString(text); m != "" {
					t.Errorf("%s names %q", where, m)
				}
			}
		})
	}
}

package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/totals"
)

// An import register and the exporting country's register of the same
// two shipments: counted twice while nothing says which file is which,
// once when the export file states it (banner) or the user does, with the
// declaring country as the export rows' dispatch country.
func TestExportRegisterPairs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string { return writeFile(t, dir, name, body) }
	imp := write("import.csv", "Date;Declaration No;Consignee;Shipper;HS Code;Net Weight (kg);Gross Weight (kg);Value USD\n"+
		"15.09.2022;10702070/150922/0001234;OOO TEKHKRIM;NORTH INDUSTRIES CO LTD;9302000000;1000,0;1040,0;50000\n"+
		"20.10.2022;10702070/201022/0001300;OOO TEKHKRIM;NORTH INDUSTRIES CO LTD;6307909800;2500,0;2600,0;80000\n")
	const rows = "Export Date,Export Declaration No,Exporter,Consignee,HS Code,Net Weight (kg),Gross Weight (kg),FOB Value (USD)\n" +
		"2022-08-10,220120220001234,NORTH INDUSTRIES CO LTD,TEKHKRIM LLC,93020000,1000.0,1040.0,46000\n" +
		"2022-09-30,220120220001300,NORTH INDUSTRIES CO LTD,TEKHKRIM LLC,63079098,2500.0,2600.0,73600\n"
	plain := write("register.csv", rows)
	bannered := write("china.csv", "China Customs exports, 2022\n"+rows)
	// A Turkish-style banner: the flow from the title, the declaring
	// country only from the "country of dispatch" line.
	dispatch := write("turkey.csv", "Export declarations query result\nCountry of dispatch: Turkey\n"+rows)
	for _, tc := range []struct {
		name      string
		files     []string
		flow      map[string]string
		country   string
		shipments int
		tonnes    float64
		note      string
	}{
		{"nothing says which is the export file", []string{imp, plain}, nil, "", 4, 7, ""},
		{"the banner says so", []string{imp, bannered}, nil, "", 2, 3.5, "export declarations of China (banner"},
		{"the user says so, with the country", []string{imp, plain}, map[string]string{"": reconcile.FlowExport}, "CN", 2, 3.5, "export declarations of China (set by the user"},
		{"the banner states the dispatch country", []string{imp, dispatch}, nil, "", 2, 3.5, "export declarations of Türkiye (banner"},
		{"the user says so, without the country", []string{imp, plain}, map[string]string{"": reconcile.FlowExport}, "", 2, 3.5, "does not say which country declared them, so their dispatch country stays unknown where no column gives it until you give the declaring country"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := NewProject(tc.files...)
			p.Sources[1].Flow, p.Sources[1].DeclaringCountry = tc.flow, tc.country
			res, err := Run(context.Background(), p, nil)
			if err != nil {
				t.Fatal(err)
			}
			tot := res.Totals(totals.ByNone, totals.Filter{}).Total
			if tot.Shipments != tc.shipments || tot.Tonnes != tc.tonnes {
				t.Errorf("%d shipments, %.3f t; want %d, %.3f", tot.Shipments, tot.Tonnes, tc.shipments, tc.tonnes)
			}
			notes := strings.Join(reconcile.NoteTexts(res.ReadNotes()), "\n")
			if tc.note != "" && !strings.Contains(notes, tc.note) {
				t.Errorf("notes %q do not say %q", notes, tc.note)
			}
			sh := res.Files[1].Sheets[0]
			warn := strings.Join(reconcile.NoteTexts(sh.Warnings), "\n")
			exp := res.Records[sh.First]
			switch {
			case tc.shipments == 4:
				if exp.DispatchCountry != "" || sh.Flow != "" {
					t.Errorf("flow %q, dispatch %q guessed", sh.Flow, exp.DispatchCountry)
				}
			case tc.country == "" && tc.flow != nil:
				if exp.DispatchCountry != "" || !strings.Contains(warn, "does not say which country") {
					t.Errorf("dispatch %q; warnings %q", exp.DispatchCountry, warn)
				}
				// The warning and the read note ask for the declaring
				// country of this file, a step each front end words.
				for _, ns := range [][]reconcile.Note{sh.Warnings, res.ReadNotes()} {
					if n := noteWith(ns, reconcile.FixTradeFlow); n.File != plain {
						t.Errorf("no note asks for the trade flow of %s: %+v", plain, ns)
					}
				}
			default:
				want := "CN"
				if tc.files[1] == dispatch {
					want = "TR"
				}
				if exp.DispatchCountry != want || exp.OriginCountry != want || !strings.Contains(warn, "take "+want+", the declaring country") {
					t.Errorf("dispatch %q origin %q; warnings %q", exp.DispatchCountry, exp.OriginCountry, warn)
				}
			}
			if tc.shipments == 2 {
				for _, s := range res.Merge.Shipments {
					if len(s.Rows) != 2 || !strings.Contains(strings.Join(s.Reasons, "|"), "export declaration 22012022000") {
						t.Errorf("shipment %s rows %v reasons %q", s.ID, s.Rows, s.Reasons)
					}
				}
			}
		})
	}
}

// An import register names its rows' destination only through the
// country that declared them: stated (by the user here), its rows
// without a destination column take it; unstated, the note says how to
// give it and the destination stays unknown.
func TestImportRegisterDestination(t *testing.T) {
	p := filepath.Join(t.TempDir(), "kz.csv")
	if err := os.WriteFile(p, []byte("Реестр ДТ (импорт)\nДата;Получатель;Отправитель;Код ТН ВЭД;Вес нетто, кг\n25.07.2022;ТОО «Qazaq Armor»;SHANDONG HUAAN;6307909800;8000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, country, dest, note string
		step                      reconcile.Step // Fix and Value
	}{
		{"the country is not stated", "", "", "the destination of 1 rows stays unknown until you give the declaring country",
			reconcile.Step{Fix: reconcile.FixTradeFlow, Value: reconcile.FlowImport}},
		// Known, the country is no longer asked for: the step undoes
		// the destination the rows took from it.
		{"the user states it", "KZ", "KZ", "declared in KZ: 1 rows without a destination country take KZ",
			reconcile.Step{Fix: reconcile.FixImportDestination, Value: "KZ"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pr := NewProject(p)
			pr.Sources[0].DeclaringCountry = tc.country
			res, err := Run(context.Background(), pr, nil)
			if err != nil {
				t.Fatal(err)
			}
			sh := res.Files[0].Sheets[0]
			if sh.Flow != reconcile.FlowImport {
				t.Fatalf("flow %q (%s)", sh.Flow, sh.FlowWhy)
			}
			if got := res.Records[sh.First].DestinationCountry; got != tc.dest {
				t.Errorf("destination %q, want %q", got, tc.dest)
			}
			if w := strings.Join(reconcile.NoteTexts(sh.Warnings), "\n"); !strings.Contains(w, tc.note) {
				t.Errorf("warnings %q do not say %q", w, tc.note)
			}
			// The run's notes (CLI output, Summary, the app's Totals)
			// repeat it, with the step that changes it.
			found := false
			for _, n := range res.ReadNotes() {
				found = found || strings.Contains(n.Text, tc.note) && n.Fix == tc.step.Fix && n.Value == tc.step.Value && n.File == p
			}
			if !found {
				t.Errorf("read notes %+v do not say %q with the step %+v", res.ReadNotes(), tc.note, tc.step)
			}
		})
	}
}

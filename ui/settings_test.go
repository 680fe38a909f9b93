package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tradecheck/reconcile/totals"
)

// openCSV writes body as a CSV file named name and loads it into a new
// test UI, failing the test when the run gives no result.
func openCSV(t *testing.T, name, body string) *UI {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	u.OpenPaths([]string{path})
	settle(t, u)
	if u.result == nil {
		t.Fatalf("no result; status %q", u.status.Text)
	}
	return u
}

// ueCSV is a register whose values are in "у.е." (conventional units),
// which the reader never takes for a currency.
const ueCSV = "Declaration date,Consignee,Shipper,HS Code,Net weight (kg),Value,Currency\n" +
	"2022-03-04,OOO ALFA,ACME LTD,930200,100,1000,у.е.\n2022-05-06,OOO BETA,ACME LTD,930200,200,500,у.е.\n" +
	"2022-05-07,OOO BETA,ACME LTD,930200,300,250,USD\n"

// A rate entered in the Rates and rules panel converts the label's
// values: the value total grows by them and the note asking for the
// rate goes away, on the Totals screen and in the project's rates.
func TestSettingsRateChangesTotals(t *testing.T) {
	u := openCSV(t, "ue.csv", ueCSV)
	valueTotal := func() float64 { return u.result.Totals(totals.ByNone, totals.Filter{}).Total.ValueUSD }
	if got := valueTotal(); got != 250 {
		t.Fatalf("value before the rate = %v, want 250 (the у.е. values left out)", got)
	}
	u.sources.list.Select(firstTableItem(t, u))
	settle(t, u)
	if n := u.sources.settings.notes.Text; !strings.Contains(n, `"у.е."`) || !strings.Contains(n, "Rates and rules…") {
		t.Errorf("the Sources screen does not show the sheet's у.е. note with the panel's name: %q", n)
	}
	u.tabs.Select(u.tabTotals)
	settle(t, u)
	if !strings.Contains(u.totals.notes.Text, `"у.е."`) || !strings.Contains(u.totals.notes.Text, "Rates and rules…") {
		t.Fatalf("Totals notes do not ask for the у.е. rate with the panel's name:\n%s", u.totals.notes.Text)
	}
	uses := currencyUses(u.result)
	if len(uses) != 1 || uses[0].label != "у.е." || uses[0].n != 2 || uses[0].total != 1500 {
		t.Fatalf("currencies found = %+v, want у.е. with 2 values totalling 1500", uses)
	}

	p := newSettingsPanel(u)
	p.content()
	e := p.rates["у.е."]
	if e == nil {
		t.Fatal("the panel has no rate entry for у.е.")
	}
	e.SetText("1")
	p.apply()
	settle(t, u)
	if got := valueTotal(); got != 1750 {
		t.Errorf("value after у.е.=1 = %v, want 1750", got)
	}
	if strings.Contains(u.totals.notes.Text, `"у.е."`) {
		t.Errorf("the note asking for the rate is still shown:\n%s", u.totals.notes.Text)
	}
	if r := u.project.Rates; len(r) != 1 || r[0].Currency != "у.е." || r[0].ToUSD != 1 || r[0].Month != "" {
		t.Errorf("project rates = %+v, want у.е.=1 for every month", r)
	}
}

// The panel refuses bad entries as a whole, naming the field, and
// changes nothing; default rules are stored as "the default".
func TestSettingsRead(t *testing.T) {
	u := openCSV(t, "ue.csv", ueCSV)
	for _, tc := range []struct {
		name, rate, months, bl, band, wantErr string
	}{
		{name: "zero rate", rate: "0", wantErr: "rate for у.е."},
		{name: "monthly without month", months: "EUR=1.1", wantErr: "CUR:YYYY-MM=USD"},
		{name: "bad month", months: "EUR:June=1.1", wantErr: "not YYYY-MM"},
		{name: "positive before", bl: "10,+2", wantErr: "B/L window"},
		{name: "band as percent number", band: "15", wantErr: "packaging band"},
		{name: "good", rate: "1", months: "EUR:2022-05=1.08", bl: "-7,+3", band: "20%"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newSettingsPanel(u)
			p.content()
			p.rates["у.е."].SetText(tc.rate)
			p.months.SetText(tc.months)
			if tc.bl != "" {
				p.bl.SetText(tc.bl)
			}
			if tc.band != "" {
				p.band.SetText(tc.band)
			}
			rates, par, err := p.read()
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("read() error = %v, want one saying %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(rates) != 2 || rates[1].Currency != "EUR" || rates[1].Month != "2022-05" {
				t.Errorf("rates = %+v", rates)
			}
			if par.BLDaysBefore != 7 || par.BLDaysAfter != 3 || par.PackagingBandPct != 20 || par.ExportDaysBefore != 0 {
				t.Errorf("params = %+v, want B/L 7,3, band 20, export window left at the default (0)", par)
			}
		})
	}
}

// Weights in "tons" alone stay out of tonnes, and the sheet's note says
// where to decide; choosing short tons on the Sources screen counts them
// as 907.18 kg each, saved with the project, and the note goes away.
func TestSourcesTonsChoice(t *testing.T) {
	u := openCSV(t, "tons.csv", "Date,Consignee,HS Code,Net weight (tons)\n2022-10-03,OOO ALFA,930200,2\n2022-10-04,OOO BETA,930200,3\n")
	tonnes := func() float64 { return u.result.Totals(totals.ByNone, totals.Filter{}).Total.Tonnes }
	if got := tonnes(); got != 0 {
		t.Fatalf("tonnes before deciding = %v, want 0 (tons left out)", got)
	}
	s := u.sources
	s.list.Select(firstTableItem(t, u))
	settle(t, u)
	st := s.settings
	if !st.notes.Visible() || !strings.Contains(st.notes.Text, `"tons" mean beside Date order`) {
		t.Fatalf("the sheet's note does not point to the tons control: %q", st.notes.Text)
	}
	st.tons.SetSelected(tonsShort)
	settle(t, u)
	if got, want := tonnes(), 5*0.90718474; got < want-1e-9 || got > want+1e-9 {
		t.Errorf("tonnes after short ton = %v, want %v", got, want)
	}
	found := false
	for _, o := range u.project.Sources[0].Mapping {
		found = found || (o.Column == -1 && o.Unit == "short ton")
	}
	if !found {
		t.Errorf("the choice is not saved with the project: %+v", u.project.Sources[0].Mapping)
	}
	for _, n := range u.result.ReadNotes() {
		if strings.Contains(n.Text, "tons") {
			t.Errorf("engine note still there: %q", n.Text)
		}
	}
	if st.tons.Selected != tonsShort || strings.Contains(st.notes.Text, "tons") {
		t.Errorf("after the re-read the select shows %q and the notes %q", st.tons.Selected, st.notes.Text)
	}
}

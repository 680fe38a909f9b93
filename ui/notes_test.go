package ui

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
)

// flagWords are the command line's words, which the app never shows.
var flagWords = regexp.MustCompile(`--\pL|\bCLI\b`)

// Every step the engine asks for gets the app's own words, naming its
// controls, never a flag.
func TestHowNamesAControl(t *testing.T) {
	t.Parallel()
	tests := []struct {
		step reconcile.Step
		want string
	}{
		{reconcile.Step{Fix: reconcile.FixDateOrder, File: "/d/us.csv"}, "Date order on the Sources screen"},
		{reconcile.Step{Fix: reconcile.FixTradeFlow, File: "/d/register.csv"}, "beside Trade flow on the Sources screen"},
		{reconcile.Step{Fix: reconcile.FixTradeFlow}, "set its Trade flow to " + flowExport},
		{reconcile.Step{Fix: reconcile.FixMapColumns, File: "/d/bl.csv", Column: 4, Value: "dispatch_country"}, "choose dispatch_country above column D on the Sources screen"},
		{reconcile.Step{Fix: reconcile.FixMapColumns, File: "/d/bl.csv"}, "click its columns to choose their fields"},
		{reconcile.Step{Fix: reconcile.FixIncludeRows, File: "/d/reg.csv"}, "click Count again"},
		{reconcile.Step{Fix: reconcile.FixTonUnit, File: "/d/t.csv"}, "\"tons\" mean beside Date order on the Sources screen"},
		{reconcile.Step{Fix: reconcile.FixCurrencyRate, Value: "у.е."}, "rate for у.е. in Rates and rules…"},
		{reconcile.Step{Fix: reconcile.FixShipmentRules}, "Rates and rules… (on the Totals screen)"},
		{reconcile.Step{Fix: reconcile.FixImportDestination, File: "/d/kz.csv", Value: "KZ"}, "set the file's Trade flow to " + flowExport},
		{reconcile.Step{Fix: reconcile.FixLeaveOutSheet, File: "/d/b.xlsx", Sheet: "Sheet2"}, "click " + leaveOutLabel},
		{reconcile.Step{Fix: reconcile.FixDecimalSeparator, File: "/d/b.xlsx", Column: 3}, "cannot set a column's decimal separator yet"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got := withControls(reconcile.Note{Text: "left out until you decide", Step: tt.step})
			if !strings.HasPrefix(got, "left out until you decide — ") || !strings.Contains(got, tt.want) || flagWords.MatchString(got) {
				t.Errorf("withControls = %q, want the text, then %q, and no flag", got, tt.want)
			}
		})
	}
}

// A file whose dates could be day/month or month/day and whose shipper
// country column could be the dispatch country: the Sources screen says
// so with its own controls, not the command line's flags.
func TestSourcesScreenNotesNameControls(t *testing.T) {
	u := openCSV(t, "us.csv", "Arrival Date,Consignee,Shipper,Shipper Country,HS Code,Net weight (kg)\n"+
		"03/04/2022,OOO ALFA,ACME LTD,CHINA,930200,100\n05/06/2022,OOO BETA,ACME LTD,CHINA,930200,200\n")
	s := u.sources
	s.list.Select(firstTableItem(t, u))
	settle(t, u)
	if !strings.Contains(s.summary.Text, "day first or month first — choose it in Date order on the Sources screen") {
		t.Errorf("summary does not point to the Date order control: %q", s.summary.Text)
	}
	s.grid.Select(widget.TableCellID{Row: 1, Col: 4}) // column D, Shipper Country
	if !strings.Contains(s.why.Text, "choose dispatch_country above column D on the Sources screen") {
		t.Errorf("column D's reason does not point to the field picker: %q", s.why.Text)
	}
	for what, text := range map[string]string{"summary": s.summary.Text, "column reason": s.why.Text} {
		if m := flagWords.FindString(text); m != "" {
			t.Errorf("the %s names %q: %q", what, m, text)
		}
	}
}

package pipeline

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
)

// An import declaration's destination is the country whose customs
// declared it; the engine fills it only where the file is silent and the
// rows are imports.
func TestFillImportDestination(t *testing.T) {
	t.Parallel()
	destCol := []read.Column{{Header: "Destination", Field: reconcile.FieldDestinationCountry}}
	for _, tt := range []struct {
		name     string
		sr       SheetResult
		rec      reconcile.Record
		wantDest string
	}{
		{"stated import, declared in RU", SheetResult{Flow: reconcile.FlowImport, FlowWhy: "banner", Country: "RU"}, reconcile.Record{}, "RU"},
		{"no flow, dispatched from abroad", SheetResult{Country: "UA"}, reconcile.Record{DispatchCountry: "CN"}, "UA"},
		{"no flow, dispatched from the declaring country", SheetResult{Country: "UA"}, reconcile.Record{DispatchCountry: "UA"}, ""},
		{"no flow, no dispatch", SheetResult{Country: "UA"}, reconcile.Record{}, ""},
		{"export register", SheetResult{Flow: reconcile.FlowExport, Country: "TR"}, reconcile.Record{DispatchCountry: "TR"}, ""},
		{"declaring country unknown", SheetResult{Flow: reconcile.FlowImport}, reconcile.Record{DispatchCountry: "CN"}, ""},
		{"file has a destination column", SheetResult{Flow: reconcile.FlowImport, Country: "RU", Columns: destCol}, reconcile.Record{}, ""},
		{"row's own destination kept", SheetResult{Flow: reconcile.FlowImport, Country: "RU"}, reconcile.Record{DestinationCountry: "KZ"}, "KZ"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := tt.rec
			fillDeclaredCountry(&tt.sr, &rec)
			if rec.DestinationCountry != tt.wantDest {
				t.Errorf("destination = %q, want %q", rec.DestinationCountry, tt.wantDest)
			}
			filled := tt.rec.DestinationCountry == "" && tt.wantDest != ""
			var flag *reconcile.Flag
			for i := range rec.Flags {
				if rec.Flags[i].Code == reconcile.FlagDestinationFromDeclaration {
					flag = &rec.Flags[i]
				}
			}
			switch {
			case filled && (flag == nil || !flag.Kept || !strings.Contains(flag.Detail, "declared in "+tt.wantDest)):
				t.Errorf("flags = %+v, want a kept destination_from_declaration flag saying where it was declared", rec.Flags)
			case !filled && flag != nil:
				t.Errorf("flag %+v on a row whose destination was not filled", *flag)
			}
			st := sheetStats{}
			st.add(&tt.rec)
			note := importCountries(&tt.sr, &st)
			if filled != (note.Text != "") {
				t.Errorf("note = %q, want one exactly when a destination is filled", note.Text)
			}
		})
	}
}

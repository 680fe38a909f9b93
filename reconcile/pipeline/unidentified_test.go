package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/totals"
)

// A row with figures but no party, date or goods is never silently a
// shipment: it is listed, left out of totals and named in the notes,
// until the user includes it.
func TestUnidentifiedRowNeedsDecision(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reg.csv")
	if err := os.WriteFile(path, []byte("Date,Consignee,HS Code,Net weight (kg),Value USD\n"+
		"2022-10-03,OOO ALFA,930200,100,1000\n"+
		"2022-10-04,OOO BETA,930200,200,2000\n"+
		",,,7,70\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p := &Project{Sources: []SourceSpec{{Path: path}}}
	res, err := Run(ctx, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	all := res.Totals(totals.ByNone, totals.Filter{})
	if all.Total.Shipments != 2 || all.Total.ValueUSD != 3000 {
		t.Errorf("undecided: %d shipments, %v USD; want 2 and 3000", all.Total.Shipments, all.Total.ValueUSD)
	}
	if n := noteWith(res.DecisionNotes(), reconcile.FixIncludeRows); !strings.Contains(n.Text, "row 4") || !strings.Contains(n.Text, "left out of totals until you decide") || n.File != path {
		t.Errorf("no decision note names row 4 and asks to include it: %+v", res.ReadNotes())
	}
	sh := -1
	for i, s := range res.Merge.Shipments {
		if s.Excluded {
			sh = i
		}
	}
	if sh < 0 {
		t.Fatal("the unidentified row's shipment is not listed as excluded")
	}
	q := res.Project
	q.ShipmentDecisions = append(q.ShipmentDecisions, res.ExcludeDecision(merge.OpInclude, sh, ""))
	r2, err := res.Recluster(ctx, &q, nil)
	if err != nil {
		t.Fatal(err)
	}
	if all := r2.Totals(totals.ByNone, totals.Filter{}); all.Total.Shipments != 3 || all.Total.ValueUSD != 3070 {
		t.Errorf("included: %d shipments, %v USD; want 3 and 3070", all.Total.Shipments, all.Total.ValueUSD)
	}
}

// A total row that disagrees with the rows read is a warning (CLI,
// Summary notes, the app's Totals), not only a note.
func TestTotalMismatchWarns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reg.csv")
	if err := os.WriteFile(path, []byte("Date,Consignee,HS Code,Net weight (kg)\n"+
		"2022-10-03,OOO ALFA,930200,100\n"+
		"2022-10-04,OOO BETA,930200,200\n"+
		"TOTAL,,,150\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), &Project{Sources: []SourceSpec{{Path: path}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if w := strings.Join(reconcile.NoteTexts(res.Warnings()), "\n"); !strings.Contains(w, "reg.csv: 1 total row(s) do not match the rows read") {
		t.Errorf("warnings: %q", w)
	}
}

// Dates that cannot be settled are named among the notes that ask for a
// decision, with the flag to type; the user's order settles them.
func TestAmbiguousDatesAskForDecision(t *testing.T) {
	path := filepath.Join(t.TempDir(), "us.csv")
	if err := os.WriteFile(path, []byte("Arrival Date,Consignee,Net weight (kg)\n03/04/2022,OOO ALFA,100\n05/06/2022,OOO BETA,200\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	res, err := Run(ctx, &Project{Sources: []SourceSpec{{Path: path}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := noteWith(res.DecisionNotes(), reconcile.FixDateOrder); !strings.Contains(n.Text, "2 row(s) have dates in column A \"Arrival Date\"") ||
		!strings.Contains(n.Text, "until you state the order: day first, or month first") || n.File != path || n.Column != 1 {
		t.Errorf("decision notes: %+v", res.DecisionNotes())
	}
	p := &Project{Sources: []SourceSpec{{Path: path, Mapping: []ColumnOverride{{Column: -1, DateOrder: DateMDY}}}}}
	res, err = Run(ctx, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.DecisionNotes()) != 0 || res.Records[0].Date.String() != "2022-03-04" {
		t.Errorf("month first: notes %q, first date %s", res.DecisionNotes(), res.Records[0].Date)
	}
}

// noteWith is the first of notes whose step is fix (a zero Note if none).
func noteWith(notes []reconcile.Note, fix reconcile.Fix) reconcile.Note {
	for _, n := range notes {
		if n.Fix == fix {
			return n
		}
	}
	return reconcile.Note{}
}

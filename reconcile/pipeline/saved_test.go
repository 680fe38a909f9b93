package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
)

// A mapping the user fixed for one file is applied to the next file with
// the same header row, as an ordinary override, once.
func TestApplySaved(t *testing.T) {
	t.Parallel()
	files := sampleFiles(t)
	p := NewProject(files...)
	res, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The first sheet's consignee column, saved as not used.
	var fi, col int = -1, -1
	for i, f := range res.Files {
		for _, sh := range f.Sheets {
			for c, fld := range sh.Mapping() {
				if fld == reconcile.FieldConsignee && fi < 0 {
					fi, col = i, c
				}
			}
		}
	}
	if fi < 0 {
		t.Fatal("fixture: no consignee column in the samples")
	}
	sh := res.Files[fi].Sheets[0]
	st, err := read.OpenMappingStore(filepath.Join(t.TempDir(), "mappings.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := RememberMapping(st, sh.Headers(), col, reconcile.FieldNone); err != nil {
		t.Fatal(err)
	}
	if !p.ApplySaved(st, res) {
		t.Fatal("ApplySaved changed nothing, want the saved override added")
	}
	src := p.Sources[fi]
	if len(src.Mapping) != 1 || src.Mapping[0].Column != col || !src.Mapping[0].Ignore || src.Mapping[0].Header != sh.Headers()[col] {
		t.Fatalf("overrides %+v, want column %d ignored", src.Mapping, col)
	}
	res2, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := res2.Files[fi].Sheets[0].Mapping()[col]; got != reconcile.FieldNone {
		t.Errorf("after the rerun column %d maps to %q, want none", col, got)
	}
	if p.ApplySaved(st, res2) {
		t.Errorf("ApplySaved changed the project twice")
	}
}

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"tradecheck/reconcile/screen"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

func TestSourcesListAndMapping(t *testing.T) {
	u := loadSamples(t)
	s := u.sources
	// One line per sheet, and every sheet of every file is listed.
	sheets := 0
	for _, f := range u.result.Files {
		sheets += len(f.Sheets)
	}
	if got := s.list.Length(); got != sheets {
		t.Errorf("list: got %d lines, want %d sheets", got, sheets)
	}
	idx := firstTableItem(t, u)
	s.list.Select(idx)
	// The overlap of the sources shares the right side with the editor:
	// it must give way, or its text is drawn over the columns.
	if !s.panel.Visible() || s.overview.Visible() {
		t.Errorf("selecting a sheet did not show the mapping editor alone (panel %v, overview %v)", s.panel.Visible(), s.overview.Visible())
	}
	settle(t, u)
	if len(s.preview) == 0 {
		t.Fatalf("no preview rows; summary %q", s.summary.Text)
	}
	it := s.items[idx]
	sh := u.result.Files[it.file].Sheets[it.sheet]
	if s.rowNums[0] <= sh.HeaderRow {
		t.Errorf("first preview row is Excel row %d, want below the header (row %d)", s.rowNums[0], sh.HeaderRow)
	}

	// The summary says how the file was read; a click on a column says
	// why it was mapped.
	if !strings.Contains(s.summary.Text, "Read as "+sh.Format) || !strings.Contains(s.summary.Text, "units: ") || !strings.Contains(s.summary.Text, "currencies: ") {
		t.Errorf("summary lacks the format, units and currencies: %q", s.summary.Text)
	}
	if s.why.Text != whyHint {
		t.Errorf("before a click: %q", s.why.Text)
	}
	s.grid.Select(widget.TableCellID{Row: 1, Col: 1})
	if want := sh.Reasons()[0].Text; want == "" || !strings.Contains(s.why.Text, want) || !strings.Contains(s.why.Text, sh.Headers()[0]) {
		t.Errorf("after clicking column A: %q, want its header and reason %q", s.why.Text, want)
	}
	cell := widget.NewLabel("")
	s.updateCell(widget.TableCellID{Row: 0, Col: 1}, cell)
	if cell.Text != sh.Headers()[0] || !cell.TextStyle.Italic {
		t.Errorf("grid row 0: got %q (italic %v), want the header %q in italics", cell.Text, cell.TextStyle.Italic, sh.Headers()[0])
	}
	// Unmap the first mapped column through its selector.
	col := -1
	for i, f := range sh.Mapping() {
		if f != reconcile.FieldNone {
			col = i
			break
		}
	}
	hdr := s.grid.CreateHeader()
	s.updateHeader(widget.TableCellID{Row: -1, Col: col + 1}, hdr)
	sel := hdr.(*fyne.Container).Objects[1].(*widget.Select)
	if sel.Selected != string(sh.Mapping()[col]) {
		t.Fatalf("selector shows %q, want %q", sel.Selected, sh.Mapping()[col])
	}
	sel.SetSelected(notUsed)
	settle(t, u)
	src := u.project.Sources[it.file]
	if len(src.Mapping) != 1 || src.Mapping[0].Column != col || src.Mapping[0].Field != reconcile.FieldNone || !src.Mapping[0].Ignore || src.Mapping[0].Sheet != sh.Sheet {
		t.Fatalf("project mapping: got %+v, want column %d unmapped", src.Mapping, col)
	}
	if got := u.result.Files[it.file].Sheets[it.sheet].Mapping()[col]; got != reconcile.FieldNone {
		t.Errorf("after the re-read column %d maps to %q, want none", col, got)
	}
	// The screen shows the new result: its selector reads "(not used)".
	hdr2 := s.grid.CreateHeader()
	s.updateHeader(widget.TableCellID{Row: -1, Col: col + 1}, hdr2)
	if got := hdr2.(*fyne.Container).Objects[1].(*widget.Select).Selected; got != notUsed {
		t.Errorf("after the re-read the selector shows %q, want %q", got, notUsed)
	}
	// The layout is remembered for the next file with these headers, in
	// the mappings file the CLI reads too.
	st, err := read.OpenMappingStore(u.opt.MappingPath)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Get(read.LayoutKey(sh.Headers())); len(got) != 1 || !got[col].Ignore {
		t.Errorf("saved mappings for this layout: got %v, want column %d not used", got, col)
	}
}

// firstTableItem is the Sources list line of the first sheet with a table.
func firstTableItem(t *testing.T, u *UI) int {
	t.Helper()
	for i, it := range u.sources.items {
		if it.sheet >= 0 && !u.result.Files[it.file].Sheets[it.sheet].NoTable {
			return i
		}
	}
	t.Fatal("no sheet with a table")
	return -1
}

func TestDropFilesAndFolders(t *testing.T) {
	u := newTestUI(t)
	srcs := sampleSources(t)
	dir, _ := filepath.Abs(filepath.Dir(srcs[0]))
	want := 0
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		// A claims table (claims.csv) is added as claims, not as a source.
		// The sanctions list is used as a list.
		if !e.IsDir() && isSourceFile(e.Name()) && !claims.IsClaimsCSV(filepath.Join(dir, e.Name())) &&
			!screen.IsListFile(filepath.Join(dir, e.Name())) {
			want++
		}
	}
	u.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(dir)})
	settle(t, u)
	if got := len(u.project.Sources); got != want || got < len(srcs) {
		t.Errorf("dropping the samples folder: got %d sources, want its %d shipment files", got, want)
	}
	// Dropping a file already loaded adds nothing.
	u.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(srcs[0])})
	settle(t, u)
	if got := len(u.project.Sources); got != want {
		t.Errorf("dropping a loaded file again: got %d sources, want %d", got, want)
	}
}

func TestRemoveSource(t *testing.T) {
	u := loadSamples(t)
	n := len(u.project.Sources)
	u.sources.list.Select(0)
	test.Tap(u.sources.remove)
	settle(t, u)
	if got := len(u.project.Sources); got != n-1 {
		t.Fatalf("sources: got %d, want %d", got, n-1)
	}
	if got := len(u.result.Files); got != n-1 {
		t.Errorf("files read: got %d, want %d", got, n-1)
	}
	if u.sources.cur != nil || u.sources.panel.Visible() {
		t.Errorf("the removed source is still shown in the editor")
	}
}

func TestDetectedLine(t *testing.T) {
	for _, tt := range []struct {
		sh   pipeline.SheetResult
		want string
	}{
		{pipeline.SheetResult{Format: "csv", Encoding: "windows-1254", Columns: []read.Column{{Field: reconcile.FieldNetWeight, Unit: "kg"},
			{Field: reconcile.FieldValue, Currency: "TRY"}, {Field: reconcile.FieldValueUSD, Currency: "USD"}}},
			"Read as csv, encoding windows-1254 · units: kg · currencies: TRY, USD"},
		{pipeline.SheetResult{Format: "xls"}, "Read as xls · units: none found · currencies: none found"},
	} {
		if got := detectedLine(&tt.sh); got != tt.want {
			t.Errorf("detectedLine = %q, want %q", got, tt.want)
		}
	}
}

package ui

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/parquet-go/parquet-go"
	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/parquetout"
)

// copySamples copies the sample sources into a temp folder, so tests can
// move and change them.
func copySamples(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	var out []string
	for _, src := range sampleSources(t) {
		in, err := os.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.Base(src))
		f, err := os.Create(dst)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(f, in)
		in.Close()
		f.Close()
		out = append(out, dst)
	}
	return out
}

// dialogButton finds a button by its text in the dialog on top.
func dialogButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open, want one with %q", text)
	}
	var found *widget.Button
	walk(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button in the dialog", text)
	}
	return found
}

// exportAfterSplit loads sources, splits one name out and exports.
func exportAfterSplit(t *testing.T, srcs []string) (u *UI, out, split string) {
	t.Helper()
	u = newTestUI(t)
	u.OpenPaths(srcs)
	settle(t, u)
	for _, e := range u.result.Entities() {
		if len(e.Names) > 1 {
			split = e.Names[len(e.Names)-1]
			break
		}
	}
	if split == "" {
		t.Fatal("no multi-name entity to split in the samples")
	}
	selectEntityHolding(t, u, split, split)
	test.Tap(memberButton(t, u, split))
	settle(t, u)
	out = filepath.Join(t.TempDir(), "audit.xlsx")
	u.export.write(out)
	settle(t, u)
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("export: %v (status %q)", err, u.status.Text)
	}
	// The app offers to open the folder.
	dialogButton(t, u, "No")
	test.Tap(dialogButton(t, u, "No"))
	return u, out, split
}

func TestExportAndReopen(t *testing.T) {
	srcs := copySamples(t)
	u, out, split := exportAfterSplit(t, srcs)
	if !strings.Contains(u.export.last.Text, out) {
		t.Errorf("export screen: got %q, want the saved path", u.export.last.Text)
	}

	// A new session reopens the workbook: same sources, the split re-applied.
	v := newTestUI(t)
	v.OpenExported(out)
	settle(t, v)
	if v.result == nil {
		t.Fatalf("reopening gave no result; status %q", v.status.Text)
	}
	if got, want := len(v.project.Sources), len(srcs); got != want {
		t.Errorf("sources: got %d, want %d", got, want)
	}
	found := false
	for _, d := range v.project.Decisions {
		if d.Op == match.OpSplit && d.Name == split {
			found = true
		}
	}
	if !found {
		t.Errorf("the split of %q was not restored; decisions %+v", split, v.project.Decisions)
	}
	if e := findEntity(v.result, split); e == nil || len(e.Names) != 1 {
		t.Errorf("after reopening, %q is not on its own: %+v", split, e)
	}
}

func TestReopenAsksForMovedAndChangedSources(t *testing.T) {
	srcs := copySamples(t)
	_, out, _ := exportAfterSplit(t, srcs)
	moved := srcs[0] + ".moved"
	if err := os.Rename(srcs[0], moved); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(srcs[2], append(mustRead(t, srcs[2]), '\n'), 0o644); err != nil {
		t.Fatal(err)
	}

	v := newTestUI(t)
	v.OpenExported(out)
	settle(t, v)
	// First the moved file, then the changed one.
	test.Tap(dialogButton(t, v, "Leave it out"))
	test.Tap(dialogButton(t, v, "Use the changed file"))
	settle(t, v)
	if got := len(v.project.Sources); got != len(srcs)-1 {
		t.Fatalf("sources: got %d, want %d (the moved one left out)", got, len(srcs)-1)
	}
	for _, s := range v.project.Sources {
		if s.Path == srcs[0] {
			t.Errorf("the moved source %s is still in the project", srcs[0])
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPasswordProtectedWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret.xlsx")
	f := excelize.NewFile()
	rows := [][]any{
		{"Date", "Consignee", "Shipper", "HS code", "Net weight kg", "Value USD", "Origin country"},
		{"2022-06-14", "OOO TEKHKRIM", "NORINCO", "93012000", 1200, 546000, "CN"},
		{"2022-06-15", "ZAVOD-1 JSC", "HEIDEN GMBH", "84571010", 5000, 90000, "DE"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	if err := f.SaveAs(path, excelize.Options{Password: "hunter2"}); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	u.OpenPaths([]string{path})
	settle(t, u)
	if err := u.result.Files[0].Err; !isEncrypted(err) {
		t.Fatalf("first read: got %v, want a password error", err)
	}
	pw, ok := u.win.Canvas().Focused().(*widget.Entry)
	if !ok || !pw.Password {
		t.Fatalf("no password prompt focused (got %T)", u.win.Canvas().Focused())
	}
	test.Type(pw, "wrong")
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(t, u)
	if err := u.result.Files[0].Err; !isEncrypted(err) {
		t.Fatalf("wrong password: got %v, want a password error", err)
	}
	pw, ok = u.win.Canvas().Focused().(*widget.Entry)
	if !ok || !pw.Password {
		t.Fatalf("no second prompt after a wrong password")
	}
	test.Type(pw, "hunter2")
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(t, u)
	if err := u.result.Files[0].Err; err != nil {
		t.Fatalf("right password: got %v", err)
	}
	if got := len(u.result.Records); got != 2 {
		t.Errorf("records: got %d, want 2", got)
	}
	// The password is never autosaved.
	b, _ := u.store.load(u.projID)
	if strings.Contains(string(b), "hunter2") {
		t.Errorf("the autosaved project contains the password")
	}
}

func isEncrypted(err error) bool {
	return errors.Is(err, reconcile.ErrEncrypted) || errors.Is(err, reconcile.ErrWrongPassword)
}

func TestUnreadableSourceShowsErrorAndKeepsOthers(t *testing.T) {
	srcs := copySamples(t)
	bad := filepath.Join(t.TempDir(), "truncated.xlsx")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 this zip stops here"), 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	u.OpenPaths([]string{srcs[0], bad})
	settle(t, u)
	if u.result == nil || len(u.result.Files) != 2 {
		t.Fatalf("got result %+v", u.result)
	}
	if u.result.Files[0].Err != nil || u.result.Files[1].Err == nil {
		t.Fatalf("errors: good %v, bad %v; want only the bad file to fail", u.result.Files[0].Err, u.result.Files[1].Err)
	}
	if len(u.result.Records) == 0 {
		t.Errorf("the good source's rows were dropped")
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no error dialog")
	}
	var texts []string
	walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	joined := strings.Join(texts, "\n")
	if !strings.Contains(joined, "1 of 2 sources could not be read") || !strings.Contains(joined, "truncated.xlsx") {
		t.Errorf("dialog text: %q, want the count and the file name", joined)
	}
	if strings.Contains(joined, filepath.Dir(bad)) {
		t.Errorf("the one-line message shows the full path; it belongs in the details")
	}
	// The Sources screen lists the failure.
	found := false
	for _, it := range u.sources.items {
		if it.file == 1 && it.sheet < 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("the Sources list does not show the unreadable file")
	}
}

// TestExportParquet drives the Export Parquet… action: disabled until a
// result exists, the real folder dialog opens in the folder saved to
// last, and confirming it writes the Parquet files there in the background.
func TestExportParquet(t *testing.T) {
	u := newTestUI(t)
	if !u.export.parquetBtn.Disabled() {
		t.Error("Export Parquet… is enabled before any source is loaded")
	}
	u.OpenPaths(sampleSources(t))
	settle(t, u)
	if u.export.parquetBtn.Disabled() {
		t.Fatal("Export Parquet… is disabled after loading the samples")
	}
	dir := t.TempDir()
	u.app.Preferences().SetString(prefSaveDir, dir)
	test.Tap(u.export.parquetBtn)
	test.Tap(dialogButton(t, u, "Export here"))
	settle(t, u)
	shs, err := parquet.ReadFile[parquetout.Shipment](filepath.Join(dir, parquetout.ShipmentsFile))
	if err != nil || len(shs) != len(u.result.Merge.Shipments) {
		t.Fatalf("shipments.parquet in the chosen folder: %d rows (%v), want %d", len(shs), err, len(u.result.Merge.Shipments))
	}
	for _, f := range []string{parquetout.RecordsFile, parquetout.EntitiesFile, parquetout.DecisionsFile, parquetout.ScreeningFile, parquetout.DupesFile} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if !strings.Contains(u.export.last.Text, "Wrote") || !strings.Contains(u.export.last.Text, dir) {
		t.Errorf("the screen does not say where the files went: %q", u.export.last.Text)
	}
	test.Tap(dialogButton(t, u, "No")) // the offer to open the folder
}

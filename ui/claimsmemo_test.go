package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestCopyMemo taps Copy memo on a sample claim: the clipboard holds that
// claim's Markdown memo, the engine's text, and nothing of other claims.
func TestCopyMemo(t *testing.T) {
	a := test.NewTempApp(t)
	u := newSampleUI(t, a, t.TempDir())
	s := u.claims
	u.tabs.Select(u.tabClaims)
	s.list.UnselectAll()
	if !s.copyMemo.Disabled() && s.sel == nil {
		t.Error("Copy memo is enabled with no claim selected")
	}
	s.selectClaim("C7")
	if s.copyMemo.Disabled() || s.exportMemo.Disabled() {
		t.Fatal("Copy memo / Export memo disabled on a checked claim")
	}
	test.Tap(s.copyMemo)
	got := a.Clipboard().Content()
	for _, want := range []string{
		"# Verification memo: claim C7\n",
		"> NORINCO shipped at least 5,000 rifles to Tekhkrim in 2022",
		"| Verdict | **Contradicted** |",
		"shipper “NORINCO” matched 1 entity by the rule *name words*",
		"### Shipments in scope (2)",
		"SHA-256 `" + u.result.Files[0].SHA256,
		"- **Weight basis:** net weight",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("clipboard lacks %q", want)
		}
	}
	if strings.Contains(got, "## C6") {
		t.Error("the memo of C7 carries another claim")
	}
	if !strings.Contains(u.status.Text, "Copied the verification memo of C7") {
		t.Errorf("status %q", u.status.Text)
	}
}

// TestExportMemo writes the HTML memo of every claim, as the save dialog's
// callback does, and remembers the folder for the next Save dialog.
func TestExportMemo(t *testing.T) {
	u := newSampleUI(t, test.NewTempApp(t), t.TempDir())
	dir := t.TempDir()
	path := filepath.Join(dir, "memo.html")
	u.claims.writeMemo(path)
	settle(t, u)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h1>Verification memo</h1>", "<h2>C1: ", "<h2>C10: ", "@media print"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("memo.html lacks %q", want)
		}
	}
	if !strings.Contains(u.status.Text, "Saved the verification memo to "+path) {
		t.Errorf("status %q", u.status.Text)
	}
}

// TestSaveDirRemembered: the Save dialogs open in the folder saved to
// last, while it exists, else in the suggested folder.
func TestSaveDirRemembered(t *testing.T) {
	u := newTestUI(t)
	last, fallback := t.TempDir(), t.TempDir()
	if got := u.saveDir(fallback); got != fallback {
		t.Errorf("nothing saved yet: got %s, want %s", got, fallback)
	}
	u.app.Preferences().SetString(prefSaveDir, last)
	if got := u.saveDir(fallback); got != last {
		t.Errorf("after a save: got %s, want %s", got, last)
	}
	os.Remove(last)
	if got := u.saveDir(fallback); got != fallback {
		t.Errorf("the last folder was deleted: got %s, want %s", got, fallback)
	}
	for _, tc := range []struct{ in, want string }{
		{"/x/memo.html", "/x/memo.html"}, {"/x/memo", "/x/memo.html"}, {"/x/memo.HTML", "/x/memo.HTML"},
	} {
		if got := withExt(tc.in, ".html"); got != tc.want {
			t.Errorf("withExt(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestClaimTablesScrollToTop: a scroll offset left from a long claim does
// not hide the first rows of the next one.
func TestClaimTablesScrollToTop(t *testing.T) {
	u := newSampleUI(t, test.NewTempApp(t), t.TempDir())
	s := u.claims
	s.selectClaim("C3") // 29 shipments in scope
	s.inTable.ScrollToBottom()
	if tableOffset(s.inTable) == 0 {
		t.Fatal("the in-scope table did not scroll; the test cannot see a reset")
	}
	s.selectClaim("C7") // 2 shipments
	if off := tableOffset(s.inTable); off != 0 {
		t.Errorf("in-scope table offset %v after selecting another claim, want 0", off)
	}
}

// tableOffset finds the vertical scroll offset of a table's cells.
func tableOffset(tb *widget.Table) float32 {
	var off float32
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if sc, ok := o.(*container.Scroll); ok && sc.Offset.Y > off {
			off = sc.Offset.Y
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				walk(x)
			}
		}
	}
	walk(tb)
	return off
}

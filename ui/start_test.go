package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
)

func TestStartScreenLayout(t *testing.T) {
	u := newTestUI(t)
	test.AssertRendersToMarkup(t, "start.xml", u.win.Canvas())
}

func TestStartRecentProjects(t *testing.T) {
	u := newTestUI(t)
	if u.start.noRecent.Hidden == false && len(u.start.recent) != 0 {
		t.Fatalf("fresh UI lists %d recent projects", len(u.start.recent))
	}
	if err := u.store.save("p1", "a.xlsx, b.csv", []byte(`{"sources":[]}`)); err != nil {
		t.Fatal(err)
	}
	u.start.refreshRecent()
	if got := u.start.recentList.Length(); got != 1 {
		t.Fatalf("recent list length: got %d, want 1", got)
	}
	if !u.start.noRecent.Hidden {
		t.Errorf("the 'no recent projects' note is still shown")
	}
}

func TestMainMenuShortcuts(t *testing.T) {
	u := newTestUI(t)
	want := map[string]fyne.KeyName{"Open files…": fyne.KeyO, "Save audit workbook as…": fyne.KeyS, "Search entities": fyne.KeyF}
	found := map[string]bool{}
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			k, ok := want[it.Label]
			if !ok {
				continue
			}
			found[it.Label] = true
			if it.Shortcut == nil {
				t.Errorf("%s has no shortcut", it.Label)
				continue
			}
			if got, want := it.Shortcut.ShortcutName(), shortcut(k).ShortcutName(); got != want {
				t.Errorf("%s: got shortcut %s, want %s", it.Label, got, want)
			}
		}
	}
	for l := range want {
		if !found[l] {
			t.Errorf("menu item %q is missing", l)
		}
	}
}

func TestSearchShortcutFocusesSearch(t *testing.T) {
	u := newTestUI(t)
	u.onSearch()
	if u.tabs.Selected() != u.tabEntities {
		t.Errorf("Ctrl+F: got tab %q, want Entities", u.tabs.Selected().Text)
	}
	if u.win.Canvas().Focused() != u.entities.search {
		t.Errorf("Ctrl+F did not focus the search box")
	}
}

func TestErrorDialogDetails(t *testing.T) {
	err := &reconcile.Error{File: "/tmp/x/bad.xlsx", Row: 4, Err: reconcile.ErrCorrupt, Hint: "download it again"}
	c := errorContent(err)
	box := c.(*fyne.Container)
	msg := box.Objects[0].(*widget.Label)
	if want := "bad.xlsx, row 4: file is damaged or truncated — download it again"; msg.Text != want {
		t.Errorf("message: got %q, want %q", msg.Text, want)
	}
	acc := box.Objects[1].(*widget.Accordion)
	if acc.Items[0].Open {
		t.Errorf("details are open by default, want closed")
	}
}

func TestPasswordPrompt(t *testing.T) {
	u := newTestUI(t)
	var got string
	var gotOK bool
	askPassword("/tmp/secret.xlsx", false, u.win, func(pw string, ok bool) { got, gotOK = pw, ok })
	f, ok := u.win.Canvas().Focused().(*widget.Entry)
	if !ok || !f.Password {
		t.Fatalf("focused widget: got %T, want the password entry", u.win.Canvas().Focused())
	}
	test.Type(f, "hunter2")
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !gotOK || got != "hunter2" {
		t.Errorf("got %q ok=%v, want hunter2 ok=true", got, gotOK)
	}
}

// BenchmarkNewUI is the app's own share of start-up: building every screen
// and the menu (the window and OpenGL context are the driver's). The whole
// start, measured by scripts/smoke.sh under Xvfb, must stay under 2 s.
func BenchmarkNewUI(b *testing.B) {
	a := test.NewTempApp(b)
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		w := a.NewWindow("Tradecheck")
		New(a, w, Options{ConfigDir: dir})
		w.Close()
	}
}

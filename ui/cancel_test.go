package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestClaimsCheckCancel presses Cancel while the claims are checked in
// the background (as on a large project): the check stops, no claim
// shows a verdict (none from the stopped check either), and "Check
// again" brings the engine's verdicts back.
func TestClaimsCheckCancel(t *testing.T) {
	u := newSampleUI(t, test.NewTempApp(t), t.TempDir())
	s := u.claims
	s.inline = 0

	// Hold the checker so the background check cannot finish before the
	// tap: it waits for the lock, then finds its context cancelled.
	s.ckMu.Lock()
	s.recheck()
	if !s.checkBox.Visible() || s.checkBtn.Text != "Cancel" || !s.checkBar.Visible() {
		t.Fatalf("while checking: progress shown %v, button %q; want a bar and Cancel", s.checkBox.Visible(), s.checkBtn.Text)
	}
	test.Tap(s.checkBtn)
	s.ckMu.Unlock()
	settle(t, u)

	if len(s.verdicts) != 0 {
		t.Errorf("after Cancel: %d verdicts shown, want none", len(s.verdicts))
	}
	for i := range u.project.Claims {
		if badge, _ := claimRowView(t, s, i); badge.text() != "Not checked" {
			t.Errorf("claim %d after Cancel: badge %q, want Not checked", i, badge.text())
		}
	}
	if !strings.Contains(s.count.Text, "cancelled") || !strings.Contains(u.status.Text, "cancelled") {
		t.Errorf("after Cancel: count %q, status %q; want both to say cancelled", s.count.Text, u.status.Text)
	}
	if !s.checkBox.Visible() || s.checkBar.Visible() || s.checkBtn.Text != "Check again" {
		t.Errorf("after Cancel: bar visible %v, button %q; want no bar and Check again", s.checkBar.Visible(), s.checkBtn.Text)
	}

	test.Tap(s.checkBtn)
	settle(t, u)
	if s.checkBox.Visible() {
		t.Error("progress still shown after the check finished")
	}
	for i, c := range u.project.Claims {
		badge, _ := claimRowView(t, s, i)
		if want := engineVerdict(u, c).Kind; badge.kind != want {
			t.Errorf("%s after Check again: got %q, want %q", c.ID, badge.kind, want)
		}
	}
}

// TestWindowCloseCancelsJobs closes the window while a job runs: the
// job's context is cancelled, so it does not outlive the window.
func TestWindowCloseCancelsJobs(t *testing.T) {
	// Built by hand: newTestUI closes the window at cleanup, and Fyne's
	// test driver panics when a window is closed twice.
	m := &testMain{}
	a := test.NewTempApp(t)
	u := newUI(a, a.NewWindow("Tradecheck"), Options{ConfigDir: t.TempDir()}, m.do)
	mains.Store(u, m)
	t.Cleanup(func() { mains.Delete(u) })
	started := make(chan struct{})
	stopped := make(chan error, 1)
	u.jobs.run("Reading…", func(ctx context.Context, _ progressFunc) error {
		close(started)
		<-ctx.Done()
		stopped <- ctx.Err()
		return ctx.Err()
	}, nil)
	<-started
	u.win.Close()
	if err := <-stopped; !errors.Is(err, context.Canceled) {
		t.Errorf("job context after closing the window: %v, want context.Canceled", err)
	}
	if !errors.Is(u.ctx.Err(), context.Canceled) {
		t.Error("the window's context is still live after closing it")
	}
	settle(t, u)
}

func TestLatestCancelsThePreviousRun(t *testing.T) {
	var l latest
	parent, stopAll := context.WithCancel(context.Background())
	first := l.start(parent)
	second := l.start(parent)
	if first.Err() == nil {
		t.Error("the first run's context is live after a second run started")
	}
	if second.Err() != nil {
		t.Fatal("the second run's context is cancelled at start")
	}
	l.cancel()
	if second.Err() == nil {
		t.Error("cancel left the current run live")
	}
	third := l.start(parent)
	stopAll()
	if third.Err() == nil {
		t.Error("closing the window (parent) left a run live")
	}
}

package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"tradecheck/reconcile"
)

// runJobs waits for j's goroutines, running their UI work on this one.
func runJobs(j *jobBar, m *testMain) {
	for j.active.Load() > 0 || m.drain() {
		m.drain()
		time.Sleep(time.Millisecond)
	}
}

func TestJobBar(t *testing.T) {
	test.NewTempApp(t)
	m := &testMain{}
	t.Run("done gets the result and the bar hides", func(t *testing.T) {
		j := newJobBar(context.Background(), m.do)
		var got error = errors.New("not called")
		j.run("Working", func(ctx context.Context, p progressFunc) error {
			p(1, 2, "")
			p(2, 2, "")
			return nil
		}, func(err error) { got = err })
		if !j.box.Visible() {
			t.Errorf("bar hidden while the job was running")
		}
		runJobs(j, m)
		if got != nil {
			t.Errorf("got %v, want nil", got)
		}
		if j.box.Visible() || j.busy() {
			t.Errorf("bar visible=%v busy=%v after the job, want hidden and idle", j.box.Visible(), j.busy())
		}
	})
	t.Run("cancel gives ErrCanceled", func(t *testing.T) {
		j := newJobBar(context.Background(), m.do)
		started := make(chan struct{})
		var got error
		j.run("Working", func(ctx context.Context, p progressFunc) error {
			close(started)
			<-ctx.Done()
			return ctx.Err()
		}, func(err error) { got = err })
		<-started
		test.Tap(j.cancel)
		runJobs(j, m)
		if !errors.Is(got, reconcile.ErrCanceled) {
			t.Errorf("got %v, want ErrCanceled", got)
		}
	})
	t.Run("a newer job replaces the running one", func(t *testing.T) {
		j := newJobBar(context.Background(), m.do)
		started := make(chan struct{})
		calls := 0
		j.run("First", func(ctx context.Context, p progressFunc) error {
			close(started)
			<-ctx.Done()
			return ctx.Err()
		}, func(error) { calls++ })
		<-started
		var second error = errors.New("not called")
		j.run("Second", func(ctx context.Context, p progressFunc) error { return nil }, func(err error) { second = err })
		runJobs(j, m)
		if calls != 0 {
			t.Errorf("replaced job's done was called %d times, want 0", calls)
		}
		if second != nil {
			t.Errorf("second job: got %v, want nil", second)
		}
	})
}

package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
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
	t.Run("a LibreOffice conversion shows a moving bar, then rows the plain one", func(t *testing.T) {
		j := newJobBar(context.Background(), m.do)
		step, next := make(chan struct{}), make(chan struct{})
		j.run("Loading", func(ctx context.Context, p progressFunc) error {
			sp := stageProgress(p)
			sp(pipeline.Progress{Stage: pipeline.StageConvert, File: "/in/ru_dt_2023.xls"})
			step <- struct{}{}
			<-next
			time.Sleep(60 * time.Millisecond) // past the bar's throttle
			sp(pipeline.Progress{Stage: pipeline.StageRead, File: "/in/ru_dt_2023.xls", Done: 5})
			step <- struct{}{}
			<-next
			return nil
		}, nil)
		<-step
		m.drain()
		if got, want := j.label.Text, "Converting ru_dt_2023.xls with LibreOffice…"; got != want {
			t.Errorf("label %q, want %q", got, want)
		}
		if !j.spin.Visible() || j.bar.Visible() {
			t.Errorf("moving bar visible=%v, plain bar visible=%v during the conversion; want the moving one only", j.spin.Visible(), j.bar.Visible())
		}
		next <- struct{}{}
		<-step
		m.drain()
		if j.spin.Visible() || !j.bar.Visible() || j.label.Text != "Reading ru_dt_2023.xls: 5 rows…" {
			t.Errorf("after the conversion: moving bar visible=%v, plain %v, label %q", j.spin.Visible(), j.bar.Visible(), j.label.Text)
		}
		next <- struct{}{}
		runJobs(j, m)
	})
}

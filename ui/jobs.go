package ui

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
)

// toMain runs fn on the UI goroutine; wait blocks until it has run. The
// app uses fyne.Do / fyne.DoAndWait. Fyne's test driver runs those inline
// on the calling goroutine, so tests substitute a queue that the test
// goroutine drains, which keeps widget access on one goroutine there too.
type toMain func(fn func(), wait bool)

// fyneDo is the real toMain.
func fyneDo(fn func(), wait bool) {
	if wait {
		fyne.DoAndWait(fn)
	} else {
		fyne.Do(fn)
	}
}

// jobBar runs one long operation at a time off the UI goroutine and shows
// its progress with a bar and a Cancel button. Starting a new job cancels
// the one running, so a burst of user decisions only pays for the last
// recluster.
type jobBar struct {
	label  *widget.Label
	bar    *widget.ProgressBar
	spin   *widget.ProgressBarInfinite // shown instead of bar while the total is unknowable
	cancel *widget.Button
	box    *fyne.Container

	mu      sync.Mutex
	stop    context.CancelFunc
	serial  int
	running bool
	// active counts job goroutines still running, so tests can tell when
	// all background work is done.
	active atomic.Int32
	// main delivers updates to the UI goroutine.
	main toMain
	// parent is the window's context: closing the window cancels the job.
	parent context.Context
}

func newJobBar(parent context.Context, main toMain) *jobBar {
	j := &jobBar{main: main, parent: parent}
	j.buildUI()
	return j
}

func (j *jobBar) buildUI() {
	j.label = widget.NewLabel("")
	j.bar = widget.NewProgressBar()
	j.spin = widget.NewProgressBarInfinite()
	j.spin.Stop()
	j.spin.Hide()
	j.cancel = widget.NewButton("Cancel", j.onCancel)
	j.box = container.NewBorder(nil, nil, j.label, j.cancel, container.NewStack(j.bar, j.spin))
	j.box.Hide()
}

// progressFunc reports progress: done of total (total 0 = unknown, the bar
// then shows the count in its label; total < 0 = work that cannot be
// measured, such as a LibreOffice conversion: a moving bar) and an
// optional note such as the file being read.
type progressFunc func(done, total int, note string)

// run starts work in a goroutine. progress may be called from any
// goroutine; updates are throttled and applied on the UI goroutine. done runs on
// the UI goroutine with work's error (nil, a reconcile error, or
// reconcile.ErrCanceled when the user pressed Cancel) unless a newer job
// replaced this one, in which case done is not called.
func (j *jobBar) run(title string, work func(ctx context.Context, progress progressFunc) error, done func(error)) {
	ctx, stop := context.WithCancel(j.parent)
	j.mu.Lock()
	if j.stop != nil {
		j.stop()
	}
	j.stop = stop
	j.serial++
	serial := j.serial
	j.running = true
	j.mu.Unlock()

	j.label.SetText(title)
	j.indeterminate(false)
	j.bar.SetValue(0)
	j.cancel.Enable()
	j.box.Show()

	var last time.Time
	var lastMu sync.Mutex
	progress := func(n, total int, note string) {
		lastMu.Lock()
		now := time.Now()
		if now.Sub(last) < 50*time.Millisecond && (total == 0 || n < total) && total >= 0 {
			lastMu.Unlock()
			return
		}
		last = now
		lastMu.Unlock()
		v := -1.0
		if total > 0 {
			v = float64(n) / float64(total)
		}
		text := title
		if note != "" {
			text = note
		}
		j.main(func() {
			if !j.current(serial) {
				return
			}
			j.indeterminate(total < 0)
			if v >= 0 {
				j.bar.SetValue(v)
			}
			j.label.SetText(text)
		}, false)
	}

	j.active.Add(1)
	go func() {
		defer j.active.Add(-1)
		err := work(ctx, progress)
		if err == nil && ctx.Err() != nil {
			err = reconcile.ErrCanceled
		}
		if errors.Is(err, context.Canceled) {
			err = reconcile.ErrCanceled
		}
		j.main(func() {
			if !j.current(serial) {
				return
			}
			j.mu.Lock()
			j.running = false
			j.stop = nil
			j.mu.Unlock()
			stop()
			j.indeterminate(false)
			j.box.Hide()
			if done != nil {
				done(err)
			}
		}, true)
	}()
}

// indeterminate swaps the bar for the moving one (on) or back.
func (j *jobBar) indeterminate(on bool) {
	if on == j.spin.Visible() {
		return
	}
	if on {
		j.bar.Hide()
		j.spin.Show()
		j.spin.Start()
		return
	}
	j.spin.Stop()
	j.spin.Hide()
	j.bar.Show()
}

// current reports whether serial is the newest job.
func (j *jobBar) current(serial int) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return serial == j.serial
}

// busy reports whether a job is running.
func (j *jobBar) busy() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.running
}

func (j *jobBar) onCancel() {
	j.mu.Lock()
	if j.stop != nil {
		j.stop()
	}
	j.mu.Unlock()
	j.label.SetText("Cancelling…")
	j.cancel.Disable()
}

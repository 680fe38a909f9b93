package ui

import (
	"context"
	"sync"
)

// latest hands out contexts for background work that a newer run makes
// pointless: the index of the previous result, the preview of the sheet
// no longer selected, the check of claims since edited. Each start
// cancels the context handed out before, so the old work stops instead
// of competing with the new for the CPU. Contexts derive from the
// window's, so closing the window stops them all.
type latest struct {
	mu   sync.Mutex
	stop context.CancelFunc
}

// start cancels the previous run's context and returns the new run's.
func (l *latest) start(parent context.Context) context.Context {
	ctx, stop := context.WithCancel(parent)
	l.mu.Lock()
	if l.stop != nil {
		l.stop()
	}
	l.stop = stop
	l.mu.Unlock()
	return ctx
}

// cancel stops the current run, if any.
func (l *latest) cancel() {
	l.mu.Lock()
	if l.stop != nil {
		l.stop()
		l.stop = nil
	}
	l.mu.Unlock()
}

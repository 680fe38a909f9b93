package ui

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// testMain stands in for the UI goroutine. Fyne's test driver runs fyne.Do
// inline on the calling goroutine, which would let background goroutines
// touch widgets while the test does; instead their updates queue here and
// the test goroutine runs them in settle.
type testMain struct {
	mu sync.Mutex
	q  []func()
}

func (m *testMain) do(fn func(), wait bool) {
	if !wait {
		m.mu.Lock()
		m.q = append(m.q, fn)
		m.mu.Unlock()
		return
	}
	done := make(chan struct{})
	m.mu.Lock()
	m.q = append(m.q, func() { fn(); close(done) })
	m.mu.Unlock()
	<-done
}

// drain runs what is queued, on the caller's goroutine, and reports
// whether anything ran.
func (m *testMain) drain() bool {
	ran := false
	for {
		m.mu.Lock()
		if len(m.q) == 0 {
			m.mu.Unlock()
			return ran
		}
		fn := m.q[0]
		m.q = m.q[1:]
		m.mu.Unlock()
		fn()
		ran = true
	}
}

// mains maps each test UI to its queue.
var mains sync.Map

// newTestUIIn builds the whole UI on Fyne's headless test driver.
func newTestUIIn(t testing.TB, a fyne.App, dir string) *UI {
	t.Helper()
	m := &testMain{}
	w := a.NewWindow("Tradecheck")
	u := newUI(a, w, Options{ConfigDir: dir}, m.do)
	mains.Store(u, m)
	w.Resize(fyne.NewSize(1200, 780))
	t.Cleanup(func() {
		settle(t, u)
		w.Close()
		mains.Delete(u)
	})
	return u
}

// newTestUI is newTestUIIn with a fresh app and config folder.
func newTestUI(t testing.TB) *UI {
	t.Helper()
	return newTestUIIn(t, test.NewTempApp(t), t.TempDir())
}

// settle runs queued UI work until no job or background goroutine is left.
func settle(t testing.TB, u *UI) {
	t.Helper()
	v, _ := mains.Load(u)
	m := v.(*testMain)
	deadline := time.Now().Add(120 * time.Second)
	for {
		ran := m.drain()
		if !ran && u.jobs.active.Load() == 0 && u.bg.Load() == 0 {
			if !m.drain() {
				return
			}
			continue
		}
		if time.Now().After(deadline) {
			t.Fatal("background work did not finish in 120 s")
		}
		if !ran {
			time.Sleep(2 * time.Millisecond)
		}
	}
}

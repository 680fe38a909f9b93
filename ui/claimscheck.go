package ui

import (
	"fmt"

	"tradecheck/reconcile/claims"
)

// This file runs the claims checks of the Claims screen: inline for small
// projects, in the background with a progress bar and a Cancel button for
// large ones.

// checkInline bounds the work (shipments × claims) done on the UI
// goroutine; more runs in the background. A pair costs about 230 ns on
// the samples (BenchmarkClaimsRecheck), so inline checks stay under about
// 25 ms. claimsScreen.inline holds it (tests lower it to 0).
const checkInline = 100_000

// recheck computes every verdict again. Small projects check inline, so
// the list never flickers; large ones check in the background and the
// badges say "Checking…" meanwhile.
func (s *claimsScreen) recheck() {
	s.gen++
	gen := s.gen
	// A check still running is for claims or data that have changed.
	ctx := s.checking.start(s.u.ctx)
	s.stopped = false
	s.checkBox.Hide()
	d := s.data
	cs := append([]claims.Claim(nil), s.claimList()...)
	if d == nil {
		s.verdicts = nil
		s.update()
		return
	}
	work := func(progress func(done, total int)) ([]claims.Verdict, error) {
		s.ckMu.Lock()
		defer s.ckMu.Unlock()
		s.checker.Reset(d)
		return s.checker.CheckAll(ctx, cs, progress)
	}
	if len(d.Shipments)*max(len(cs), 1) <= s.inline {
		if vs, err := work(nil); err == nil {
			s.showVerdicts(gen, d, vs)
		}
		return
	}
	s.verdicts = nil
	s.update()
	s.count.SetText(fmt.Sprintf("Checking %s…", plural(len(cs), "claim")))
	s.checkBar.SetValue(0)
	s.checkBar.Show()
	s.checkBtn.SetText("Cancel")
	s.checkBtn.OnTapped = s.onCancelCheck
	s.checkBox.Show()
	s.u.goBG(func() {
		vs, err := work(func(done, total int) {
			s.u.main(func() {
				if gen == s.gen {
					s.checkBar.SetValue(float64(done) / float64(total))
				}
			}, false)
		})
		if err != nil {
			return // superseded or cancelled: that path updated the screen
		}
		s.u.main(func() { s.showVerdicts(gen, d, vs) }, false)
	})
}

// onCancelCheck stops the background check. The claims keep no verdict
// (a verdict of part of the claims, or of the data before a change,
// would mislead) and say "Not checked" until checked again.
func (s *claimsScreen) onCancelCheck() {
	s.checking.cancel()
	s.gen++ // verdicts already on their way are dropped
	s.stopped = true
	s.verdicts = nil
	s.checkBar.Hide()
	s.checkBtn.SetText("Check again")
	s.checkBtn.OnTapped = s.recheck
	s.update()
	s.u.setStatus("Claims check cancelled.")
}

// showVerdicts installs verdicts computed over d unless a newer check
// started meanwhile.
func (s *claimsScreen) showVerdicts(gen int, d *claims.Data, vs []claims.Verdict) {
	if gen != s.gen {
		return
	}
	s.checkBox.Hide()
	s.verdicts, s.vdata = vs, d
	s.update()
}

// pendingKind is the badge of a claim without a verdict: being checked,
// or not checked because the user cancelled.
func (s *claimsScreen) pendingKind() claims.Kind {
	if s.stopped {
		return notChecked
	}
	return ""
}

package ui

import (
	"os"
	"path/filepath"
	"time"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/memo"
)

// The verification memo on the Claims screen: Copy memo puts the selected
// claim's memo on the clipboard as Markdown; Export memo writes the memo
// of every claim as printable HTML. The text is the engine's
// (reconcile/memo), the same as check --memo writes.

// memoOf builds the memo of vs over the current result.
func (s *claimsScreen) memoOf(vs []claims.Verdict) *memo.Memo {
	return memo.Build(s.res, vs, memo.Options{Generated: time.Now()})
}

// onCopyMemo copies the selected claim's memo, as Markdown.
func (s *claimsScreen) onCopyMemo() {
	if s.sel == nil || s.res == nil {
		return
	}
	s.u.app.Clipboard().SetContent(s.memoOf([]claims.Verdict{*s.sel}).Markdown())
	s.u.setStatus("Copied the verification memo of " + s.sel.Claim.ID + " to the clipboard (Markdown).")
}

// onExportMemo asks where to save the HTML memo of every claim.
func (s *claimsScreen) onExportMemo() {
	if s.res == nil || len(s.verdicts) == 0 {
		return
	}
	dir := ""
	if len(s.res.Files) > 0 {
		dir = filepath.Dir(s.res.Files[0].Path)
	}
	if within(dir, s.u.opt.SampleDir) || dir == "" {
		dir, _ = os.UserHomeDir()
	}
	s.u.askSavePath("Export the verification memo", "verification-memo.html", dir, ".html", s.writeMemo)
}

// writeMemo writes the HTML memo of every claim to path in the
// background.
func (s *claimsScreen) writeMemo(path string) {
	m := s.memoOf(append([]claims.Verdict(nil), s.verdicts...))
	s.u.writeInBackground("verification memo", path, func() ([]byte, error) {
		h, err := m.HTML()
		return []byte(h), err
	})
}

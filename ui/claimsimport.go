package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/pipeline"
	"tradecheck/samples"
)

// claimFileExtensions are the files "Import claims…" offers: a claims
// CSV, or a workbook with a Claims sheet (an audit workbook too).
var claimFileExtensions = []string{".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}

// onImport picks a claims file with the real file dialog.
func (s *claimsScreen) onImport() {
	if s.u.project == nil {
		return
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			showError("Could not open the claims file", err, s.u.win)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		s.importFile(path)
	}, s.u.win)
	d.SetFilter(storage.NewExtensionFileFilter(claimFileExtensions))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// splitClaimFiles takes claims tables (a claims CSV opened or dropped with
// the sources, or found in a folder beside them) out of files, so they
// are added as claims instead of being read as shipments.
func splitClaimFiles(files []string) (sources, claimFiles []string) {
	return claims.SplitFiles(files)
}

// importFile reads claims from path off the UI goroutine and adds them.
func (s *claimsScreen) importFile(path string) {
	s.u.setStatus("Reading claims from " + path + "…")
	ctx := s.u.ctx // closing the window stops the read
	s.u.goBG(func() {
		cs, errs := pipeline.ReadClaims(ctx, path, "")
		if ctx.Err() != nil {
			return
		}
		s.u.main(func() { s.addImported(path, cs, errs) }, false)
	})
}

// addImported adds read claims to the project. A claim already in the
// project (same text, figure and filters) is not added twice; an ID
// already taken gets the next free one. Rows that could not be read are
// shown with their positions; the others are still added.
func (s *claimsScreen) addImported(path string, read []claims.Claim, errs []error) {
	if s.u.project == nil {
		return
	}
	cs, added, same := claims.Add(s.claimList(), read)
	first := ""
	if added > 0 {
		first = cs[len(cs)-added].ID
	}
	if added > 0 {
		s.setClaims(cs, first)
	}
	msg := fmt.Sprintf("%s: %s added", baseName(path), plural(added, "claim"))
	if same > 0 {
		msg += fmt.Sprintf(", %d already there", same)
	}
	if len(errs) > 0 {
		msg += fmt.Sprintf(", %s could not be read", plural(len(errs), "row"))
		showError(fmt.Sprintf("%s of %s could not be read", plural(len(errs), "row"), baseName(path)), errors.Join(errs...), s.u.win)
	}
	msg += "."
	if s.u.result != nil {
		msg += " Loaded: " + summary(s.u.result) + "."
	}
	s.u.setStatus(msg)
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// sampleClaims puts the bundled sample claims (samples/claims.csv) into
// a project that has none yet, so "Try the sample data" shows the
// story's claims checked. It reports whether it added any.
func (u *UI) sampleClaims(p *pipeline.Project) bool {
	if u.opt.Samples == nil || len(p.Claims) > 0 {
		return false
	}
	f, err := u.opt.Samples.Open(samples.Claims)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			u.setStatus("Could not read the sample claims: " + err.Error())
		}
		return false
	}
	defer f.Close()
	cs, errs := claims.ReadCSV(f, samples.Claims)
	if len(errs) > 0 {
		u.setStatus("Some sample claims could not be read: " + errors.Join(errs...).Error())
	}
	if len(cs) == 0 {
		return false
	}
	p.Claims = cs
	return true
}

// importFromSources reads the Claims sheet of each new source workbook
// that has one (pipeline.ClaimsBySource, with the passwords typed this
// session), off the UI goroutine, and adds claims not in the project
// yet. Only new sources are read, so a claim the user deleted does not
// come back on every run.
func (s *claimsScreen) importFromSources(sources []pipeline.SourceSpec) {
	if len(sources) == 0 {
		return
	}
	ctx := s.u.ctx // closing the window stops the read
	s.u.goBG(func() {
		found := pipeline.ClaimsBySource(ctx, sources)
		if len(found) == 0 || ctx.Err() != nil {
			return
		}
		s.u.main(func() {
			for _, f := range found {
				s.addImported(f.Path, f.Claims, f.Errs)
			}
		}, false)
	})
}

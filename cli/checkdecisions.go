package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// isAuditWorkbook reports whether path is an audit workbook Tradecheck
// wrote (the reader refuses it as a source). Only the workbook's small
// parts are read.
func isAuditWorkbook(path string) bool {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return false
	}
	w, err := read.Open(path, read.Options{})
	if err == nil {
		w.Close()
	}
	return errors.Is(err, reconcile.ErrOwnOutput)
}

// splitAudits takes the audit workbooks out of the inputs: check reads
// one as its decisions, never as shipments.
func splitAudits(files []string) (sources, audits []string) {
	for _, f := range files {
		if isAuditWorkbook(f) {
			audits = append(audits, f)
		} else {
			sources = append(sources, f)
		}
	}
	return sources, audits
}

// checkProject builds the project check runs. With --decisions an audit
// workbook gives its sources (unless files are given), parameters,
// rates, mappings, lists and every decision, as reconcile --decisions
// does; a decisions file (match's review CSV or workbook with its
// decision column filled in, or a JSON decisions log) gives name
// decisions. audit is true for an audit workbook, whose Claims sheet
// holds the claims when no other claims are given.
func checkProject(ctx context.Context, files []string, decisions string, notes io.Writer) (p *pipeline.Project, audit bool, err error) {
	if decisions == "" {
		return pipeline.NewProject(files...), false, nil
	}
	if isAuditWorkbook(decisions) {
		p, err := pipeline.OpenExported(ctx, decisions, nil)
		if err != nil {
			return nil, true, err
		}
		if len(files) > 0 {
			p = withFiles(p, files, notes)
		}
		return p, true, nil
	}
	ds, err := readDecisionsFile(decisions)
	if err != nil {
		return nil, false, err
	}
	p = pipeline.NewProject(files...)
	p.Decisions = ds
	return p, false, nil
}

// auditClaims reads the claims of an audit workbook's Claims sheet.
func auditClaims(ctx context.Context, path string) ([]claims.Claim, []error) {
	cs, errs := pipeline.ReadClaims(ctx, path, "")
	if len(cs) == 0 && len(errs) == 0 {
		errs = append(errs, &reconcile.Error{File: path, Err: fmt.Errorf("the audit workbook has no Claims sheet"), Hint: "give the claims with --claims CLAIMS.csv"})
	}
	return cs, errs
}

package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"

	"tradecheck/reconcile"
	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/read"
)

// What Run and Stream share about sources: which are given twice, reading
// them in parallel, their SHA-256, their FileResult, and clustering the
// names read from them.

// duplicateSources gives, per source, the index of an earlier source
// that is the same file, or -1.
func duplicateSources(srcs []SourceSpec) []int {
	dup := make([]int, len(srcs))
	seen := map[string]int{}
	for i := range srcs {
		dup[i] = -1
		key := fileIdentity(srcs[i].Path)
		if j, ok := seen[key]; ok {
			dup[i] = j
			continue
		}
		seen[key] = i
	}
	return dup
}

// eachSource runs read(i) for every source that is not a duplicate, one
// per core at a time, and waits for all.
func eachSource(dup []int, read func(i int)) {
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i := range dup {
		if dup[i] >= 0 {
			continue
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			read(i)
		}(i)
	}
	wg.Wait()
}

// sourceSHA is the source's SHA-256, or the error that says best why it
// cannot be read (the reader's typed error when it has one).
func sourceSHA(spec *SourceSpec) (string, error) {
	sha, err := fileio.SHA256(context.Background(), spec.Path)
	if err != nil {
		e := error(&reconcile.Error{File: spec.Path, Err: reconcile.ErrNotFound, Hint: "check the path (" + err.Error() + ")"})
		if _, re := read.Open(spec.Path, readOptions(spec)); re != nil {
			e = re
		}
		return "", e
	}
	return sha, nil
}

// newFileResult starts source i's FileResult: its size, and its error
// when it is a duplicate (dup ≥ 0) or could not be read.
func newFileResult(srcs []SourceSpec, i, dup int, err error) FileResult {
	spec := &srcs[i]
	fr := FileResult{Path: spec.Path, Citation: spec.Citation}
	if fi, err := os.Stat(spec.Path); err == nil {
		fr.Size = fi.Size()
	}
	switch {
	case dup >= 0:
		fr.Err = &reconcile.Error{File: spec.Path, Err: errors.New("given twice"), Hint: fmt.Sprintf("the same file as source %d (%s); it is read once", dup+1, srcs[dup].Path)}
	case err != nil:
		fr.Err = err
	}
	return fr
}

// clusterNames clusters the mentions with the project's decisions and
// thresholds.
func clusterNames(ctx context.Context, p *Project, mentions []match.Mention, progress func(Progress)) (*match.Result, error) {
	report(progress, Progress{Stage: StageMatch, Total: len(mentions)})
	names, err := match.Cluster(ctx, mentions, p.Decisions,
		match.Options{AutoThreshold: p.Params.AutoThreshold, ReviewThreshold: p.Params.ReviewThreshold},
		func(done, total int) { report(progress, Progress{Stage: StageMatch, Done: done, Total: total}) })
	if err != nil {
		if ctx.Err() != nil {
			return nil, reconcile.ErrCanceled
		}
		return nil, fmt.Errorf("matching names: %w", err)
	}
	return names, nil
}

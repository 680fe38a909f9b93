package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"tradecheck/reconcile"
	"tradecheck/reconcile/parquetout"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// parquetFlag is reconcile's --parquet DIR.
func parquetFlag(fs *flag.FlagSet) *string {
	return fs.String("parquet", "", "write records.parquet, shipments.parquet, entities.parquet, decisions.parquet, screening.parquet and possible_duplicates.parquet into this folder, for DuckDB or Spark (docs/parquet); no workbook is written unless -o is given too")
}

// streamFlag is reconcile's --stream.
func streamFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("stream", false, "with --parquet and no -o: reconcile in bounded memory (rows spilled to a temporary folder, merged part by part); chosen by itself when the inputs total "+
		fmt.Sprint(streamAutoBytes>>20)+" MB or more, --stream=false turns that off")
}

// streamAutoBytes is the input size from which --parquet alone streams:
// about two million CSV rows, which in memory take some 3 GB.
const streamAutoBytes = 256 << 20

// useStream decides the path: --stream when given, else by input size.
func useStream(fs *flag.FlagSet, stream bool, p *pipeline.Project) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "stream" })
	if given {
		return stream
	}
	var size int64
	for _, s := range p.Sources {
		if fi, err := os.Stat(s.Path); err == nil {
			size += fi.Size()
		}
	}
	return size >= streamAutoBytes
}

// writeParquet writes the run's Parquet files into dir.
func writeParquet(ctx context.Context, env *Env, res *pipeline.Result, dir string) int {
	err := parquetout.Write(ctx, res, dir, parquetout.Options{})
	if err == nil {
		return ExitOK
	}
	return parquetError(env, err)
}

func parquetError(env *Env, err error) int {
	fmt.Fprintf(env.Stderr, "tradecheck-cli reconcile: --parquet: %s\n", explain(err))
	if errors.Is(err, reconcile.ErrOverwrite) {
		return ExitUsage
	}
	return ExitInput
}

// streamParquet is the bounded-memory path: the project straight to
// Parquet with pipeline.Stream, part by part; saved mappings that change
// what was read make it run again, as runWithSaved does.
func streamParquet(ctx context.Context, env *Env, p *pipeline.Project, st *read.MappingStore, dir string) int {
	progress := func(pr pipeline.Progress) {
		if pr.Stage == pipeline.StageMatch && pr.Done == 0 {
			fmt.Fprintf(env.Stderr, "clustering %d distinct names…\n", pr.Total)
		}
	}
	sum, err := parquetout.WriteStream(ctx, p, dir, parquetout.Options{}, pipeline.StreamOptions{}, progress)
	if err == nil && p.ApplySaved(st, sum.Result) {
		fmt.Fprintln(env.Stderr, "saved column mappings apply: reading again")
		sum, err = parquetout.WriteStream(ctx, p, dir, parquetout.Options{}, pipeline.StreamOptions{}, progress)
	}
	if err != nil {
		if errors.Is(err, reconcile.ErrCanceled) {
			fmt.Fprintf(env.Stderr, "tradecheck-cli reconcile: %s\n", explain(err))
			return ExitInput
		}
		return parquetError(env, err)
	}
	res := sum.Result
	code := reportRead(env, res)
	printRead(env, res)
	fmt.Fprintf(env.Stdout, "%d rows → %d shipments (%d merged across sources, %d exact duplicate(s) counted once), reconciled in %d part(s) of at most %d rows\n",
		sum.Rows, sum.Shipments, sum.Merged, sum.Duplicates, sum.Parts, sum.LargestPart)
	fmt.Fprintf(env.Stdout, "counted: %d shipments, %.3f t (%s), %s\n", sum.Counted, sum.Tonnes, res.Project.Params.Weight, sum.USD.USDText(fmt.Sprintf("%.0f USD", sum.ValueUSD)))
	fmt.Fprintf(env.Stdout, "entities: %d, review pairs: %d, discrepancies: %d\n", len(res.Names.Entities), len(res.Names.Review), sum.Discrepancies)
	printDupes(env.Stdout, sum.Dupes, parquetout.DupesFile)
	for _, w := range sum.Warnings() {
		fmt.Fprintf(env.Stdout, "warning: %s\n", withFlags(w))
	}
	fmt.Fprintln(env.Stdout, "note: streamed (bounded memory): no source overlap check between files; run one on a sample in the app, and bring decisions on names, pairs and hits back with --decisions")
	fmt.Fprintf(env.Stdout, "wrote %s\n", dir)
	if printScreening(env.Stdout, env.Stderr, "reconcile", res, parquetout.ScreeningFile) {
		code = ExitInput
	}
	return code
}

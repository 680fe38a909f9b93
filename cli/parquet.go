package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"tradecheck/reconcile"
	"tradecheck/reconcile/parquetout"
	"tradecheck/reconcile/pipeline"
)

// parquetFlag is reconcile's --parquet DIR.
func parquetFlag(fs *flag.FlagSet) *string {
	return fs.String("parquet", "", "write records.parquet, shipments.parquet, entities.parquet and decisions.parquet into this folder, for DuckDB or Spark (docs/parquet); no workbook is written unless -o is given too")
}

// writeParquet writes the run's Parquet files into dir.
func writeParquet(ctx context.Context, env *Env, res *pipeline.Result, dir string) int {
	err := parquetout.Write(ctx, res, dir, parquetout.Options{})
	if err == nil {
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "tradecheck-cli reconcile: --parquet: %s\n", explain(err))
	if errors.Is(err, reconcile.ErrOverwrite) {
		return ExitUsage
	}
	return ExitInput
}

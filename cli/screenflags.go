package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/screen"
)

// listFlags are the screening flags reconcile and check share: sanctions
// lists to screen every consignee and shipper against, goods lists for
// claims' goods_list, and a file of screening decisions.
type listFlags struct {
	lists, goods listFlag
	decisions    *string
	threshold    *string
}

func addListFlags(fs *flag.FlagSet) *listFlags {
	lf := &listFlags{}
	fs.Var(&lf.lists, "screen", "sanctions list to screen every consignee and shipper against: OpenSanctions targets.simple.csv, OFAC sdn.csv/alt.csv/add.csv or their folder, UK OFSI ConList.csv, EU consolidated list (repeatable); adds the Screening sheet")
	fs.Var(&lf.goods, "goods-list", "CSV list of HS codes with labels (code, label, tier), for claims' goods_list beside the bundled CHPL (repeatable)")
	lf.decisions = fs.String("screen-decisions", "", "JSON file of screening decisions (confirm or reject hits), as the screen command reads")
	lf.threshold = fs.String("screen-threshold", "", "screening score at or above which a hit counts as listed, 0–1 (default "+strconv.FormatFloat(screen.DefaultThreshold, 'g', -1, 64)+")")
	return lf
}

// apply puts the flags into the project; a usage problem comes back as
// an error to print.
func (lf *listFlags) apply(p *pipeline.Project) error {
	if len(lf.lists) > 0 {
		p.Lists = append([]string(nil), lf.lists...)
	}
	if len(lf.goods) > 0 {
		p.GoodsLists = append([]string(nil), lf.goods...)
	}
	if *lf.threshold != "" {
		v, err := strconv.ParseFloat(*lf.threshold, 64)
		if err != nil || v <= 0 || v > 1 {
			return fmt.Errorf("--screen-threshold must be a number in (0, 1], not %q", *lf.threshold)
		}
		p.Params.ScreenThreshold = v
		if p.Params.ScreenReviewThreshold > v {
			p.Params.ScreenReviewThreshold = v
		}
	}
	if *lf.decisions != "" {
		f, err := os.Open(*lf.decisions)
		if err != nil {
			return fmt.Errorf("--screen-decisions: %v", err)
		}
		ds, err := screen.ReadDecisions(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("--screen-decisions %s: %v", *lf.decisions, err)
		}
		p.ScreenDecisions = append(p.ScreenDecisions, ds...)
	}
	return nil
}

// printScreening reports the lists read and what screening found, and
// where the hits are listed (where: "Screening sheet", "screening.parquet");
// list files that failed are errors (the exit code says so), hits are not.
func printScreening(out, errw io.Writer, cmd string, res *pipeline.Result, where string) bool {
	s := res.Screening
	failed := false
	if s == nil {
		return false
	}
	for _, e := range s.Errors {
		fmt.Fprintf(errw, "tradecheck-cli %s: %v\n", cmd, e)
		failed = true
	}
	for _, l := range s.Lists {
		fmt.Fprintf(out, "list %s\n", l.Summary())
	}
	listed, review := res.ScreenCounts()
	fmt.Fprintf(out, "screening: %d names against %d organisations: %d entities listed, %d for review (%s)\n",
		s.Screened, s.Against, listed, review, where)
	for _, d := range s.Unapplied {
		fmt.Fprintf(errw, "tradecheck-cli %s: screening decision not applied (no such name or list entry in this run): %s %q on %s %s\n",
			cmd, d.Op, d.Name, d.List, d.ListedID)
	}
	if res.Goods != nil {
		for _, e := range res.Goods.Errors {
			fmt.Fprintf(errw, "tradecheck-cli %s: %v\n", cmd, e)
			failed = true
		}
	}
	return failed
}

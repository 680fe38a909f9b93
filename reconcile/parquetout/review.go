package parquetout

import (
	"context"
	"path/filepath"
	"strconv"

	"tradecheck/reconcile/pipeline"
)

// writeReview writes the run's Review material: screening.parquet from
// r's screening and possible_duplicates.parquet from d (Result.DupList
// in memory, StreamSummary.Dupes streamed, which give the same rows).
// Both files are always written, empty when there is nothing to list,
// so that a folder never keeps an earlier run's list.
func writeReview(ctx context.Context, dir string, opt Options, r *pipeline.Result, d *pipeline.DupList) error {
	sopt := opt
	if s := r.Screening; s != nil {
		sopt.meta = [][2]string{{"tradecheck.screened", strconv.Itoa(s.Screened)}, {"tradecheck.against", strconv.Itoa(s.Against)}}
	}
	if err := writeFile(ctx, filepath.Join(dir, ScreeningFile), sopt, func(emit func(ScreenHit) error) error {
		return screening(r, emit)
	}); err != nil {
		return err
	}
	dopt := opt
	if d != nil {
		dopt.meta = [][2]string{{"tradecheck.more_pairs", strconv.Itoa(d.More)}, {"tradecheck.kept_apart", strconv.Itoa(d.KeptApart)},
			{"tradecheck.window_days", strconv.Itoa(d.WindowDays)}, {"tradecheck.weight_pct", strconv.FormatFloat(d.WeightPct, 'g', -1, 64)}}
	}
	return writeFile(ctx, filepath.Join(dir, DupesFile), dopt, func(emit func(Duplicate) error) error {
		return duplicates(d, emit)
	})
}

// screening emits the run's screening hits in the Screening sheet's order.
func screening(r *pipeline.Result, emit func(ScreenHit) error) error {
	for _, row := range r.ScreenRows() {
		h := row.Hit
		out := ScreenHit{EntityID: h.Key, Name: h.Name, Role: h.Role, TaxID: row.TaxID, List: h.List, ListCode: h.Source,
			ListedID: h.ListedID, ListedName: h.ListedName, Primary: h.Primary, Score: h.Score, Reasons: h.Reasons,
			Programs: h.Programs, ListingDate: h.Listed, Status: string(h.Status)}
		if err := emit(out); err != nil {
			return err
		}
	}
	return nil
}

// duplicates emits the Possible duplicates, best first.
func duplicates(d *pipeline.DupList, emit func(Duplicate) error) error {
	if d == nil {
		return nil
	}
	for i, p := range d.Pairs {
		out := Duplicate{Rank: int32(i + 1), Score: p.Score, Days: int32(p.Days), ShipmentA: p.A.ID, ShipmentB: p.B.ID,
			ConsigneeEntityIDA: p.A.ConsigneeEntityID, ConsigneeEntityA: p.A.ConsigneeEntity,
			ConsigneeEntityIDB: p.B.ConsigneeEntityID, ConsigneeEntityB: p.B.ConsigneeEntity,
			HS6: p.A.HSCode[:min(6, len(p.A.HSCode))], TonnesA: num(p.A.Tonnes), TonnesB: num(p.B.Tonnes),
			SourceRowsA: p.A.Rows, SourceRowsB: p.B.Rows, WhyAlike: p.Agree, WhyNotMerged: p.NotMerged}
		out.DateA, _ = date(p.A.Date)
		out.DateB, _ = date(p.B.Date)
		if err := emit(out); err != nil {
			return err
		}
	}
	return nil
}

package merge

import (
	"context"
	"fmt"
	"math"
	"sort"

	"tradecheck/reconcile"
)

// edge is a candidate fuzzy pair; lower cost is a better agreement.
type edge struct {
	a, b int32
	cost float64
}

const secondsPerDay = 24 * 60 * 60

// fuzzy applies the second rule: consignee entity, shipper entity when
// both known, HS-6, date and weight within tolerance, and at least one
// side without a declaration number. Pairs are taken best first; a row
// joins a unit only when it agrees with every row already there, so the
// rule never chains, and a unit takes one row per source.
func (r *reconciler) fuzzy(ctx context.Context) error {
	type cand struct {
		i    int32
		days int64
	}
	type bkey struct {
		c  int32
		hs string
	}
	blocks := map[bkey][]cand{}
	for i := range r.in.Records {
		if r.res.DuplicateOf[i] >= 0 || r.monthly(i) || r.isSplit(i) || r.in.Consignee[i] < 0 {
			continue
		}
		rec := &r.in.Records[i]
		if rec.Date.Precision != reconcile.PrecisionDay || len(rec.HSCode) < 6 || weightOf(rec) < 0 {
			continue
		}
		k := bkey{r.in.Consignee[i], rec.HSCode[:6]}
		blocks[k] = append(blocks[k], cand{int32(i), rec.Date.Time.Unix() / secondsPerDay})
	}
	tol := int64(r.opt.DateToleranceDays)
	if tol < 0 {
		tol = 0
	}
	var edges []edge
	keys := make([]bkey, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].c != keys[b].c {
			return keys[a].c < keys[b].c
		}
		return keys[a].hs < keys[b].hs
	})
	for n, k := range keys {
		if n%1024 == 0 && ctx.Err() != nil {
			return reconcile.ErrCanceled
		}
		cs := blocks[k]
		if len(cs) < 2 {
			continue
		}
		sort.Slice(cs, func(a, b int) bool {
			if cs[a].days != cs[b].days {
				return cs[a].days < cs[b].days
			}
			return cs[a].i < cs[b].i
		})
		for x := range cs {
			for y := x + 1; y < len(cs) && cs[y].days-cs[x].days <= tol; y++ {
				if c, ok := r.agree(cs[x].i, cs[y].i); ok {
					edges = append(edges, edge{cs[x].i, cs[y].i, c})
				}
			}
		}
	}
	sort.Slice(edges, func(a, b int) bool {
		if edges[a].cost != edges[b].cost {
			return edges[a].cost < edges[b].cost
		}
		if edges[a].a != edges[b].a {
			return edges[a].a < edges[b].a
		}
		return edges[a].b < edges[b].b
	})
	for _, e := range edges {
		ua, ub := r.unit[e.a], r.unit[e.b]
		if ua == ub {
			continue
		}
		A, B := r.units[ua], r.units[ub]
		if A.hasDecl && B.hasDecl {
			continue // two declarations are never one shipment
		}
		if !r.joinable(A, B) {
			continue
		}
		// Keep the unit holding a declaration (or the larger) and move
		// the other's rows in, each with its reason.
		if B.hasDecl || len(B.rows) > len(A.rows) {
			A, B, ua, ub = B, A, ub, ua
		}
		for _, x := range B.rows {
			A.rows = append(A.rows, x)
			A.reasons = append(A.reasons, r.text.Add(r.fuzzyReason(A.rows[0], x)))
			r.unit[x] = ua
		}
		B.rows, B.reasons, B.dead = nil, nil, true
		A.hasDecl = A.hasDecl || B.hasDecl
	}
	return nil
}

// joinable: disjoint sources and every cross pair agrees.
func (r *reconciler) joinable(A, B *unitT) bool {
	if r.apartUnits(A, B) {
		return false
	}
	for _, x := range A.rows {
		for _, y := range B.rows {
			if r.in.SourceOf[x] == r.in.SourceOf[y] {
				return false
			}
			if _, ok := r.agree(x, y); !ok {
				return false
			}
		}
	}
	return true
}

// weightOf returns the weight used for matching: net when present, else
// gross; -1 when neither.
func weightOf(rec *reconcile.Record) float64 {
	if rec.NetKg.Valid && rec.NetKg.Value > 0 {
		return rec.NetKg.Value
	}
	if rec.GrossKg.Valid && rec.GrossKg.Value > 0 {
		return rec.GrossKg.Value
	}
	return -1
}

// pairWeights picks comparable weights: net with net, else gross with
// gross.
func pairWeights(a, b *reconcile.Record) (float64, float64, string, bool) {
	if a.NetKg.Valid && b.NetKg.Valid && a.NetKg.Value > 0 && b.NetKg.Value > 0 {
		return a.NetKg.Value, b.NetKg.Value, "net", true
	}
	if a.GrossKg.Valid && b.GrossKg.Valid && a.GrossKg.Value > 0 && b.GrossKg.Value > 0 {
		return a.GrossKg.Value, b.GrossKg.Value, "gross", true
	}
	return 0, 0, "", false
}

// agree checks the fuzzy rule for two records and returns a cost.
func (r *reconciler) agree(i, j int32) (float64, bool) {
	if r.in.SourceOf[i] == r.in.SourceOf[j] {
		return 0, false
	}
	a, b := &r.in.Records[i], &r.in.Records[j]
	if a.DeclarationID != "" && b.DeclarationID != "" {
		return 0, false
	}
	if r.in.Consignee[i] < 0 || r.in.Consignee[i] != r.in.Consignee[j] {
		return 0, false
	}
	if si, sj := r.in.Shipper[i], r.in.Shipper[j]; si >= 0 && sj >= 0 && si != sj {
		return 0, false
	}
	if len(a.HSCode) < 6 || len(b.HSCode) < 6 || a.HSCode[:6] != b.HSCode[:6] {
		return 0, false
	}
	if a.Date.Precision != reconcile.PrecisionDay || b.Date.Precision != reconcile.PrecisionDay {
		return 0, false
	}
	days := math.Abs(a.Date.Time.Sub(b.Date.Time).Hours() / 24)
	if days > float64(r.opt.DateToleranceDays)+1e-9 {
		return 0, false
	}
	wa, wb, _, ok := pairWeights(a, b)
	if !ok {
		return 0, false
	}
	pct := 100 * math.Abs(wa-wb) / math.Max(wa, wb)
	if pct > r.opt.WeightTolerancePct+1e-9 {
		return 0, false
	}
	wt := r.opt.WeightTolerancePct
	if wt <= 0 {
		wt = 1
	}
	return days/float64(r.opt.DateToleranceDays+1) + pct/wt, true
}

func (r *reconciler) fuzzyReason(core, x int32) string {
	a, b := &r.in.Records[core], &r.in.Records[x]
	wa, wb, basis, _ := pairWeights(a, b)
	days := int(math.Round(math.Abs(a.Date.Time.Sub(b.Date.Time).Hours() / 24)))
	shipper := "shipper unknown on one side"
	if r.in.Shipper[core] >= 0 && r.in.Shipper[x] >= 0 {
		shipper = "same shipper entity"
	}
	return fmt.Sprintf("no declaration number on one side; same consignee entity, %s, HS-6 %s, dates %d day(s) apart, %s weight %.6g vs %.6g kg (%.2f%%)",
		shipper, b.HSCode[:6], days, basis, wa, wb, 100*math.Abs(wa-wb)/math.Max(wa, wb))
}

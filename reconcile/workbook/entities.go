package workbook

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/match"
)

// Entity sheet Decision values a user may type.
const (
	DecisionConfirmed = "confirmed"
	DecisionNotSame   = "not same"
)

func (w *writer) entities() error {
	d := w.d
	if d.Names == nil {
		d.Names = &match.Result{}
	}
	nm := len(d.Names.Mentions)
	ships := make([]int, nm)
	files := make([][]int32, nm)
	addFile := func(m int32, f int32) {
		for _, x := range files[m] {
			if x == f {
				return
			}
		}
		files[m] = append(files[m], f)
	}
	fileIdx := map[string]int32{}
	var fileNames []string
	for si := range d.Merge.Shipments {
		sh := &d.Merge.Shipments[si]
		var seen []int32
		for _, x := range append(append([]int32{}, sh.Rows...), sh.Duplicates...) {
			fn := d.Records[x].Source.File
			fi, ok := fileIdx[fn]
			if !ok {
				fi = int32(len(fileNames))
				fileIdx[fn] = fi
				fileNames = append(fileNames, filepath.Base(fn))
			}
			for _, m := range []int32{at(d.ConsigneeMention, x), at(d.ShipperMention, x)} {
				if m < 0 || int(m) >= nm {
					continue
				}
				addFile(m, fi)
				dup := false
				for _, s := range seen {
					dup = dup || s == m
				}
				if !dup {
					seen = append(seen, m)
					if sh.Counted() {
						ships[m]++
					}
				}
			}
		}
	}
	decided := map[string]string{}
	for _, dc := range d.Decisions {
		k := string(dc.Role) + "\x1f" + dc.Name
		switch dc.Op {
		case match.OpConfirm:
			decided[k] = DecisionConfirmed
		case match.OpNotSame:
			decided[k] = DecisionNotSame
		case match.OpSplit:
			decided[k] = "split out"
		case match.OpAssign, match.OpMerge:
			decided[k] = "moved"
		}
	}
	sw, err := w.open(SheetEntities, []float64{12, 36, 36, 11, 11, 30, 50, 12, 14, 14, 10}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, EntitiesHeader); err != nil {
		return err
	}
	r := 2
	for _, e := range d.Names.Entities {
		for k, m := range e.Members {
			if m < 0 || m >= nm {
				continue
			}
			mn := d.Names.Mentions[m]
			reason := ""
			if k < len(e.Reasons) {
				reason = e.Reasons[k]
			}
			if k < len(e.Scores) && k > 0 {
				reason = fmt.Sprintf("%s (score %.2f)", reason, e.Scores[k])
			}
			var fl []string
			for _, f := range files[m] {
				fl = append(fl, fileNames[f])
			}
			sort.Strings(fl)
			if err := sw.SetRow("A"+strconv.Itoa(r), []any{e.ID, e.Canonical, mn.Name, string(mn.Role), ships[m],
				strings.Join(fl, ", "), reason, decided[string(mn.Role)+"\x1f"+mn.Name], mn.TaxID,
				excelize.Cell{StyleID: w.st.Muted, Value: e.ID}, nilIfEmpty(w.listedCell(e.ID))}); err != nil {
				return err
			}
			r++
		}
	}
	return w.flush(sw)
}

func at(s []int32, i int32) int32 {
	if int(i) < len(s) {
		return s[i]
	}
	return -1
}

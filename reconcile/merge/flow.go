package merge

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"tradecheck/reconcile"
)

// crossFlowCost puts pairs of an export and an import row after every
// pair of one flow, so the import rows of one shipment (declaration
// register, B/L feed, aggregator) join first and the export row joins the
// shipment they make, checked against each of them.
const crossFlowCost = 3

// exportRow reports whether record i comes from an export register.
func (r *reconciler) exportRow(i int32) bool {
	return int(r.in.SourceOf[i]) < len(r.exportSrc) && r.exportSrc[r.in.SourceOf[i]]
}

// crossFlow reports whether one row is an export declaration and the
// other is not: the two sides of one shipment.
func (r *reconciler) crossFlow(i, j int32) bool {
	return r.anyExport && r.exportRow(i) != r.exportRow(j)
}

// exportDays gives the export row's date's lead over the import row's,
// in days (positive when the export comes first).
func (r *reconciler) exportDays(i, j int32) float64 {
	if r.exportRow(j) {
		i, j = j, i
	}
	return r.in.Records[j].Date.Time.Sub(r.in.Records[i].Date.Time).Hours() / 24
}

// compareCrossDates checks the export rule's window: the export up to
// ExportDaysBefore days before the import and ExportDaysAfter after it.
func (r *reconciler) compareCrossDates(i, j int32) (float64, bool) {
	d := r.exportDays(i, j)
	before, after := float64(max(r.opt.ExportDaysBefore, 0)), float64(max(r.opt.ExportDaysAfter, 0))
	if d > before+1e-9 || -d > after+1e-9 {
		return 0, false
	}
	// Any lead inside the window is as good as another (voyages differ);
	// a shorter one costs a little less so ties break the same way.
	return math.Abs(d) / (before + 1), true
}

func (r *reconciler) crossDateText(i, j int32) string {
	d := int(math.Round(r.exportDays(i, j)))
	if d >= 0 {
		return fmt.Sprintf("export declared %d day(s) before the import (window %d before to %d after)", d, r.opt.ExportDaysBefore, r.opt.ExportDaysAfter)
	}
	return fmt.Sprintf("export declared %d day(s) after the import (window %d before to %d after)", -d, r.opt.ExportDaysBefore, r.opt.ExportDaysAfter)
}

// crossCountries compares an export row's countries with an import
// row's (see compareCountries).
func (r *reconciler) crossCountries(i, j int32) (agree, clash string) {
	if r.exportRow(j) {
		i, j = j, i
	}
	return compareCountries(r.rec(i), r.rec(j))
}

// compareCountries compares an export declaration's countries with an
// import declaration's: the export's dispatch country (its declaring
// country) with the country the import declaration says the goods were
// dispatched from, and the export's destination with the import's (its
// declaring country). It returns what agrees, for the reason, and what
// clashes, "" when nothing does: goods dispatched from Turkey are not
// China's export, and goods China declared for Kazakhstan are not
// Russia's import. Only rows that carry a declaration number are
// compared: a B/L feed's countries are its ports' (a transshipment port
// of lading in India, a port of unlading in Finland for goods trucked on
// to Russia), not the declared countries. Origins are not compared: an
// export register without an origin column takes its own country as
// every row's origin, which a re-export's import declaration
// contradicts. Unknown countries agree with any.
func compareCountries(ex, im *reconcile.Record) (agree, clash string) {
	if ex.DeclarationID == "" || im.DeclarationID == "" {
		return "", ""
	}
	var ok, bad []string
	for _, c := range []struct{ what, e, m string }{
		{"dispatched from", ex.DispatchCountry, im.DispatchCountry},
		{"destination", ex.DestinationCountry, im.DestinationCountry},
	} {
		switch {
		case c.e == "" || c.m == "":
		case strings.EqualFold(c.e, c.m):
			ok = append(ok, c.what+" "+c.e)
		default:
			bad = append(bad, fmt.Sprintf("%s %s on the export, %s on the import", c.what, c.e, c.m))
		}
	}
	if len(ok) > 0 {
		agree = strings.Join(ok, ", ") + " on both declarations"
	}
	return agree, strings.Join(bad, "; ")
}

// crossOnlyText ends an export–import merge reason: what the pair was
// checked against beyond the rule's tests (clearCrossEdges), and what
// was not compared.
const crossOnlyText = "the export's only candidate in each import source and the import's only export declaration " +
	"(counting rows that name the firm in a third script, and rows alike on the day and weight under another shipper name); " +
	"values not compared (an export declaration states FOB, an import declaration CIF)"

// crossAgreeText is ", " and the countries both rows give alike, "" when
// none.
func (r *reconciler) crossAgreeText(i, j int32) string {
	if agree, _ := r.crossCountries(i, j); agree != "" {
		return ", " + agree
	}
	return ""
}

// crossText names the two declarations of a pair, export first.
func (r *reconciler) crossText(i, j int32) string {
	if r.exportRow(j) {
		i, j = j, i
	}
	id := func(rec *reconcile.Record) string {
		if rec.DeclarationID != "" {
			return " " + rec.DeclarationID
		}
		return ""
	}
	return fmt.Sprintf("export declaration%s and import row%s of the same goods", id(r.rec(i)), id(r.rec(j)))
}

// clearCrossEdges keeps an export–import pair only when it is the one
// candidate each row has: the export row's candidates across the import
// sources must be one shipment (one row per source, each pair of them
// agreeing by the rules and not a tie clearTiedEdges left apart), and
// the import row's only export declaration across every export register
// (goods leave one country; two registers naming the same declaration
// number are one candidate). The export window is wide enough to meet a
// regular importer's next shipment, and picking the closer of two would
// be a guess: such pairs stay apart and Possible duplicates lists them.
// Candidates are counted among all the pairs the rule accepts, those
// through related names too (clearRelatedEdges may drop them, but they
// still fit), and among rivals: rows that pass every test but name the
// firm in a third script (a Chinese export name and a Cyrillic import
// name, each the matcher's reading of the Latin name; mayBeOneFirm). The
// rule does not merge such a pair, but the import row may well be the
// export's own, so another candidate is a guess. An import row alike to
// one of the export's candidates — same source, day and weight, under a
// shipper name the matcher does not tie to the exporter (alike: every
// test but the shipper passes) — makes the export ambiguous too: a firm
// that ships two identical loads on one day appears as two such rows
// when the matcher misreads one name, and which is the export's is a
// guess. Pairs of one flow pass unchanged.
func (r *reconciler) clearCrossEdges(edges, all, alike []edge) []edge {
	if !r.anyExport {
		return edges
	}
	imports := map[int32][]int32{}      // export row → its import candidates
	exportDecls := map[int32][]uint64{} // import row → its export candidates' declarations
	for _, e := range all {
		if !r.crossFlow(e.a, e.b) {
			continue
		}
		ex, im := e.a, e.b
		if r.exportRow(im) {
			ex, im = im, ex
		}
		imports[ex] = append(imports[ex], im)
		d := r.declH[ex]
		if d == 0 {
			d = uint64(ex) + 1<<63 // no number: a candidate of its own
		}
		if !slices.Contains(exportDecls[im], d) {
			exportDecls[im] = append(exportDecls[im], d)
		}
	}
	oneShipment := map[int32]bool{}
	for ex, ims := range imports {
		oneShipment[ex] = r.oneShipment(ims)
	}
	for _, e := range alike {
		ex, im := e.a, e.b
		if r.exportRow(im) {
			ex, im = im, ex
		}
		if oneShipment[ex] && slices.ContainsFunc(imports[ex], func(y int32) bool { return r.twins(y, im) }) {
			oneShipment[ex] = false
		}
	}
	out := edges[:0]
	for _, e := range edges {
		if r.crossFlow(e.a, e.b) {
			ex, im := e.a, e.b
			if r.exportRow(im) {
				ex, im = im, ex
			}
			if !oneShipment[ex] || len(exportDecls[im]) > 1 {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// oneShipment reports whether rows could all be one shipment: one row
// per source, each pair linked by an identifier or agreeing by the
// fuzzy rule, none a tie left apart.
func (r *reconciler) oneShipment(rows []int32) bool {
	for x := range rows {
		for y := x + 1; y < len(rows); y++ {
			if a, b := rows[x], rows[y]; r.tied[[2]int32{a, b}] || !r.fits(a, b) {
				return false
			}
		}
	}
	return true
}

// twins reports whether rows x and y of one source are alike on the day
// and the weight: two loads a clerk could not tell apart.
func (r *reconciler) twins(x, y int32) bool {
	if r.in.SourceOf[x] != r.in.SourceOf[y] || dayOf(r.in.Records[x].Date) != dayOf(r.in.Records[y].Date) {
		return false
	}
	_, ok := r.compareWeights(x, y)
	return ok
}

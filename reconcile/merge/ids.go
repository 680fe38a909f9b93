package merge

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"hash/maphash"
	"slices"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// Relations two rows' identifiers can have.
const (
	idNone    = 0  // no kind both rows carry: identifiers say nothing
	idSame    = 1  // a kind both carry is equal, none differs
	idBlocked = -1 // a kind both carry differs: never one shipment
)

// prepare computes what every later stage compares: each record's
// declaration and item numbers as hashes of their normalised forms (a
// million strings would cost 40 MB; equal hashes of 64 bits are equal
// numbers), and the canonical order of records — by source key, then row —
// that breaks every tie instead of the order files were given in.
func (r *reconciler) prepare() {
	n := len(r.in.Records)
	seed := maphash.MakeSeed()
	r.declH = make([]uint64, n)
	r.itemH = make([]uint64, n)
	r.declSrc = make([]bool, len(r.in.Sources))
	r.exportSrc = make([]bool, len(r.in.Sources))
	for s, src := range r.in.Sources {
		if src.Flow == reconcile.FlowExport {
			r.exportSrc[s], r.anyExport = true, true
		}
	}
	for i := range r.in.Records {
		rec := &r.in.Records[i]
		if rec.DeclarationID == "" {
			continue
		}
		if d := values.NormalizeID(reconcile.FieldDeclarationID, rec.DeclarationID); d != "" {
			r.declH[i] = maphash.String(seed, d) | 1
			if it := NormalizeItem(rec.ItemNo); it != "" {
				r.itemH[i] = maphash.String(seed, it) | 1
			}
		}
	}
	r.writtenPrecision()
	r.rel = newRelations(r.in.Related)
	// Sources by key; records by source rank, then their place in the
	// source (rows are read top to bottom).
	srcs := make([]int, len(r.in.Sources))
	for i := range srcs {
		srcs[i] = i
	}
	slices.SortStableFunc(srcs, func(a, b int) int {
		return cmp.Or(strings.Compare(r.srcKey(a), r.srcKey(b)), strings.Compare(r.in.Sources[a].Name, r.in.Sources[b].Name))
	})
	rank := make([]int, len(srcs))
	for k, s := range srcs {
		rank[s] = k
	}
	start := make([]int, len(srcs)+1)
	for _, s := range r.in.SourceOf {
		start[rank[s]+1]++
	}
	for k := 1; k < len(start); k++ {
		start[k] += start[k-1]
	}
	r.ord = make([]int32, n)
	for i, s := range r.in.SourceOf {
		k := rank[s]
		r.ord[i] = int32(start[k])
		start[k]++
	}
}

func (r *reconciler) srcKey(s int) string {
	if k := r.in.Sources[s].Key; k != "" {
		return k
	}
	return r.in.Sources[s].Name
}

// idRel compares the identifiers two rows carry, kind by kind, and names
// the kind that links them (or keeps them apart).
func (r *reconciler) idRel(i, j int32) (int, reconcile.Field) {
	rel, kind := idNone, reconcile.FieldNone
	// An export declaration and an import declaration are numbers of two
	// kinds (two customs services): they neither prove nor block.
	if r.declH[i] != 0 && r.declH[j] != 0 && !r.crossFlow(i, j) {
		if r.declH[i] != r.declH[j] {
			return idBlocked, reconcile.FieldDeclarationID
		}
		if r.itemH[i] != 0 && r.itemH[j] != 0 && r.itemH[i] != r.itemH[j] {
			return idBlocked, reconcile.FieldItemNo
		}
		rel, kind = idSame, reconcile.FieldDeclarationID
	}
	a, b := r.rec(i), r.rec(j)
	for _, k := range []struct {
		f    reconcile.Field
		x, y string
	}{
		{reconcile.FieldBillOfLading, a.BillOfLading, b.BillOfLading},
		{reconcile.FieldContainer, a.Container, b.Container},
		{reconcile.FieldInvoice, a.Invoice, b.Invoice},
	} {
		if k.x == "" || k.y == "" {
			continue
		}
		xs, ys := values.IDSet(k.f, k.x), values.IDSet(k.f, k.y)
		if len(xs) == 0 || len(ys) == 0 {
			continue
		}
		switch {
		case intersects(xs, ys):
			if rel == idNone {
				rel, kind = idSame, k.f
			}
		case k.f == reconcile.FieldBillOfLading && !sameIssuer(xs, ys):
			// A master B/L (the carrier's) and a house B/L (the
			// forwarder's) of one cargo differ; only two numbers of one
			// issuer are two consignments.
		default:
			return idBlocked, k.f
		}
	}
	return rel, kind
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// sameIssuer reports whether some B/L of a and some of b come from one
// issuer: the same 4-letter carrier or forwarder prefix (MAEU, COSU), or
// for all-digit numbers (air waybills) the same 3-digit airline prefix.
func sameIssuer(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if p := issuer(x); p != "" && p == issuer(y) {
				return true
			}
		}
	}
	return false
}

func issuer(s string) string {
	if len(s) >= 8 && strings.Trim(s, "0123456789") == "" {
		return s[:3]
	}
	if len(s) >= 8 && strings.IndexFunc(s[:4], func(c rune) bool { return c < 'A' || c > 'Z' }) < 0 {
		return s[:4]
	}
	return ""
}

// blDated reports whether a row's date is a bill-of-lading date
// (shipment or arrival) rather than a declaration's registration date:
// the row has a B/L and no declaration number.
func blDated(rec *reconcile.Record) bool { return rec.DeclarationID == "" && rec.BillOfLading != "" }

// ShipmentID derives a shipment's ID from its anchor row: "S-" (or "M-"
// for a monthly aggregate) and 8 upper-case hex digits of the SHA-256 of
// the source key (file SHA-256 and sheet) and row number. attempt > 0
// salts the hash and lengthens the ID after a collision, like entity IDs.
func ShipmentID(monthly bool, sourceKey string, row int, attempt int) string {
	h := sha256.Sum256([]byte(sourceKey + "\x00" + strconv.Itoa(row) + "\x00" + strconv.Itoa(attempt)))
	n := 4 + attempt // bytes
	if n > 16 {
		n = 16
	}
	p := "S-"
	if monthly {
		p = "M-"
	}
	return p + strings.ToUpper(hex.EncodeToString(h[:n]))
}

// anchor is the row a shipment's ID derives from: a row with a
// declaration number if any (declaration registers are the backbone most
// sets share, so adding a B/L feed or an aggregator keeps the ID), then
// the first in canonical order — never the preferred row, which the
// user's source order can change.
func (r *reconciler) anchor(rows []int32) int32 {
	best := rows[0]
	for _, x := range rows[1:] {
		dx, db := r.declH[x] != 0, r.declH[best] != 0
		if dx != db {
			if dx {
				best = x
			}
			continue
		}
		// An import declaration over an export one: adding the exporting
		// country's register keeps the shipment's ID.
		if ex, eb := r.exportRow(x), r.exportRow(best); ex != eb {
			if eb {
				best = x
			}
			continue
		}
		if r.ord[x] < r.ord[best] {
			best = x
		}
	}
	return best
}

package claims

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"tradecheck/reconcile/merge"
)

// Listing is what screening found about one entity.
type Listing struct {
	Listed bool // a listed or confirmed hit
	// Pending is set when no hit counts but one awaits review; Score is
	// the best such hit's score.
	Pending bool
	Score   float64
	// Since is the listing date of the counting hit (YYYY-MM-DD), or ""
	// when the list gives none; Name the listed name.
	Since, Name string
}

// listing returns what screening says about entity e.
func (k *Checker) listing(e int32) Listing {
	switch {
	case e < 0:
		return Listing{}
	case k.d.Listing != nil:
		return k.d.Listing(e)
	case k.d.Listed != nil:
		return Listing{Listed: k.d.Listed(e)}
	}
	return Listing{}
}

// partyEntities appends the entities a shipment's party has on any of its
// rows, the resolved one first. A merged shipment keeps one row's name,
// but every row's name is screened: a list may know only the Latin
// spelling of a firm whose Cyrillic spelling the shipment kept.
func (k *Checker) partyEntities(dst []int32, role string, sh *merge.Shipment) []int32 {
	e, per := sh.Consignee, k.d.ConsigneeOf
	if role == PartyShipper {
		e, per = sh.Shipper, k.d.ShipperOf
	}
	dst = append(dst, e)
	for _, x := range sh.Rows {
		if int(x) < len(per) && per[x] >= 0 {
			found := false
			for _, y := range dst {
				found = found || y == per[x]
			}
			if !found {
				dst = append(dst, per[x])
			}
		}
	}
	return dst
}

// Listing states of a shipment's party.
const (
	listNo      = iota
	listYes     // a party is listed
	listPending // none is listed, one has a hit pending review
)

// listedState says whether the party a PartyListed filter names is
// listed on any of the shipment's rows.
func (k *Checker) listedState(party string, sh *merge.Shipment) int {
	if k.d.Listed == nil && k.d.Listing == nil {
		return listNo
	}
	var buf [8]int32
	state := listNo
	for _, role := range partyRoles(party) {
		for _, e := range k.partyEntities(buf[:0], role, sh) {
			l := k.listing(e)
			switch {
			case l.Listed:
				return listYes
			case l.Pending:
				state = listPending
			}
		}
	}
	return state
}

func partyRoles(party string) []string {
	switch party {
	case PartyConsignee:
		return []string{PartyConsignee}
	case PartyShipper:
		return []string{PartyShipper}
	}
	return []string{PartyConsignee, PartyShipper}
}

// listedDetail says why a near-boundary shipment's party does not count
// as listed: not on a list, or a possible listing still pending review.
// It never says "not on a sanctions list" of a party with a pending hit.
func (k *Checker) listedDetail(party string, sh *merge.Shipment) string {
	var parts []string
	for _, role := range partyRoles(party) {
		e, name := sh.Consignee, sh.ConsigneeName
		if role == PartyShipper {
			e, name = sh.Shipper, sh.ShipperName
		}
		best := Listing{}
		for _, x := range k.partyEntities(nil, role, sh) {
			if l := k.listing(x); l.Pending && l.Score > best.Score {
				best = l
			}
		}
		who := role + " " + k.party(e, name)
		if best.Pending {
			s := who + ": possible listing, pending review (score " + strconv.FormatFloat(best.Score, 'f', 2, 64)
			if best.Name != "" {
				s += ", " + best.Name
			}
			parts = append(parts, s+")")
		} else {
			parts = append(parts, who+" not on a sanctions list")
		}
	}
	return strings.Join(parts, "; ")
}

// predating looks, for a claim about listed parties, at the shipments in
// scope made before their listed party was listed. The verdict counts
// parties by their status today; a reader may take "sanctioned
// suppliers" to mean listed at the time of shipment, so the reason states
// both figures and whether the claim holds on the second reading.
func (k *Checker) predating(v *Verdict) {
	party := v.Claim.Filters.PartyListed
	if party == "" || len(v.InScope) == 0 {
		return
	}
	var since []string
	known, missing, dropped := 0.0, 0, 0.0
	for _, r := range v.InScope {
		sh := &k.d.Shipments[r.Shipment]
		first := "" // the earliest listing date among the listed parties
		undated := false
		for _, role := range partyRoles(party) {
			for _, e := range k.partyEntities(nil, role, sh) {
				l := k.listing(e)
				if !l.Listed {
					continue
				}
				if l.Since == "" {
					undated = true
				} else if first == "" || l.Since < first {
					first = l.Since
				}
			}
		}
		if undated || first == "" || !r.Date.Known() {
			v.ListingUnknown++
		}
		if !undated && first != "" && r.Date.Known() && r.Date.String() < first {
			v.Predate++
			if r.Value.Valid {
				dropped += r.Value.Value
			}
			if !slices.Contains(since, first) {
				since = append(since, first)
			}
			continue
		}
		if r.Value.Valid {
			known += r.Value.Value
		} else {
			missing++
		}
	}
	if v.Predate == 0 {
		return
	}
	sort.Strings(since)
	v.ListedSince = since
	w := Verdict{Claim: v.Claim, Covered: v.Covered, Lower: round(known), Upper: round(known)}
	if missing > 0 || v.Undetermined > 0 {
		// The whole figure's upper bound less what the shipments made
		// before the listing add for sure.
		w.Upper = round(v.Upper - dropped)
	}
	w.InScope = make([]Row, len(v.InScope)-v.Predate) // decide reads only how many
	w.Undetermined = v.Undetermined
	k.decide(&w)
	v.AtShipmentLower, v.AtShipmentUpper, v.AtShipmentKind = w.Lower, w.Upper, w.Kind
}

// predateText is the reason's sentence about shipments made before their
// party was listed.
func predateText(v *Verdict) string {
	if v.Claim.Filters.PartyListed == "" || len(v.InScope) == 0 {
		return ""
	}
	if v.Predate == 0 {
		if v.ListingUnknown > 0 {
			return " For " + plural(v.ListingUnknown, "shipment", "shipments") + " the list gives no listing date (or the shipment no date): the figure counts parties listed today, and whether they were listed at the time of shipment is not known."
		}
		return " Every shipment was made after its party was listed, so the figure is the same counted by listing status then or today."
	}
	c := &v.Claim
	s := " " + strconv.Itoa(v.Predate) + " of " + strconv.Itoa(len(v.InScope)) + " shipments predate the listing"
	if len(v.ListedSince) == 1 {
		s += " on " + v.ListedSince[0]
	} else {
		s += " of their party (listed on " + strings.Join(v.ListedSince, " or ") + ")"
	}
	s += ": the figure counts parties listed today; counting only shipments made after the listing it is "
	if v.AtShipmentUpper != v.AtShipmentLower {
		s += "between " + FormatFigure(c.Measure, c.Unit, v.AtShipmentLower) + " and " + FormatFigure(c.Measure, c.Unit, v.AtShipmentUpper)
	} else {
		s += FormatFigure(c.Measure, c.Unit, v.AtShipmentLower)
	}
	switch v.AtShipmentKind {
	case Supported:
		s += ", and the claim still holds."
	case Contradicted:
		s += ", and the claim would not hold."
	default:
		s += ", and the data would not decide the claim."
	}
	return s
}

package claims

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// TestListedParties checks claims about listed parties: a party whose
// only hit awaits review is undecided (never "not on a sanctions list"),
// a merged shipment's party is listed when any of its rows names a listed
// entity, and shipments made before the listing are counted and stated.
func TestListedParties(t *testing.T) {
	// R1, R2 (2022-06-14) and SCOPES (2022-09-01) are shipped by NORINCO
	// (entity 2); the A shipments by Marmara (entity 3).
	listings := func(m map[int32]Listing) func(int32) Listing {
		return func(e int32) Listing { return m[e] }
	}
	c := claim(Shipments, AtLeast, 3, Filters{Consignee: []string{"Tekhkrim"}, PartyListed: PartyShipper})
	tests := []struct {
		name     string
		listing  map[int32]Listing
		merged   bool // R1 gets a second row naming Marmara, kept as its shipper
		kind     Kind
		lo, hi   float64
		reason   []string
		near     string
		predated int
	}{
		{name: "listed since before every shipment", listing: map[int32]Listing{2: {Listed: true, Since: "2022-03-01"}},
			kind: Supported, lo: 3, hi: 3, reason: []string{"3 shipments", "Every shipment was made after its party was listed"}},
		{name: "no listing date: not known whether listed then", listing: map[int32]Listing{2: {Listed: true}},
			kind: Supported, lo: 3, hi: 3, reason: []string{"For 3 shipments the list gives no listing date", "is not known"}},
		{name: "listed after the June shipments: both readings stated", listing: map[int32]Listing{2: {Listed: true, Since: "2022-08-01"}},
			kind: Supported, lo: 3, hi: 3, predated: 2,
			reason: []string{"2 of 3 shipments predate the listing on 2022-08-01", "it is 1 shipment, and the claim would not hold"}},
		{name: "a hit pending review is undecided, not unlisted", listing: map[int32]Listing{2: {Pending: true, Score: 0.89, Name: "China North Industries Corporation"}},
			kind: Insufficient, lo: 0, hi: 3, near: "shipper CHINA NORTH INDUSTRIES CORP. (NORINCO) (E-NOR): possible listing, pending review (score 0.89",
			reason: []string{"a party whose screening hit awaits review"}},
		{name: "a merged shipment is screened on every row's party", merged: true, listing: map[int32]Listing{2: {Listed: true, Since: "2022-03-01"}},
			kind: Supported, lo: 3, hi: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testData(baseShips())
			d.Listing = listings(tt.listing)
			d.ShipperOf = make([]int32, len(d.Records))
			for i := range d.Shipments {
				d.ShipperOf[i] = d.Shipments[i].Shipper
			}
			if tt.merged {
				// R1's kept row names the shipper in another script, an
				// entity of its own (Marmara stands in); its second row
				// names NORINCO.
				r1 := &d.Shipments[6]
				d.Records = append(d.Records, reconcile.Record{Source: reconcile.Provenance{File: "/data/bl.csv", Row: 9}})
				d.ShipperOf = append(d.ShipperOf, 2)
				r1.Shipper, r1.ShipperName = 3, "MARMARA"
				r1.Rows = append(r1.Rows, int32(len(d.Records)-1))
			}
			v := Check(d, c)
			if v.Kind != tt.kind || v.Lower != tt.lo || v.Upper != tt.hi || v.Predate != tt.predated {
				t.Fatalf("got %s %v–%v, %d predated; want %s %v–%v, %d (%s)", v.Kind, v.Lower, v.Upper, v.Predate, tt.kind, tt.lo, tt.hi, tt.predated, v.Reason)
			}
			for _, w := range tt.reason {
				if !strings.Contains(v.Reason, w) {
					t.Errorf("reason %q lacks %q", v.Reason, w)
				}
			}
			for _, n := range v.Near {
				if strings.Contains(n.Detail, "NORINCO") && strings.Contains(n.Detail, "not on a sanctions list") {
					t.Errorf("near %s: %q says not listed", n.ID, n.Detail)
				}
			}
			if tt.near != "" {
				found := false
				for _, n := range v.Near {
					found = found || strings.Contains(n.Detail, tt.near)
				}
				if !found {
					t.Errorf("near: got %+v, want a detail with %q", v.Near, tt.near)
				}
			}
		})
	}
}

// TestTaxIDClaim checks that a claim naming a firm by a tax ID finds it
// by that ID, even one with a wrong check digit glued to a name in the
// sources, and says the ID is not valid.
func TestTaxIDClaim(t *testing.T) {
	v := Check(testData(baseShips()), claim(Quantity, AtLeast, 1, Filters{Consignee: []string{"7701234567"}, HSPrefixes: []string{"9303"}}))
	if v.Kind != Supported || len(v.InScope) != 2 || len(v.Resolved) != 1 || v.Resolved[0].How != ByTaxID {
		t.Fatalf("got %s, %d in scope, resolved %+v; want supported by tax ID (%s)", v.Kind, len(v.InScope), v.Resolved, v.Reason)
	}
	if !strings.Contains(strings.Join(v.Notes, " "), "“7701234567” is not a valid INN") {
		t.Errorf("notes %q do not say the INN is invalid", v.Notes)
	}
}

// TestPartyFilterSeesEveryRow checks that a consignee or shipper filter
// finds a merged shipment by any of its rows' entities: the merge's
// names-in-review rule joins a Cyrillic declaration row and a Latin B/L
// row whose names stay two entities, and the shipment keeps one name.
func TestPartyFilterSeesEveryRow(t *testing.T) {
	t.Parallel()
	c := claim(Shipments, AtLeast, 3, Filters{Consignee: []string{"Tekhkrim"}, Shipper: []string{"NORINCO"}})
	for _, merged := range []bool{false, true} {
		t.Run(map[bool]string{false: "the kept row names another entity", true: "a second row names NORINCO"}[merged], func(t *testing.T) {
			d := testData(baseShips())
			d.ShipperOf = make([]int32, len(d.Records))
			for i := range d.Shipments {
				d.ShipperOf[i] = d.Shipments[i].Shipper
			}
			r1 := &d.Shipments[6]
			r1.Shipper, r1.ShipperName = 3, "MARMARA" // stands in for the Cyrillic name
			d.ShipperOf[r1.Rows[0]] = 3
			if merged {
				d.Records = append(d.Records, reconcile.Record{Source: reconcile.Provenance{File: "/data/bl.csv", Row: 9}})
				d.ShipperOf = append(d.ShipperOf, 2)
				r1.Rows = append(r1.Rows, int32(len(d.Records)-1))
			}
			want := map[bool]float64{false: 2, true: 3}[merged]
			if v := Check(d, c); v.Lower != want || v.Upper != want {
				t.Errorf("got %v–%v shipments, want %v (%s)", v.Lower, v.Upper, want, v.Reason)
			}
		})
	}
}

package claims

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
)

// ship is a synthetic shipment for table tests. NaN measures are missing.
type ship struct {
	id                        string
	date                      string // "2022-06-14", or "2022-06" for month precision, "" unknown
	cons, shipper             int32  // entity index, -1 unknown
	origin, dispatch, dest    string
	hs, desc                  string
	tonnes, usd, qty          float64
	unit                      string
	monthly, superseded, excl bool
}

var nan = math.NaN()

func num(v float64) reconcile.Number {
	if math.IsNaN(v) {
		return reconcile.Number{}
	}
	return reconcile.Num(v)
}

// entities of the synthetic data: index → (ID, canonical, names as written).
var testEntities = []struct {
	id, canonical string
	role          match.Role
	names         []string
	tax           string
}{
	{"E-TEK", "OOO TEKHKRIM", match.Consignee, []string{"OOO TEKHKRIM", "ООО «Техкрим»", "7701234567 ООО «ТЕХКРИМ»"}, "7701234560"},                                                // 0
	{"E-TKS", "TEKHKRIM-SERVICE LLC", match.Consignee, []string{"TEKHKRIM-SERVICE LLC"}, ""},                                                                                       // 1
	{"E-NOR", "CHINA NORTH INDUSTRIES CORP. (NORINCO)", match.Shipper, []string{"CHINA NORTH INDUSTRIES CORP. (NORINCO)", "CHINA NORTH INDUSTRIES GROUP CORPORATION LIMITED"}, ""}, // 2
	{"E-MAR", "MARMARA BALISTIK", match.Shipper, []string{"MARMARA BALISTIK SAN VE TIC LTD STI"}, ""},                                                                              // 3
	{"E-TKM", "TEKHKOM LLC", match.Consignee, []string{"TEKHKOM LLC"}, ""},                                                                                                         // 4
}

func testData(ships []ship, sources ...Coverage) *Data {
	d := &Data{Names: &match.Result{}}
	for ei, e := range testEntities {
		ent := match.Entity{ID: e.id, Canonical: e.canonical}
		for _, n := range e.names {
			ent.Members = append(ent.Members, len(d.Names.Mentions))
			d.Names.Mentions = append(d.Names.Mentions, match.Mention{Name: n, Role: e.role, TaxID: e.tax, Count: 1})
			d.Names.EntityOf = append(d.Names.EntityOf, ei)
		}
		d.Names.Entities = append(d.Names.Entities, ent)
	}
	for i, s := range ships {
		sh := merge.Shipment{ID: s.id, Consignee: s.cons, Shipper: s.shipper, Origin: s.origin, Dispatch: s.dispatch,
			Destination: s.dest, HSCode: s.hs, Description: s.desc, Tonnes: num(s.tonnes), USD: num(s.usd),
			Quantity: num(s.qty), QuantityUnit: s.unit, Monthly: s.monthly, Superseded: s.superseded, Excluded: s.excl,
			Rows: []int32{int32(i)}}
		switch len(s.date) {
		case 10:
			tm, _ := time.Parse(time.DateOnly, s.date)
			sh.Date = reconcile.Date{Time: tm, Precision: reconcile.PrecisionDay}
		case 7:
			tm, _ := time.Parse("2006-01", s.date)
			sh.Date = reconcile.Date{Time: tm, Precision: reconcile.PrecisionMonth}
		}
		if s.cons >= 0 {
			sh.ConsigneeName = testEntities[s.cons].names[0]
		}
		if s.shipper >= 0 {
			sh.ShipperName = testEntities[s.shipper].names[0]
		}
		if s.excl {
			sh.ExcludeReason = "test"
		}
		d.Shipments = append(d.Shipments, sh)
		d.Records = append(d.Records, reconcile.Record{Source: reconcile.Provenance{File: "/data/src.xlsx", Sheet: "S", Row: i + 2}})
	}
	if sources == nil {
		sources = []Coverage{{Source: "src.xlsx!S", From: day("2021-12-27"), To: day("2023-01-17")}}
	}
	d.Sources = sources
	return d
}

func day(s string) reconcile.Date {
	tm, _ := time.Parse(time.DateOnly, s)
	return reconcile.Date{Time: tm, Precision: reconcile.PrecisionDay}
}

// armour is body armour CN → TR → RU, shipped by Marmara to Tekhkom.
func armour(id, date string, tonnes float64) ship {
	return ship{id: id, date: date, cons: 4, shipper: 3, origin: "CN", dispatch: "TR", dest: "RU", hs: "6307909800",
		desc: "Бронежилеты защитные текстильные", tonnes: tonnes, usd: tonnes * 128000, qty: math.Round(tonnes * 117), unit: "pcs"}
}

// withoutWeight is baseShips with A2's weight missing: 4.1 t known on
// June–December, and no upper bound.
func withoutWeight() []ship {
	s := baseShips()
	s[1].tonnes = nan
	return s
}

func baseShips() []ship {
	return []ship{
		armour("A1", "2022-06-20", 2.1),
		armour("A2", "2022-07-18", 1.8),
		armour("A3", "2022-09-26", 2.0),
		armour("A-MAY", "2022-05-16", 1.5), // outside June–December: near on date
		func() ship { s := armour("A-KZ", "2022-08-10", 1.0); s.dispatch = "KZ"; return s }(),
		func() ship {
			s := armour("MASK", "2022-08-11", 3.2)
			s.hs = "6307909100"
			s.desc = "Маски защитные"
			return s
		}(),
		{id: "R1", date: "2022-06-14", cons: 0, shipper: 2, origin: "CN", dispatch: "CN", dest: "RU", hs: "9303300000",
			desc: "CQ-A SEMI-AUTOMATIC RIFLES 5.56MM", tonnes: 2.04, usd: 546000, qty: 600, unit: "pcs"},
		{id: "R2", date: "2022-06-14", cons: 0, shipper: 2, origin: "CN", dispatch: "CN", dest: "RU", hs: "9303300000",
			desc: "CQ-A SEMI-AUTOMATIC RIFLES 5.56MM", tonnes: 1.36, usd: 364000, qty: 400, unit: "pcs"},
		{id: "SCOPES", date: "2022-09-01", cons: 0, shipper: 2, origin: "CN", dispatch: "CN", dest: "RU", hs: "9013100000",
			desc: "OPTICAL SIGHTS", tonnes: 0.27, usd: 66000, qty: 120, unit: "pcs"},
	}
}

func claim(m Measure, cmp Comparator, fig float64, f Filters) Claim {
	c := Claim{ID: "T", Text: "test", Measure: m, Comparator: cmp, Figure: fig, Filters: f}
	if m == Quantity {
		c.Unit = "pcs"
	}
	return c
}

var armourJuneDec = Filters{Origin: []string{"CN"}, Dispatch: []string{"TR"}, Destination: []string{"RU"},
	HSPrefixes: []string{"63079098"}, From: "2022-06-01", To: "2022-12-31"}

func TestCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		ships        []ship
		sources      []Coverage
		claim        Claim
		kind         Kind
		why          string
		lower, upper float64
		inScope      []string
		near         map[string]string // ID → filter missed
		reason       string            // substring
	}{
		{
			name: "supported: more than 5 t", claim: claim(Tonnes, MoreThan, 5, armourJuneDec),
			kind: Supported, lower: 5.9, upper: 5.9, inScope: []string{"A1", "A2", "A3"},
			near:   map[string]string{"A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
			reason: "5.9 t in 3 shipments",
		},
		{
			name: "contradicted: more than 30 t", claim: claim(Tonnes, MoreThan, 30, armourJuneDec),
			kind: Contradicted, lower: 5.9, upper: 5.9, inScope: []string{"A1", "A2", "A3"},
			near:   map[string]string{"A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
			reason: "but the claim says more than 30 t",
		},
		{
			name: "insufficient: a missing weight straddles", ships: withoutWeight(), claim: claim(Tonnes, MoreThan, 5, armourJuneDec),
			kind: Insufficient, why: WhyStraddle, lower: 4.1, upper: math.Inf(1), inScope: []string{"A1", "A2", "A3"},
			near:   map[string]string{"A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
			reason: "1 shipment without weight: its weight could be anything, so no upper bound",
		},
		{
			name: "supported despite a missing weight", ships: withoutWeight(), claim: claim(Tonnes, MoreThan, 4, armourJuneDec),
			kind: Supported, lower: 4.1, upper: math.Inf(1), inScope: []string{"A1", "A2", "A3"},
			near: map[string]string{"A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
		},
		{
			// The missing weight can only add: "at most 4 t" already fails
			// at the known 4.1 t.
			name: "contradicted despite a missing weight", ships: withoutWeight(), claim: claim(Tonnes, AtMost, 4, armourJuneDec),
			kind: Contradicted, lower: 4.1, upper: math.Inf(1), inScope: []string{"A1", "A2", "A3"},
			near:   map[string]string{"A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
			reason: "which the known figure already fails, and the missing weights can only add to it",
		},
		{
			// "About 5.2 t" fails at the known 4.1 t, yet the missing
			// weight could make it true.
			name: "insufficient: about, bounds on either side", ships: withoutWeight(),
			claim: func() Claim { c := claim(Tonnes, About, 5.2, armourJuneDec); c.TolerancePct = 5; return c }(),
			kind:  Insufficient, why: WhyStraddle, lower: 4.1, upper: math.Inf(1), inScope: []string{"A1", "A2", "A3"},
			near: map[string]string{"A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
		},
		{
			name:    "insufficient: no source covers the range",
			sources: []Coverage{{Source: "a.xlsx!S", From: day("2022-01-03"), To: day("2022-12-30")}},
			claim:   func() Claim { c := claim(Tonnes, AtLeast, 10, armourJuneDec); c.Filters.From = "2021-07-01"; return c }(),
			kind:    Insufficient, why: WhyCoverage, lower: 7.4, upper: 7.4, inScope: []string{"A1", "A2", "A3", "A-MAY"},
			near:   map[string]string{"A-KZ": FilterDispatch, "MASK": FilterHS},
			reason: "no source covers 2021-07-01 to 2022-12-31",
		},
		{
			name:    "supported although no source covers the range: more can only add",
			sources: []Coverage{{Source: "a.xlsx!S", From: day("2022-01-03"), To: day("2022-12-30")}},
			claim:   func() Claim { c := claim(Tonnes, MoreThan, 5, armourJuneDec); c.Filters.From = "2021-07-01"; return c }(),
			kind:    Supported, lower: 7.4, upper: 7.4, inScope: []string{"A1", "A2", "A3", "A-MAY"},
			near:   map[string]string{"A-KZ": FilterDispatch, "MASK": FilterHS},
			reason: "could only add",
		},
		{
			name: "nothing found, near on consignee",
			claim: claim(Quantity, AtLeast, 1, Filters{Consignee: []string{"Tekhkom"}, Destination: []string{"RU"},
				HSPrefixes: []string{"9303"}, Description: []string{"CQ-A"}, From: "2022-01-01", To: "2022-12-31"}),
			kind: NothingFound, near: map[string]string{"R1": FilterConsignee, "R2": FilterConsignee},
			reason: "no shipment passes every filter",
		},
		{
			name: "an unrecorded destination widens the figure instead of ruling the shipment out",
			ships: func() []ship {
				s := baseShips()
				s[2].dest = "" // A3: a register with no destination column
				return s
			}(),
			claim: claim(Shipments, Exactly, 3, armourJuneDec),
			kind:  Insufficient, why: WhyStraddle, lower: 2, upper: 3, inScope: []string{"A1", "A2"},
			near:   map[string]string{"A3": FilterDestination, "A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
			reason: "1 shipment passes every other filter but has no destination recorded, so may be in scope",
		},
		{
			name: "a shipment without a date may be in the claim's period",
			ships: func() []ship {
				s := baseShips()
				s[2].date = "" // A3: no date in any source
				return s
			}(),
			claim: claim(Shipments, Exactly, 3, armourJuneDec),
			kind:  Insufficient, why: WhyStraddle, lower: 2, upper: 3, inScope: []string{"A1", "A2"},
			near:   map[string]string{"A3": FilterDate, "A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
			reason: "1 shipment passes every other filter but has no date recorded, so may be in scope",
		},
		{
			name: "only unrecorded destinations: insufficient data, not nothing found",
			ships: func() []ship {
				s := baseShips()
				for i := range s {
					s[i].dest = ""
				}
				return s
			}(),
			claim: claim(Tonnes, MoreThan, 5, armourJuneDec),
			kind:  Insufficient, why: WhyStraddle, lower: 0, upper: 5.9,
			// The others miss a second filter too (no destination and the date).
			near:   map[string]string{"A1": FilterDestination, "A2": FilterDestination, "A3": FilterDestination},
			reason: "between 0 t and 5.9 t",
		},
		{
			name: "exactly 1,000 pieces by name, script and legal form",
			claim: claim(Quantity, Exactly, 1000, Filters{Consignee: []string{"Техкрим"}, Shipper: []string{"China North Industries Group"},
				HSPrefixes: []string{"9303"}, From: "2022-06-01", To: "2022-06-30"}),
			kind: Supported, lower: 1000, upper: 1000, inScope: []string{"R1", "R2"},
		},
		{
			name: "shipments count; excluded shipment is near, superseded line ignored",
			ships: func() []ship {
				s := baseShips()
				s[2].excl = true
				agg := armour("AGG", "2022-08", 5)
				agg.monthly, agg.superseded = true, true
				return append(s, agg)
			}(),
			claim: claim(Shipments, Exactly, 2, armourJuneDec),
			kind:  Supported, lower: 2, upper: 2, inScope: []string{"A1", "A2"},
			near: map[string]string{"A3": FilterExcluded, "A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
		},
		{
			name: "a counted monthly aggregate opens the shipment count",
			ships: func() []ship {
				agg := armour("AGG", "2022-08", 5)
				agg.monthly = true
				return append(baseShips(), agg)
			}(),
			claim: claim(Shipments, AtLeast, 4, armourJuneDec),
			kind:  Supported, lower: 4, upper: math.Inf(1), inScope: []string{"A1", "A2", "A3", "AGG"},
			near: map[string]string{"A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
		},
		{
			name: "month-precision date partly outside the range is near on date",
			ships: func() []ship {
				s := baseShips()
				s[0].date = "2022-06"
				return s
			}(),
			claim: func() Claim { c := claim(Tonnes, AtLeast, 1, armourJuneDec); c.Filters.From = "2022-06-15"; return c }(),
			kind:  Supported, lower: 3.8, upper: 3.8, inScope: []string{"A2", "A3"},
			near: map[string]string{"A1": FilterDate, "A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
		},
		{
			name:  "description alternatives in two scripts",
			claim: claim(ValueUSD, About, 755200, Filters{Description: []string{"body armour", "БРОНЕЖИЛЕТ"}, Dispatch: []string{"TR"}, From: "2022-06-01", To: "2022-12-31"}),
			kind:  Supported, lower: 755200, upper: 755200, inScope: []string{"A1", "A2", "A3"},
			near: map[string]string{"A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterDescription},
		},
		{
			name:  "a word must start a word of the description; punctuation stays a phrase",
			claim: claim(Tonnes, AtLeast, 0, Filters{Description: []string{"rifles cq-a", "ronezhilet", "a"}}),
			kind:  Supported, lower: 3.4, upper: 3.4, inScope: []string{"R1", "R2"},
			near: map[string]string{"A1": FilterDescription, "A2": FilterDescription, "A3": FilterDescription, "A-MAY": FilterDescription,
				"A-KZ": FilterDescription, "MASK": FilterDescription, "SCOPES": FilterDescription},
		},
		{
			name:  "almost: above the figure is not almost",
			claim: claim(Tonnes, Almost, 5.5, armourJuneDec),
			kind:  Contradicted, lower: 5.9, upper: 5.9, inScope: []string{"A1", "A2", "A3"},
			near: map[string]string{"A-MAY": FilterDate, "A-KZ": FilterDispatch, "MASK": FilterHS},
		},
		{
			name:  "unknown consignee name finds nothing",
			claim: claim(Tonnes, MoreThan, 1, Filters{Consignee: []string{"Zzyzx Holdings"}, HSPrefixes: []string{"9303"}}),
			kind:  NothingFound, reason: "no consignee “Zzyzx Holdings” matches a company in the data",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ships := tt.ships
			if ships == nil {
				ships = baseShips()
			}
			v := Check(testData(ships, tt.sources...), tt.claim)
			if v.Kind != tt.kind || v.Why != tt.why {
				t.Errorf("kind: got %s/%s, want %s/%s (%s)", v.Kind, v.Why, tt.kind, tt.why, v.Reason)
			}
			if tt.kind != NothingFound && (math.Abs(v.Lower-tt.lower) > 1e-9 || !(v.Upper == tt.upper || math.Abs(v.Upper-tt.upper) < 1e-9)) {
				t.Errorf("bounds: got %v–%v, want %v–%v", v.Lower, v.Upper, tt.lower, tt.upper)
			}
			if got := v.IDs(); !reflect.DeepEqual(got, tt.inScope) && !(len(got) == 0 && len(tt.inScope) == 0) {
				t.Errorf("in scope: got %v, want %v", got, tt.inScope)
			}
			near := map[string]string{}
			for _, n := range v.Near {
				near[n.ID] = n.Filter
				if n.Detail == "" {
					t.Errorf("near %s has no detail", n.ID)
				}
			}
			if !reflect.DeepEqual(near, tt.near) && !(len(near) == 0 && len(tt.near) == 0) {
				t.Errorf("near: got %v, want %v", near, tt.near)
			}
			if v.NearTotal != len(v.Near) {
				t.Errorf("near total: got %d, want %d", v.NearTotal, len(v.Near))
			}
			byFilter := map[string]int{}
			for _, f := range tt.near {
				byFilter[f]++
			}
			if !reflect.DeepEqual(v.NearByFilter, byFilter) && !(len(byFilter) == 0 && len(v.NearByFilter) == 0) {
				t.Errorf("near by filter: got %v, want %v", v.NearByFilter, byFilter)
			}
			if !strings.HasPrefix(v.Reason, v.Kind.Label()+":") || !strings.Contains(v.Reason, tt.reason) {
				t.Errorf("reason: got %q, want it to start with %q and contain %q", v.Reason, v.Kind.Label(), tt.reason)
			}
			for _, r := range v.InScope {
				if len(r.Sources) != 1 || !strings.HasPrefix(r.Sources[0], "src.xlsx!S:") {
					t.Errorf("%s sources: got %v, want one src.xlsx!S:row", r.ID, r.Sources)
				}
			}
		})
	}
}

func TestResolveNames(t *testing.T) {
	t.Parallel()
	d := testData(baseShips())
	tests := []struct {
		role match.Role
		q    string
		how  string
		want []string
	}{
		{match.Consignee, "E-TKS", ByEntityID, []string{"E-TKS"}},
		{match.Consignee, "7701234560", ByTaxID, []string{"E-TEK"}},
		{match.Consignee, "Tekhkrim", BySameName, []string{"E-TEK"}},    // not Tekhkrim-Service
		{match.Consignee, "ООО Техкрим", BySameName, []string{"E-TEK"}}, // Cyrillic with legal form
		{match.Shipper, "NORINCO", ByNameWords, []string{"E-NOR"}},
		{match.Shipper, "China North Industries Group", BySameName, []string{"E-NOR"}},
		{match.Shipper, "Marmra", ByClosest, []string{"E-MAR"}},
		{match.Consignee, "NORINCO", NotFound, nil},                 // a shipper, not a consignee
		{match.Consignee, "E-0BADF0", NotFound, nil},                // a stale ID never fuzzy-matches
		{match.Consignee, "7701234567", ByTaxID, []string{"E-TEK"}}, // glued to a name, check digit wrong
		{match.Consignee, "7709999999", NotFound, nil},              // a number never fuzzy-matches a name
	}
	for _, tt := range tests {
		t.Run(string(tt.role)+" "+tt.q, func(t *testing.T) {
			k := NewChecker(d)
			r, _ := k.rv.resolve(d.Names, tt.role, tt.q)
			if r.How != tt.how || !reflect.DeepEqual(r.Entities, tt.want) {
				t.Errorf("resolve(%q) = %s %v, want %s %v", tt.q, r.How, r.Entities, tt.how, tt.want)
			}
		})
	}
}

// TestCheckerFollowsEntities re-checks after the entities change (as after
// a Recluster): a name that moves into the consignee's entity moves its
// shipments into scope.
func TestCheckerFollowsEntities(t *testing.T) {
	t.Parallel()
	ships := baseShips()
	ships[8].cons = 1 // SCOPES went to Tekhkrim-Service
	ships[8].hs = "9303100000"
	d := testData(ships)
	c := claim(Quantity, Exactly, 1120, Filters{Consignee: []string{"Tekhkrim"}, HSPrefixes: []string{"9303"}})
	k := NewChecker(d)
	if v := k.Check(c); v.Kind != Contradicted || v.Lower != 1000 {
		t.Fatalf("before: got %s %v, want contradicted 1000 (%s)", v.Kind, v.Lower, v.Reason)
	}
	// The user merges Tekhkrim-Service into Tekhkrim: same mentions, new
	// entities, shipment entity indexes updated.
	d2 := *d
	d2.Names = &match.Result{Mentions: d.Names.Mentions, Entities: append([]match.Entity(nil), d.Names.Entities...),
		EntityOf: append([]int(nil), d.Names.EntityOf...)}
	d2.Names.EntityOf[2] = 0 // TEKHKRIM-SERVICE LLC → E-TEK
	d2.Shipments = append([]merge.Shipment(nil), d.Shipments...)
	d2.Shipments[8].Consignee = 0
	k.Reset(&d2)
	if v := k.Check(c); v.Kind != Supported || v.Lower != 1120 {
		t.Fatalf("after: got %s %v, want supported 1120 (%s)", v.Kind, v.Lower, v.Reason)
	}
}

func TestCheckEmptyData(t *testing.T) {
	t.Parallel()
	c := claim(Tonnes, MoreThan, 1, Filters{Consignee: []string{"Tekhkrim"}, From: "2022-01-01", To: "2022-12-31"})
	for name, d := range map[string]*Data{"nil": nil, "empty": {}} {
		t.Run(name, func(t *testing.T) {
			v := Check(d, c)
			if v.Kind != NothingFound || v.Covered {
				t.Errorf("got %s covered=%v, want nothing found, not covered (%s)", v.Kind, v.Covered, v.Reason)
			}
		})
	}
}

func TestCheckInvalidClaim(t *testing.T) {
	t.Parallel()
	v := Check(testData(baseShips()), Claim{ID: "X", Measure: "furlongs", Comparator: MoreThan, Figure: 1})
	if v.Kind != Insufficient || !strings.Contains(v.Reason, "cannot be checked") {
		t.Errorf("got %s %q, want insufficient data, cannot be checked", v.Kind, v.Reason)
	}
}

func BenchmarkCheck(b *testing.B) {
	var ships []ship
	for i := 0; i < 100_000; i++ {
		s := armour("S", "2022-01-01", float64(i%7)+0.5)
		s.date = time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365).Format(time.DateOnly)
		if i%3 == 0 {
			s.dispatch = "KZ"
		}
		if i%5 == 0 {
			s.desc = "Плитка керамическая"
			s.hs = "6907210000"
		}
		ships = append(ships, s)
	}
	d := testData(ships)
	c := claim(Tonnes, MoreThan, 12, armourJuneDec)
	c.Filters.Description = []string{"бронежилет"}
	c.Filters.Consignee = []string{"Tekhkom"}
	k := NewChecker(d)
	b.ResetTimer()
	for b.Loop() {
		k.Check(c)
	}
}

// A verdict resting on shipments from a pair of sources the run warned
// about says so in its notes; without the warning it does not.
func TestDoubleCountNote(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		dc   func(int) string
		want string
	}{
		{"warned pair", func(i int) string {
			if i == 0 {
				return "a.xlsx!S and b.csv"
			}
			return ""
		}, "1 shipment in scope comes from sources with possible double counting (a.xlsx!S and b.csv)"},
		{"no warning", nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := testData(baseShips())
			d.DoubleCount = tt.dc
			v := Check(d, claim(Tonnes, MoreThan, 5, armourJuneDec))
			got := strings.Join(v.Notes, " | ")
			if tt.want == "" && strings.Contains(got, "double counting") || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("notes %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTotalsNote: a verdict whose shipments take rows from a sheet whose
// total row disagrees says so (the new user's K3: "Contradicted 1,154.82
// t" rested on a sheet whose total row said 11.555 t, and nothing in the
// verdict said so).
func TestTotalsNote(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		bad  map[string]string
		want string
	}{
		{"failing total row", map[string]string{"src.xlsx!S": "total row 8 differs from the 4 rows read above it"},
			"3 shipments in scope take rows from a sheet whose total row disagrees with its rows (src.xlsx!S: total row 8 differs"},
		{"another sheet's total", map[string]string{"other.xlsx!S": "total row 8 differs"}, ""},
		{"no failing total", nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := testData(baseShips())
			d.TotalsBad = tt.bad
			v := Check(d, claim(Tonnes, MoreThan, 5, armourJuneDec))
			got := strings.Join(v.Notes, " | ")
			if tt.want == "" && strings.Contains(got, "total row") || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("notes %q, want %q", got, tt.want)
			}
		})
	}
}

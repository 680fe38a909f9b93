package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/screen"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
)

// A synthetic run: three consignees, one listed by name, one a hard
// negative (same generic words, another number), one listed only by tax
// ID under another name; HS codes on and off the CHPL, and an HS 2022
// code dated 2021.
const screenShipments = `date,consignee,consignee inn,shipper,hs code,net weight kg,value usd,declaration
2022-03-01,OOO KRASNY LUCH,,ACME TRADING LTD,8542310000,100,1000,D1
2022-03-02,OOO KRASNY LUCH,,ACME TRADING LTD,8458110000,200,2000,D2
2022-03-03,ZAVOD-1 JSC,,ACME TRADING LTD,8542310000,300,3000,D3
2022-03-04,ZAVOD-2 JSC,,BETA INDUSTRIAL CO,0805100000,400,4000,D4
2021-05-05,OOO VOSTOK,7701234560,BETA INDUSTRIAL CO,8807300000,500,5000,D5
`

const screenList = `"id","schema","name","aliases","birth_date","countries","addresses","identifiers","sanctions","phones","emails","dataset","first_seen","last_seen","last_change"
"T-1","Company","Krasny Luch LLC","ООО «Красный Луч»","","ru","","","PROG-A","","","Test list","2022-04-01","2024-01-01","2024-01-01"
"T-2","Company","AO Zavod-2","","","ru","","","PROG-B","","","Test list","2022-05-05","2024-01-01","2024-01-01"
"T-3","Company","Severny Trust","","","ru","","7701234560","PROG-C","","","Test list","2023-01-01","2024-01-01","2024-01-01"
"T-4","Person","Ivan Zavod","","","ru","","","PROG-D","","","Test list","2023-01-01","2024-01-01","2024-01-01"
`

func screenFixture(t *testing.T) (dir string, p *Project) {
	t.Helper()
	dir = t.TempDir()
	ships := filepath.Join(dir, "ships.csv")
	list := filepath.Join(dir, "targets.simple.csv")
	if err := os.WriteFile(ships, []byte(screenShipments), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(list, []byte(screenList), 0o644); err != nil {
		t.Fatal(err)
	}
	p = NewProject(ships)
	p.Lists = []string{list}
	return dir, p
}

func entityIDOf(t *testing.T, r *Result, name string) string {
	t.Helper()
	for i, m := range r.Names.Mentions {
		if m.Name == name {
			return r.Names.Entities[r.Names.EntityOf[i]].ID
		}
	}
	t.Fatalf("no mention %q", name)
	return ""
}

func TestScreeningInRun(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, p := screenFixture(t)
	res, err := Run(ctx, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := res.Screening
	if s == nil || len(s.Lists) != 1 || len(s.Errors) != 0 {
		t.Fatalf("screening = %+v", s)
	}
	luch, z1, z2, vostok := entityIDOf(t, res, "OOO KRASNY LUCH"), entityIDOf(t, res, "ZAVOD-1 JSC"), entityIDOf(t, res, "ZAVOD-2 JSC"), entityIDOf(t, res, "OOO VOSTOK")
	for _, c := range []struct {
		id   string
		want bool
	}{{luch, true}, {z1, false}, {z2, true}, {vostok, true}} {
		if got := s.Listed(c.id); got != c.want {
			t.Errorf("Listed(%s) = %v, want %v (hits %+v)", c.id, got, c.want, s.HitsOf(c.id))
		}
	}
	if h := s.HitsOf(vostok); len(h) == 0 || !strings.Contains(strings.Join(h[0].Reasons, " "), "same tax ID") {
		t.Errorf("Vostok hits = %+v, want a tax-ID hit", h)
	}
	for _, h := range s.Hits {
		if h.ListedID == "T-4" {
			t.Errorf("a person was screened against a firm: %+v", h)
		}
	}

	// Totals: listed parties only, and by tier.
	all := res.Totals(totals.ByNone, totals.Filter{})
	listed := res.Totals(totals.ByNone, totals.Filter{PartyListed: totals.PartyConsignee})
	if all.Total.Shipments != 5 || listed.Total.Shipments != 4 {
		t.Errorf("shipments all %d, listed consignees %d; want 5 and 4", all.Total.Shipments, listed.Total.Shipments)
	}
	tier1 := res.Totals(totals.ByNone, totals.Filter{CHPLTiers: []string{"1"}, PartyListed: totals.PartyEither})
	if tier1.Total.Shipments != 1 || tier1.Total.Tonnes != 0.1 {
		t.Errorf("tier 1 of listed parties = %+v, want the one Krasny Luch chip shipment", tier1.Total)
	}
	byTier := res.Totals(totals.ByCHPLTier, totals.Filter{})
	keys := map[string]int{}
	for _, g := range byTier.Groups {
		keys[g.Key] = g.Measures.Shipments
	}
	if keys["Tier 1"] != 2 || keys["Tier 4.B"] != 1 || keys["Tier 3.B"] != 1 || keys[totals.NotOnCHPL] != 1 {
		t.Errorf("by tier = %v", keys)
	}
	// The 2021 drone-part code exists only from HS 2022.
	n := 0
	for _, d := range res.Merge.Discrepancies {
		if d.Kind == KindHS2022 {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d HS 2022 warnings, want 1", n)
	}

	// Claims: listed consignees, CHPL goods (Krasny Luch's chips and
	// lathe, Vostok's drone part).
	res = res.WithClaims([]claims.Claim{
		{ID: "L1", Measure: claims.Shipments, Comparator: claims.Exactly, Figure: 3,
			Filters: claims.Filters{PartyListed: claims.PartyConsignee, GoodsList: "chpl"}},
		{ID: "L2", Measure: claims.Tonnes, Comparator: claims.Exactly, Figure: 0.2,
			Filters: claims.Filters{PartyListed: claims.PartyEither, GoodsList: "chpl:4.B"}},
		{ID: "L3", Measure: claims.Shipments, Comparator: claims.AtLeast, Figure: 1,
			Filters: claims.Filters{GoodsList: "dualuse"}},
	})
	vs := res.CheckClaims()
	if vs[0].Kind != claims.Supported || vs[1].Kind != claims.Supported {
		t.Errorf("L1 %s (%s), L2 %s (%s)", vs[0].Kind, vs[0].Reason, vs[1].Kind, vs[1].Reason)
	}
	if vs[2].Kind != claims.Insufficient || !strings.Contains(vs[2].Reason, "dualuse") {
		t.Errorf("an unknown goods list: %s (%s)", vs[2].Kind, vs[2].Reason)
	}
	// Z1's chip shipment is one filter away: its consignee is not listed.
	if vs[0].NearByFilter[claims.FilterListed] != 1 {
		t.Errorf("near by filter = %v", vs[0].NearByFilter)
	}
}

func TestScreeningDecisionsAndWorkbook(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, p := screenFixture(t)
	res, err := Run(ctx, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	z2 := entityIDOf(t, res, "ZAVOD-2 JSC")
	if err := res.ScreenDecide(p, screen.OpReject, z2, screen.SourceOpenSanctions, "T-2", "another plant"); err != nil {
		t.Fatal(err)
	}
	if err := res.ScreenDecide(p, screen.OpConfirm, z2, screen.SourceOpenSanctions, "T-404", ""); err == nil {
		t.Error("a decision about a hit that does not exist was accepted")
	}
	res, err = res.Recluster(ctx, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Screening.Listed(z2) {
		t.Error("a rejected hit still counts as listed")
	}
	out := filepath.Join(dir, "out.xlsx")
	if err := WriteWorkbook(ctx, res, out, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(workbook.SheetScreening)
	ents, _ := f.GetRows(workbook.SheetEntities)
	ships, _ := f.GetRows(workbook.SheetShipments)
	f.Close()
	if len(rows) < 2 || !slices.Equal(rows[0], workbook.ScreeningHeader) {
		t.Fatalf("Screening sheet = %v", rows)
	}
	var rejected bool
	for _, r := range rows[1:] {
		if len(r) > 14 && r[6] == "T-2" && r[13] == "rejected" && r[14] == workbook.ScreenRejected {
			rejected = true
		}
	}
	if !rejected {
		t.Errorf("the rejected hit is not on the Screening sheet: %v", rows)
	}
	listedCol := slices.Index(ents[0], "Listed")
	for _, r := range ents[1:] {
		want := "no"
		switch r[2] {
		case "OOO KRASNY LUCH", "OOO VOSTOK":
			want = "listed"
		}
		if listedCol < 0 || listedCol >= len(r) || r[listedCol] != want {
			t.Errorf("Entities row %v: Listed want %q", r, want)
		}
	}
	tierCol := slices.Index(ships[0], "CHPL tier")
	if tierCol < 0 || ships[1][tierCol] != "Tier 3.B" { // the first shipment is the 2021 drone part
		t.Errorf("Shipments CHPL tier column: header %v, first row %v", ships[0], ships[1])
	}

	// The workbook carries the lists and the decision back.
	q, err := OpenExported(context.Background(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(q.Lists, p.Lists) || len(q.ScreenDecisions) != 1 || q.ScreenDecisions[0].Op != screen.OpReject ||
		q.ScreenDecisions[0].Note != "another plant" {
		t.Errorf("read back lists %v, decisions %+v", q.Lists, q.ScreenDecisions)
	}
	res2, err := Run(ctx, q, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res2.Screening.Listed(entityIDOf(t, res2, "ZAVOD-2 JSC")) || !res2.Screening.Listed(entityIDOf(t, res2, "OOO KRASNY LUCH")) {
		t.Error("the replayed project does not give the same screening")
	}
}

func TestScreeningListErrors(t *testing.T) {
	t.Parallel()
	_, p := screenFixture(t)
	p.Lists = append(p.Lists, filepath.Join(t.TempDir(), "missing.csv"))
	res, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Screening.Errors) != 1 || !strings.Contains(res.Screening.Errors[0].Error(), "missing.csv") {
		t.Errorf("errors = %v", res.Screening.Errors)
	}
	if len(res.Screening.Lists) != 1 {
		t.Error("the readable list was not used")
	}
	// No lists: no screening, and a claim about listed parties says why.
	p.Lists = nil
	res, err = Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Screening != nil {
		t.Error("screened without lists")
	}
	v := res.WithClaims([]claims.Claim{{ID: "X", Measure: claims.Shipments, Comparator: claims.AtLeast, Figure: 1,
		Filters: claims.Filters{PartyListed: claims.PartyEither}}}).CheckClaims()[0]
	if v.Kind != claims.Insufficient || !strings.Contains(v.Reason, "no sanctions list") {
		t.Errorf("%s: %s", v.Kind, v.Reason)
	}
}

// An entity decision reclusters without screening again: every hit keeps
// its name as written and follows it to its (new) entity.
func TestScreeningFollowsEntityDecisions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, p := screenFixture(t)
	res, err := Run(ctx, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Move Vostok into Krasny Luch's entity, as a user's merge would.
	p.Decisions = append(p.Decisions, match.Decision{Op: match.OpMerge, Name: "OOO VOSTOK", Role: match.Consignee,
		TaxID: "7701234560", Other: "OOO KRASNY LUCH", OtherRole: match.Consignee})
	res2, err := res.Recluster(ctx, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res2.Screening.idx != res.Screening.idx || len(res2.Screening.Hits) != len(res.Screening.Hits) {
		t.Fatal("the lists were screened again for an entity decision")
	}
	for _, h := range res2.Screening.Hits {
		want := res2.Names.Entities[res2.Names.EntityOf[h.Query]].ID
		if h.Key != want || res2.Names.Mentions[h.Query].Name != h.Name {
			t.Errorf("hit %q on %s: key %s, want the entity of its name %s", h.Name, h.ListedID, h.Key, want)
		}
	}
	if v, l := entityIDOf(t, res2, "OOO VOSTOK"), entityIDOf(t, res2, "OOO KRASNY LUCH"); v != l || !res2.Screening.Listed(v) {
		t.Errorf("after the merge: Vostok %s, Krasny Luch %s", v, l)
	}
}

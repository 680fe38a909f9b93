package ui

import (
	"math"
	"testing"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"

	"fyne.io/fyne/v2/test"
)

// goldenClaims fills the Claims screen with fixed claims and verdicts (no
// engine), so the markup tests the layout only.
func goldenClaims(t *testing.T) *UI {
	t.Helper()
	u := newTestUI(t)
	day := func(s string) reconcile.Date {
		tm, _ := time.Parse(time.DateOnly, s)
		return reconcile.Date{Time: tm, Precision: reconcile.PrecisionDay}
	}
	d := &claims.Data{Shipments: []merge.Shipment{
		{ID: "S12", Date: day("2022-07-14"), ConsigneeName: "OOO SHCHIT-PRO", ShipperName: "ANKA SAVUNMA LTD", Tonnes: reconcile.Num(6.3), USD: reconcile.Num(812000)},
		{ID: "S31", Date: day("2022-10-02"), ConsigneeName: "ООО «Щит-Про»", ShipperName: "ANKA SAVUNMA LTD", Tonnes: reconcile.Num(6.3), USD: reconcile.Num(790500)},
		{ID: "S40", Date: day("2022-11-20"), ConsigneeName: "STEPPE TRADE LLP", ShipperName: "XINGDA ARMOUR CO., LTD", Tonnes: reconcile.Num(1), USD: reconcile.Num(124000)},
	}}
	f := claims.Filters{Origin: []string{"CN"}, Dispatch: []string{"TR"}, Destination: []string{"RU"}, HSPrefixes: []string{"63079098"}, From: "2022-06-01", To: "2022-12-31"}
	cs := []claims.Claim{
		{ID: "C1", Text: "More than 12 tonnes of Chinese body armour reached Russia via Turkey between June and December 2022", Measure: claims.Tonnes, Comparator: claims.MoreThan, Figure: 12, Filters: f},
		{ID: "C2", Text: "More than 30 tonnes of Chinese body armour reached Russia via Turkey in 2022", Measure: claims.Tonnes, Comparator: claims.MoreThan, Figure: 30, Filters: f},
		{ID: "C3", Text: "Zavod-2 imported more than 160.4 tonnes of machinery from China in 2022", Measure: claims.Tonnes, Comparator: claims.MoreThan, Figure: 160.4},
		{ID: "C4", Text: "Zavod-1 bought CQ-A rifles in 2022", Measure: claims.Quantity, Unit: "pcs", Comparator: claims.AtLeast, Figure: 1},
	}
	rows := []claims.Row{
		{Shipment: 0, ID: "S12", Date: day("2022-07-14"), Value: reconcile.Num(6.3), Sources: []string{"ru_declarations.xlsx!Декларации:40", "aggregator.xlsx!Shipments:22"}},
		{Shipment: 1, ID: "S31", Date: day("2022-10-02"), Value: reconcile.Num(6.3), Sources: []string{"ru_declarations.xlsx!Декларации:77"}},
	}
	near := []claims.Near{{Row: claims.Row{Shipment: 2, ID: "S40", Date: day("2022-11-20"), Value: reconcile.Num(1), Sources: []string{"mirror_exports.csv:16"}},
		Filter: claims.FilterDispatch, Detail: "dispatched from KZ"}}
	vs := []claims.Verdict{
		{Claim: cs[0], Kind: claims.Supported, Reason: "Found 12.6 t in 2 shipments, more than 12 t.", Lower: 12.6, Upper: 12.6, Covered: true, InScope: rows, Near: near, NearTotal: 1},
		{Claim: cs[1], Kind: claims.Contradicted, Reason: "Found 12.6 t in 2 shipments, not more than 30 t.", Lower: 12.6, Upper: 12.6, Covered: true, InScope: rows},
		{Claim: cs[2], Kind: claims.Insufficient, Why: claims.WhyStraddle, Reason: "At least 155.067 t; 1 shipment has no weight, so there is no upper bound.", Lower: 155.067, Upper: math.Inf(1), Missing: 1, Covered: true},
		{Claim: cs[3], Kind: claims.NothingFound, Reason: "No shipment matches every filter.", Covered: true},
	}
	u.project = pipeline.NewProject("/data/aggregator.xlsx")
	u.project.Claims = cs
	s := u.claims
	s.data = d
	s.showVerdicts(s.gen, d, vs)
	u.tabs.Select(u.tabClaims)
	s.selectClaim("C1")
	return u
}

func TestClaimsMarkup(t *testing.T) {
	u := goldenClaims(t)
	if u.claims.badge.kind != claims.Supported || len(u.claims.in) != 2 {
		t.Fatalf("golden setup: got %s with %d rows", u.claims.badge.kind, len(u.claims.in))
	}
	test.AssertRendersToMarkup(t, "claims.xml", u.win.Canvas())
}

func TestClaimsFormMarkup(t *testing.T) {
	u := goldenClaims(t)
	test.Tap(u.claims.editBtn)
	if u.claims.form == nil {
		t.Fatal("Edit did not open the form")
	}
	test.AssertRendersToMarkup(t, "claims_form.xml", u.win.Canvas())
}

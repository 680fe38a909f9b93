package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/screen"
	"tradecheck/samples"
)

// findSummary returns the entity summary whose canonical name contains
// name, in role.
func findSummary(t *testing.T, u *UI, name, role string) *pipeline.EntitySummary {
	t.Helper()
	for i := range u.entities.sums {
		s := &u.entities.sums[i]
		if strings.Contains(s.Canonical, name) && string(s.Role) == role {
			return s
		}
	}
	t.Fatalf("no %s entity %q", role, name)
	return nil
}

// hitButton finds a button in the hits panel by its text and the hit
// title above it.
func hitButton(t *testing.T, u *UI, title, text string) *widget.Button {
	t.Helper()
	for _, o := range u.entities.hits.box.Objects {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) < 3 {
			continue
		}
		if !strings.Contains(row.Objects[0].(*widget.Label).Text, title) {
			continue
		}
		for _, b := range row.Objects[2].(*fyne.Container).Objects {
			if btn := b.(*widget.Button); btn.Text == text {
				return btn
			}
		}
	}
	t.Fatalf("no %q button under a hit titled %q", text, title)
	return nil
}

func TestListsSourceType(t *testing.T) {
	u := newTestUI(t)
	list, _ := filepath.Abs(filepath.Join("..", "samples", samples.List))
	// A list alone has no parties to screen.
	u.OpenPaths([]string{list})
	settle(t, u)
	if u.project != nil || !strings.Contains(u.status.Text, "shipment files first") {
		t.Fatalf("a list alone: project %v, status %q", u.project, u.status.Text)
	}
	// Opened with the sources, it is a list, not a source.
	u.OpenPaths(append(sampleSources(t), list))
	settle(t, u)
	if u.result == nil || u.result.Screening == nil {
		t.Fatalf("no screening; status %q", u.status.Text)
	}
	if len(u.project.Sources) != len(samples.Sources) || len(u.project.Lists) != 1 {
		t.Errorf("sources %d, lists %v", len(u.project.Sources), u.project.Lists)
	}
	if !strings.Contains(u.sources.lists.Text, "ILLUSTRATIVE") || !strings.Contains(u.sources.lists.Text, "2 entities listed, 2 for review") {
		t.Errorf("Sources screen lists: %q", u.sources.lists.Text)
	}

	// The entity detail shows the hit and why.
	aero := findSummary(t, u, "AEROSNAB", "consignee")
	u.entities.showEntity(aero)
	head := u.entities.hits.box.Objects[0].(*widget.Label).Text
	if head != "Sanctions lists: 1 hit(s)" {
		t.Errorf("hits header %q", head)
	}
	hitButton(t, u, "LISTED", "Confirm")

	// Totals: listed parties only.
	u.tabs.Select(u.tabTotals)
	u.totals.refresh()
	all := u.totals.table.Total.Shipments
	u.totals.listed.SetChecked(true)
	settle(t, u)
	listed := u.totals.table.Total.Shipments
	if listed == 0 || listed >= all {
		t.Errorf("listed parties only: %d of %d shipments", listed, all)
	}
	u.totals.tier.SetSelected("CHPL tier 4.B")
	settle(t, u)
	if n := u.totals.table.Total.Shipments; n == 0 || n >= listed {
		t.Errorf("listed parties, tier 4.B: %d shipments (listed %d)", n, listed)
	}

	// Confirm the review hit on the Ningbo shipper: it becomes listed.
	ningbo := findSummary(t, u, "NINGBO", "shipper")
	if u.result.Screening.Listed(ningbo.ID) {
		t.Fatal("Ningbo is listed before any decision")
	}
	u.entities.showEntity(ningbo)
	test.Tap(hitButton(t, u, "REVIEW", "Confirm"))
	settle(t, u)
	if !u.result.Screening.Listed(ningbo.ID) {
		t.Errorf("after Confirm, Ningbo is not listed; status %q", u.status.Text)
	}
	// One decision per spelling of Ningbo that hit the entry.
	if len(u.project.ScreenDecisions) == 0 {
		t.Error("no decision recorded")
	}
	for _, d := range u.project.ScreenDecisions {
		if d.Op != screen.OpConfirm || d.ListedID != "ILLUSTRATIVE-0005" || !strings.Contains(d.Name, "NINGBO") {
			t.Errorf("decision %+v", d)
		}
	}
}

// The claim form keeps and edits party_listed and goods_list: a claim
// about listed parties edited in the app must not lose its restriction.
func TestClaimFormListFields(t *testing.T) {
	u := newTestUI(t)
	c := claims.Claim{ID: "C1", Text: "Listed firms got chips", Measure: claims.Shipments, Comparator: claims.AtLeast, Figure: 1,
		Filters: claims.Filters{PartyListed: claims.PartyConsignee, GoodsList: "chpl:1"}}
	f := newClaimForm(u.claims, &c)
	got, err := f.claim()
	if err != nil || got.Filters.PartyListed != claims.PartyConsignee || got.Filters.GoodsList != "chpl:1" {
		t.Fatalf("unchanged form: %+v, %v", got.Filters, err)
	}
	f.listed.SetSelectedIndex(3)
	f.goods.SetText("CHPL:3a")
	if got, err = f.claim(); err != nil || got.Filters.PartyListed != claims.PartyEither || got.Filters.GoodsList != "chpl:3.A" {
		t.Errorf("edited form: %+v, %v", got.Filters, err)
	}
	f.goods.SetText("chpl:9")
	if _, err = f.claim(); err == nil || !strings.Contains(err.Error(), "Goods list") {
		t.Errorf("a bad tier: %v", err)
	}
}

// A list of HS codes dropped with a source is a goods list: a claim's
// goods_list names it by its file name.
func TestGoodsListSourceType(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "dualuse.csv")
	if err := os.WriteFile(list, []byte("code,label\n9303,Firearms\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	u.OpenPaths(append(sampleSources(t), list))
	settle(t, u)
	if u.result == nil || len(u.project.GoodsLists) != 1 || len(u.project.Sources) != len(samples.Sources) {
		t.Fatalf("goods lists %v, sources %d; status %q", u.project.GoodsLists, len(u.project.Sources), u.status.Text)
	}
	if !strings.Contains(u.sources.lists.Text, "goods_list dualuse") {
		t.Errorf("Sources screen lists: %q", u.sources.lists.Text)
	}
	v := u.result.WithClaims([]claims.Claim{{ID: "G", Measure: claims.Quantity, Unit: "pcs", Comparator: claims.AtLeast, Figure: 1000,
		Filters: claims.Filters{GoodsList: "dualuse", Consignee: []string{"Tekhkrim"}}}}).CheckClaims()[0]
	if v.Kind != claims.Supported {
		t.Errorf("rifles on the user's list: %s (%s)", v.Kind, v.Reason)
	}
}

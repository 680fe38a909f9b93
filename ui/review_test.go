package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"
)

// reviewSource writes a workbook with two consignee spellings the
// matcher sends to review (a city on one side).
func reviewSource(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"DATE", "DECLARATION", "CONSIGNEE", "SHIPPER", "ORIGIN", "DESTINATION", "HS_CODE", "NET_WEIGHT_KG", "VALUE_USD"},
		{"2022-06-14", "D1", "OOO ROSTEKHMASH", "NORINCO", "CHINA", "RUSSIA", "9303300000", 1200, 50000},
		{"2022-06-15", "D2", "OOO ROSTEKHMASH", "NORINCO", "CHINA", "RUSSIA", "8471300000", 800, 30000},
		{"2022-07-20", "D3", "ROSTEKHMASH MOSCOW LLC", "NORINCO", "CHINA", "RUSSIA", "9303300000", 1000, 40000},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	path := filepath.Join(t.TempDir(), "review.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReviewCardContext checks that the review card shows each side's
// rows, sources, dates and HS chapters once the context is worked out off the UI
// goroutine, and that Open in Shipments narrows the Shipments screen to
// the pair's shipments.
func TestReviewCardContext(t *testing.T) {
	u := newTestUI(t)
	u.OpenPaths([]string{reviewSource(t)})
	settle(t, u)
	r := u.entities.review
	if r.remaining() != 1 {
		t.Fatalf("%d review pairs, want the ROSTEKHMASH pair", r.remaining())
	}
	u.tabs.Select(u.tabEntities)
	u.entities.inner.Select(u.entities.tabReview)
	settle(t, u)
	if r.ctx == nil {
		t.Fatal("no context shown for the pair on screen")
	}
	for _, l := range []string{r.infoA.Text, r.infoB.Text} {
		if !strings.Contains(l, " in ") || !strings.Contains(l, "source") {
			t.Errorf("side text %q: want its rows and sources", l)
		}
	}
	if r.ctx.A.Rows+r.ctx.B.Rows != 3 {
		t.Errorf("rows %d + %d, want 3", r.ctx.A.Rows, r.ctx.B.Rows)
	}
	if !strings.Contains(r.infoA.Text+r.infoB.Text, "2022-07-20") || !strings.Contains(r.infoA.Text+r.infoB.Text, "HS 93") {
		t.Errorf("side texts %q / %q: want dates and HS chapters", r.infoA.Text, r.infoB.Text)
	}
	if r.open.Disabled() {
		t.Fatal("Open in Shipments is disabled")
	}
	test.Tap(r.open)
	settle(t, u)
	if u.tabs.Selected() != u.tabShipments {
		t.Errorf("Open in Shipments did not switch to the Shipments screen")
	}
	if !strings.HasPrefix(u.shipments.onlyNote, "review: ") || len(u.shipments.only) != 3 {
		t.Errorf("shipments narrowed to %d with note %q, want the pair's shipments", len(u.shipments.only), u.shipments.onlyNote)
	}
}

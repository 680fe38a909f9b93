package ui

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
)

// bigResult has n synthetic shipments and nothing else.
func bigResult(n int) *pipeline.Result {
	ships := make([]merge.Shipment, n)
	base := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range ships {
		ships[i] = merge.Shipment{
			ID:            fmt.Sprintf("S%d", i+1),
			Date:          reconcile.Date{Time: base.AddDate(0, 0, i%365), Precision: reconcile.PrecisionDay},
			Consignee:     -1,
			Shipper:       -1,
			ConsigneeName: fmt.Sprintf("FIRM %d LLC", i%5000),
			Origin:        []string{"CN", "TR", "DE"}[i%3],
			Destination:   "RU",
			HSCode:        []string{"62114390", "88073000", "69072100"}[i%3],
			Tonnes:        reconcile.Num(float64(i%1000) / 10),
			USD:           reconcile.Num(float64(i % 77777)),
		}
	}
	return &pipeline.Result{Merge: &merge.Result{Shipments: ships}}
}

func TestShipmentsMillionRowsVirtualised(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a million shipments")
	}
	u := newTestUI(t)
	var created atomic.Int64
	orig := u.shipments.table.CreateCell
	u.shipments.table.CreateCell = func() fyne.CanvasObject { created.Add(1); return orig() }
	const n = 1_000_000
	u.shipments.setResult(bigResult(n))
	settle(t, u)
	u.tabs.Select(u.tabShipments)
	u.win.Canvas().(test.WindowlessCanvas).Resize(fyne.NewSize(1200, 780))
	test.WidgetRenderer(u.shipments.table).Layout(u.shipments.table.Size())
	rows, cols := u.shipments.table.Length()
	if rows != n {
		t.Errorf("table rows: got %d, want %d", rows, n)
	}
	u.shipments.table.ScrollTo(widget.TableCellID{Row: n - 1, Col: 0})
	if created.Load() == 0 {
		t.Fatal("the table never created a cell: it was not rendered")
	}
	if got, limit := created.Load(), int64(200*cols); got > limit {
		t.Errorf("created %d cells for %d rows, want at most %d: the table must not make a widget per row", got, n, limit)
	}
	if !strings.HasPrefix(u.shipments.count.Text, "1000000 of 1000000") {
		t.Errorf("count: got %q", u.shipments.count.Text)
	}
}

func TestShipmentsFilterSortSelect(t *testing.T) {
	u := loadSamples(t)
	s := u.shipments
	all := len(s.ships)

	hs := ""
	for _, sh := range s.ships {
		if len(sh.HSCode) >= 4 && sh.Origin != "" {
			hs = sh.HSCode[:4]
			break
		}
	}
	t.Run("HS prefix", func(t *testing.T) {
		test.Type(s.hs, hs)
		if len(s.view) == 0 || len(s.view) >= all {
			t.Fatalf("HS %s: got %d of %d rows", hs, len(s.view), all)
		}
		for _, i := range s.view {
			if !strings.HasPrefix(s.ships[i].HSCode, hs) {
				t.Errorf("row %s has HS %s", s.ships[i].ID, s.ships[i].HSCode)
			}
		}
	})
	t.Run("dates and countries narrow further", func(t *testing.T) {
		before := len(s.view)
		test.Type(s.from, "2022-06")
		test.Type(s.to, "2022-12")
		test.Type(s.country, "RU")
		if len(s.view) == 0 || len(s.view) > before {
			t.Fatalf("got %d rows, want 1..%d", len(s.view), before)
		}
		for _, i := range s.view {
			sh := s.ships[i]
			if sh.Date.Time.Before(time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)) || sh.Date.Time.After(time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("%s dated %s is outside June–December 2022", sh.ID, sh.Date)
			}
			if sh.Origin != "RU" && sh.Dispatch != "RU" && sh.Destination != "RU" {
				t.Errorf("%s does not touch RU", sh.ID)
			}
		}
	})
	t.Run("clear", func(t *testing.T) {
		s.onClearFilters()
		if len(s.view) != all {
			t.Errorf("after clearing: got %d rows, want %d", len(s.view), all)
		}
	})
	t.Run("sort by tonnes, then reverse", func(t *testing.T) {
		col := -1
		for i, c := range shipColumns {
			if c.title == "Tonnes" {
				col = i
			}
		}
		s.onSort(col)
		first, last := s.ships[s.view[0]].Tonnes, s.ships[s.view[len(s.view)-1]].Tonnes
		if first.Valid && last.Valid && first.Value > last.Value {
			t.Errorf("ascending: first %.3f > last %.3f", first.Value, last.Value)
		}
		s.onSort(col)
		if v := s.ships[s.view[0]].Tonnes; !v.Valid || v.Value < first.Value {
			t.Errorf("descending: first row has %+v", v)
		}
		hdr := s.table.CreateHeader()
		s.updateHeader(widget.TableCellID{Row: -1, Col: col + 1}, hdr)
		if got := hdr.(*widget.Button).Text; got != "Tonnes ▼" {
			t.Errorf("header: got %q, want the descending arrow", got)
		}
	})
	t.Run("selecting a merged shipment shows its source rows", func(t *testing.T) {
		row := -1
		for r, i := range s.view {
			if len(s.ships[i].Rows) > 1 {
				row = r
				break
			}
		}
		if row < 0 {
			t.Fatal("no merged shipment in the samples (the samples are meant to have some)")
		}
		s.table.Select(widget.TableCellID{Row: row, Col: 1})
		sh := s.ships[s.view[row]]
		if got, want := s.sourceRowCount(), len(sh.Rows)+len(sh.Duplicates); got != want {
			t.Fatalf("source rows: got %d, want %d", got, want)
		}
		cell := widget.NewLabel("")
		s.updateSourceCell(widget.TableCellID{Row: 0, Col: 1}, cell)
		rec := u.result.Records[sh.Rows[0]]
		if !strings.Contains(cell.Text, fmt.Sprintf(":%d", rec.Source.Row)) {
			t.Errorf("provenance cell: got %q, want row %d", cell.Text, rec.Source.Row)
		}
		m := widget.NewLabel("")
		s.updateCell(widget.TableCellID{Row: row, Col: 0}, m)
		if !strings.Contains(m.Text, fmt.Sprintf("×%d", len(sh.Rows))) {
			t.Errorf("marker: got %q, want the merged-sources mark", m.Text)
		}
	})
}

func BenchmarkShipmentsRefilterMillion(b *testing.B) {
	test.NewTempApp(b)
	s := newShipmentsScreen(&UI{main: fyneDo})
	res := bigResult(1_000_000)
	s.res, s.ships = res, res.Merge.Shipments
	s.filter = shipFilter{HS: "6211", Text: "firm 12"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, _ := s.filter.compile(res, nil)
		n := 0
		for j := range s.ships {
			if m(&s.ships[j]) {
				n++
			}
		}
		if n == 0 {
			b.Fatal("nothing matched")
		}
	}
}

// TestShipmentsEntityResolvesLikeTotals types the same entity text into
// the Shipments and Totals entity boxes: both resolve it with the claims'
// resolver, so the counted shipments on screen are the ones Totals adds
// up, and the Shipments screen says how the name was resolved.
func TestShipmentsEntityResolvesLikeTotals(t *testing.T) {
	u := loadSamples(t)
	s, tot := u.shipments, u.totals
	u.tabs.Select(u.tabTotals)
	byCons := u.result.Totals(totals.ByConsignee, totals.Filter{})
	if len(byCons.Groups) == 0 {
		t.Fatal("no consignee groups in the samples")
	}
	top := byCons.Groups[0]
	typo := []rune(top.Label)
	typo[3] = 'Q'
	for _, tt := range []struct {
		name, q string
		note    string // in the resolution note under the filters ("" = no note)
	}{
		{"entity ID", top.Key, ""},
		{"lower case name", strings.ToLower(top.Label), ""},
		{"typo", string(typo), "closest name"},
		{"unknown", "Qwxzv Plorg Trading", "matches “Qwxzv Plorg Trading”"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tot.entity.SetText(tt.q)
			settle(t, u)
			test.Type(s.entity, tt.q)
			settle(t, u)
			counted := 0
			for _, i := range s.view {
				if sh := &s.ships[i]; !sh.Excluded && !sh.Superseded {
					counted++
				}
			}
			// The Shipments screen lists rows (goods items too); Totals
			// counts them in Items (Shipments counts consignments).
			if counted != tot.table.Total.Items {
				t.Errorf("%q: Shipments shows %d counted shipment rows, Totals adds up %d", tt.q, counted, tot.table.Total.Items)
			}
			if tt.name != "unknown" && counted == 0 {
				t.Errorf("%q: no shipment shown", tt.q)
			}
			if tt.note != "" && (!s.entityNote.Visible() || !strings.Contains(s.entityNote.Text, tt.note)) {
				t.Errorf("%q: note %q (visible %v), want it to say %q", tt.q, s.entityNote.Text, s.entityNote.Visible(), tt.note)
			}
			s.entity.SetText("")
		})
	}
	tot.entity.SetText("")
}

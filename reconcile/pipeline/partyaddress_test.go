package pipeline

import (
	"context"
	"strings"
	"testing"

	"tradecheck/reconcile/totals"
)

// A declaration register names the firms plainly; a B/L feed writes each
// firm's address in its name cell, on the next line, after a comma or
// after the legal form. Each B/L row is the declaration's shipment: the
// names must meet (one entity per firm) so the rows merge, and the
// entities' reasons keep the address. Before, every address made a firm
// of its own and every row a shipment of its own (counted twice).
func TestPartyCellWithAddressMerges(t *testing.T) {
	dir := t.TempDir()
	ru := writeFile(t, dir, "ru.csv", "Номер декларации;Дата;Получатель;Отправитель;ТН ВЭД;Вес нетто, кг;Вес брутто, кг;Стат. стоимость, USD\n"+
		"10702070/141122/0001074;14.11.2022;ООО «Воронков»;NINGBO BRIGHTLEAF TOOLS CO., LTD.;8525890000;850;940;312500\n")
	for _, tt := range []struct{ name, cons, ship string }{
		{"next line", "\"VORONKOV LLC\n125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA\"", "\"NINGBO BRIGHTLEAF TOOLS CO LTD\nNO.8 KEJI RD BEILUN NINGBO CHINA\""},
		{"comma", "\"VORONKOV LLC, 125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA\"", "\"NINGBO BRIGHTLEAF TOOLS CO LTD, NO.8 KEJI RD, BEILUN, NINGBO, CHINA\""},
		{"same line, consignee only", "\"VORONKOV LLC 125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA\"", "NINGBO BRIGHTLEAF TOOLS CO LTD"},
		{"Cyrillic address", "\"ООО «Воронков», 125047, г. Москва, ул. Тверская, д. 1\"", "NINGBO BRIGHTLEAF TOOLS CO LTD TEL: +86 574 1234567"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bl := writeFile(t, t.TempDir(), "bl.csv", "Bill of Lading,Arrival Date,Consignee,Shipper,HS Code,Gross Weight (KG)\n"+
				"COSU6312340014,2022-11-10,"+tt.cons+","+tt.ship+",852589,940\n")
			res, err := Run(context.Background(), NewProject(ru, bl), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Totals(totals.ByNone, totals.Filter{}).Total.Shipments; got != 1 {
				for _, e := range res.Names.Entities {
					t.Logf("entity %s %q", e.ID, e.Canonical)
				}
				t.Fatalf("%d shipments, want 1", got)
			}
			if n := len(res.Names.Entities); n != 2 {
				t.Errorf("%d entities, want 2 (one consignee, one shipper)", n)
			}
			var reasons []string
			for _, e := range res.Names.Entities {
				reasons = append(reasons, e.Reasons...)
			}
			if all := strings.Join(reasons, " | "); !strings.Contains(all, "address split off") || !strings.Contains(all, "125047") {
				t.Errorf("entity reasons %q do not keep the address", all)
			}
		})
	}
}

package pipeline

import (
	"context"
	"strings"
	"testing"

	"tradecheck/reconcile/totals"
)

// One shipment in a Russian declaration register (the shipper in
// Cyrillic), a B/L feed (in Latin, a bare "Weight" column, which a B/L
// feed declares gross) and a Chinese export register (the exporter in
// Chinese): the name matcher only puts the names in Review, and the
// merge's names-in-review rule makes them one shipment; two declarations
// of one day and weight that both fit the B/L row stay apart and go to
// Possible duplicates.
func TestNamesInReviewPipeline(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string { return writeFile(t, dir, name, body) }
	ru := write("ru.csv", "Номер декларации;Дата;Получатель;Отправитель;ТН ВЭД;Вес нетто, кг;Вес брутто, кг;Стат. стоимость, USD\n"+
		"10009100/120123/0001592;12.01.2023;ООО «Техкрим»;СКАЙЛАЙН ДРОНС ФЗКО;8807300000;420,0;455,0;88000\n"+
		"10702070/100322/0001223;10.03.2022;ООО «Техкрим»;CHINA NORTH INDUSTRIES CORP.;9303301000;1600,0;1850,0;480000\n")
	bl := write("bl.csv", "Bill of Lading Number,Arrival Date,Consignee,Shipper,HS Code,Weight,Weight Unit\n"+
		"MEDU813128006,2023-01-08,OOO TEKHKRIM,SKYLINE DRONES FZ-CO,880730,455,KG\n")
	cn := write("cn.csv", "China Customs exports, 2022\nExport Date,Export Declaration No,Exporter,Consignee,HS Code,Net Weight (kg),FOB Value (USD)\n"+
		"2022-02-18,53002022201071364,中国北方工业有限公司,TEKHKRIM LLC,9303301000,1600,452000\n")
	t.Run("one shipment in three scripts", func(t *testing.T) {
		res, err := Run(context.Background(), NewProject(ru, bl, cn), nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Totals(totals.ByNone, totals.Filter{}).Total.Shipments; got != 2 {
			for _, sh := range res.Merge.Shipments {
				t.Logf("%s %s %s %q", sh.ID, sh.ConsigneeName, sh.ShipperName, sh.Reasons)
			}
			for _, p := range res.Names.Review {
				t.Logf("review %s / %s", res.Names.Mentions[p.A].Name, res.Names.Mentions[p.B].Name)
			}
			for _, p := range res.Dupes.Pairs {
				t.Logf("dupe %q", p.NotMerged)
			}
			t.Fatalf("%d shipments, want 2", got)
		}
		var reasons []string
		for _, sh := range res.Merge.Shipments {
			reasons = append(reasons, strings.Join(sh.Reasons, "; "))
		}
		all := strings.Join(reasons, " | ")
		for _, want := range []string{"shipper names СКАЙЛАЙН ДРОНС ФЗКО / SKYLINE DRONES FZ-CO are different entities that the name matcher relates",
			"gross weight 455 vs 455 kg", "export declaration 53002022201071364", "shipper names 中国北方工业有限公司 / CHINA NORTH INDUSTRIES CORP."} {
			if !strings.Contains(all, want) {
				t.Errorf("reasons %q lack %q", all, want)
			}
		}
		if len(res.Names.Review) == 0 {
			t.Errorf("the names left Review: the matcher's decision must not change")
		}
	})
	t.Run("two declarations fit one B/L row", func(t *testing.T) {
		ru2 := write("ru2.csv", "Номер декларации;Дата;Получатель;Отправитель;ТН ВЭД;Вес нетто, кг;Вес брутто, кг;Стат. стоимость, USD\n"+
			"10009100/120123/0001592;12.01.2023;ООО «Техкрим»;СКАЙЛАЙН ДРОНС ФЗКО;8807300000;420,0;455,0;88000\n"+
			"10009100/120123/0001593;12.01.2023;ООО «Техкрим»;СКАЙЛАЙН ДРОНС ФЗКО;8807300000;420,0;455,0;88000\n")
		res, err := Run(context.Background(), NewProject(ru2, bl), nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Totals(totals.ByNone, totals.Filter{}).Total.Shipments; got != 3 {
			t.Fatalf("%d shipments, want 3 (nothing merged)", got)
		}
		found := 0
		for _, p := range res.Dupes.Pairs {
			if strings.Contains(strings.Join(p.NotMerged, "; "), "each row is the other's only candidate in its source") {
				found++
			}
		}
		if found != 2 {
			t.Errorf("%d Possible duplicates name the ambiguity, want 2 (B/L row and each declaration): %+v", found, res.Dupes.Pairs)
		}
	})
}

package pipeline

import (
	"context"
	"math"
	"testing"

	"tradecheck/reconcile/totals"
)

// A B/L feed with one row per container, each repeating the B/L's value
// and weight, and the import declaration of the shipment in CNY: with a
// CNY rate the declaration's value tells that the containers' value is
// the B/L's (one shipment); without one nothing tells, and the rows stay
// apart. Before the container rule the three containers were three
// shipments either way.
func TestContainerFeedWithDeclaration(t *testing.T) {
	dir := t.TempDir()
	decl := writeFile(t, dir, "decl.csv", "Date;Declaration No;Consignee;Shipper;HS Code;Net Weight (kg);Gross Weight (kg);Invoice Value;Currency\n"+
		"05.12.2022;10702070/051222/0001111;SHCHIT-ZASHCHITA JSC;NINGBO SAFEGUARD ARMOR CO LTD;6307909800;9600;10380;3111724,14;CNY\n")
	feed := writeFile(t, dir, "feed.csv", "Bill of Lading,Arrival Date,Consignee,Shipper,HS Code,Container,Gross Weight (KG),Value USD\n"+
		"COSU6312340021,2022-11-30,SHCHIT-ZASHCHITA JSC,NINGBO SAFEGUARD ARMOR CO LTD,630790,TGHU3054522,3460,451200\n"+
		"COSU6312340021,2022-11-30,SHCHIT-ZASHCHITA JSC,NINGBO SAFEGUARD ARMOR CO LTD,630790,TGHU3054651,3460,451200\n"+
		"COSU6312340021,2022-11-30,SHCHIT-ZASHCHITA JSC,NINGBO SAFEGUARD ARMOR CO LTD,630790,TGHU3054780,3460,451200\n")
	for _, tc := range []struct {
		name      string
		rates     []totals.Rate
		rows      int // shipment rows (Items)
		shipments int // consignments: the B/L's container rows count once
		tonnes    float64
	}{
		{"with a CNY rate: one shipment", []totals.Rate{{Currency: "CNY", ToUSD: 0.145}}, 1, 1, 9.6},
		{"without: the containers stay apart", nil, 4, 2, 9.6 + 3*3.46},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := NewProject(decl, feed)
			p.Rates = tc.rates
			res, err := Run(context.Background(), p, nil)
			if err != nil {
				t.Fatal(err)
			}
			tot := res.Totals(totals.ByNone, totals.Filter{}).Total
			if tot.Items != tc.rows || tot.Shipments != tc.shipments || math.Abs(tot.Tonnes-tc.tonnes) > 1e-9 {
				t.Errorf("%d rows, %d shipments, %.3f t; want %d, %d, %.3f", tot.Items, tot.Shipments, tot.Tonnes, tc.rows, tc.shipments, tc.tonnes)
			}
			for i := range res.Records {
				if res.Merge.ShipmentOf[i] < 0 {
					t.Errorf("row %d has no shipment", i)
				}
			}
		})
	}
}

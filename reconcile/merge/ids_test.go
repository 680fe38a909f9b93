package merge

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestIdentifierKinds: equal identifiers of one kind merge, different
// ones of one kind never do, different kinds neither prove nor block.
func TestIdentifierKinds(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		rows []row
		want string
	}{
		{"same B/L in two feeds, written differently", []row{
			{src: 0, cons: 1, bl: "MAEU123456789", date: "2022-06-10", hs: "930320", gross: 1000},
			{src: 1, cons: 3, bl: "maeu 123456789", date: "2022-06-20", hs: "930320", gross: 1500},
		}, "0+1"},
		{"same B/L, another HS-6 is another item", []row{
			{src: 0, cons: 1, bl: "MAEU123456789", date: "2022-06-10", hs: "930320", gross: 1000},
			{src: 1, cons: 1, bl: "MAEU123456789", date: "2022-06-10", hs: "930330", gross: 1000},
		}, "0 1"},
		{"same B/L, a 5-digit HS that is not the other's start is another item", []row{
			{src: 0, cons: 1, bl: "MAEU123456789", date: "2022-06-10", hs: "80510", gross: 1000},
			{src: 1, cons: 1, bl: "MAEU123456789", date: "2022-06-10", hs: "880622", gross: 1000},
		}, "0 1"},
		{"two B/Ls of one carrier never merge", []row{
			{src: 0, cons: 1, ship: 2, bl: "MAEU123456789", date: "2022-06-10", hs: "930320", gross: 1000},
			{src: 1, cons: 1, ship: 2, bl: "MAEU987654321", date: "2022-06-10", hs: "930320", gross: 1000},
		}, "0 1"},
		{"master and house B/L (other issuers) neither prove nor block", []row{
			{src: 0, cons: 1, ship: 2, bl: "MAEU123456789", date: "2022-06-10", hs: "930320", gross: 1000},
			{src: 1, cons: 1, ship: 2, bl: "FWDX22061001", date: "2022-06-10", hs: "930320", gross: 1000},
		}, "0+1"},
		{"B/L row and declaration row: kinds differ, the fuzzy rule decides", []row{
			{src: 0, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 950, gross: 1000},
			{src: 1, cons: 1, ship: 2, bl: "MAEU123456789", date: "2022-06-12", hs: "930320", gross: 1000},
		}, "0+1"},
		{"different containers never merge", []row{
			{src: 0, cons: 1, ship: 2, cont: "CSQU3054383", date: "2022-06-10", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, cont: "MSKU9070323", date: "2022-06-10", hs: "930320", net: 1000},
		}, "0 1"},
		{"a declaration without item pairs with the item of closest weight", []row{
			{src: 0, cons: 1, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 100},
			{src: 0, cons: 1, decl: "D1", item: "2", date: "2022-06-14", hs: "930320", net: 500},
			{src: 1, cons: 1, decl: "D1", date: "2022-06-14", hs: "930320", net: 499},
		}, "0 1+2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Reconcile(context.Background(), input(tc.rows), DefaultOptions(), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := groups(res); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestWeightsAndDatesByKind: weights compare by basis, gross-only with
// net-only inside the packaging band; B/L dates may precede declarations.
func TestWeightsAndDatesByKind(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		rows []row
		want string
	}{
		{"gross-only vs net-only inside the band", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", gross: 1040},
		}, "0+1"},
		{"gross-only vs net-only: gross below net", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", gross: 990},
		}, "0 1"},
		{"gross-only vs net-only: beyond the band", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", gross: 1200},
		}, "0 1"},
		{"net and gross on both sides: both must agree", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000, gross: 1050},
			{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000, gross: 1200},
		}, "0 1"},
		{"gross vs gross when one side has both", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 800, gross: 1050},
			{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", gross: 1050},
		}, "0+1"},
		{"tonnes with 3 decimals vs kg: within the written precision", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", gross: 3.4712},
			{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", gross: 3.471},
		}, "0+1"},
		{"B/L date 5 days before the declaration", []row{
			{src: 0, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", gross: 1000},
			{src: 1, cons: 1, ship: 2, bl: "MAEU123456789", date: "2022-06-09", hs: "930320", gross: 1000},
		}, "0+1"},
		{"B/L date 4 days after the declaration", []row{
			{src: 0, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", gross: 1000},
			{src: 1, cons: 1, ship: 2, bl: "MAEU123456789", date: "2022-06-18", hs: "930320", gross: 1000},
		}, "0 1"},
		{"two rows without B/L: symmetric window", []row{
			{src: 0, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", gross: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-09", hs: "930320", gross: 1000},
		}, "0 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Reconcile(context.Background(), input(tc.rows), DefaultOptions(), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := groups(res); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			for _, sh := range res.Shipments {
				if len(sh.Rows) > 1 && strings.Contains(tc.name, "band") && !strings.Contains(strings.Join(sh.Reasons, " "), "packaging band") {
					t.Errorf("reason does not name the packaging band: %q", sh.Reasons)
				}
			}
		})
	}
}

// TestOrderIndependent: the same rows in another source order give the
// same shipments (by provenance) and the same IDs.
func TestOrderIndependent(t *testing.T) {
	t.Parallel()
	rows := []row{
		{src: 0, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000, usd: 5000},
		{src: 1, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000.5, usd: 5001},
		{src: 2, cons: 1, ship: 2, date: "2022-06-13", hs: "930320", net: 1001},
		{src: 2, cons: 1, ship: 2, date: "2022-06-15", hs: "930320", net: 999},
		{src: 1, cons: 1, ship: 2, bl: "MAEU1", date: "2022-06-12", hs: "930320", gross: 1020},
	}
	sig := func(in Input, res *Result) string {
		var out []string
		for _, sh := range res.Shipments {
			var rs []string
			for _, x := range sh.Rows {
				rs = append(rs, in.Records[x].Source.String())
			}
			u := sh.NetKg(in.Records)
			out = append(out, sh.ID+"="+strings.Join(rs, "+")+"@"+fmtNum(u.Value))
		}
		return strings.Join(out, " ")
	}
	in := input(rows)
	res, err := Reconcile(context.Background(), in, DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := sig(in, res)
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 20; k++ {
		perm := rng.Perm(len(rows))
		var in2 Input
		in2.Sources = in.Sources
		for _, p := range perm {
			in2.Records = append(in2.Records, in.Records[p])
			in2.SourceOf = append(in2.SourceOf, in.SourceOf[p])
			in2.Consignee = append(in2.Consignee, in.Consignee[p])
			in2.Shipper = append(in2.Shipper, in.Shipper[p])
		}
		// Rows of one source stay in row order (files are read top down).
		res2, err := Reconcile(context.Background(), sortBySource(in2), DefaultOptions(), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := sig(in2, res2); got != want {
			t.Fatalf("order %v:\n got %s\nwant %s", perm, got, want)
		}
	}
}

// sortBySource keeps each source's rows in row order, as the reader gives
// them, while sources interleave in any order.
func sortBySource(in Input) Input {
	for i := 1; i < len(in.Records); i++ {
		for j := i; j > 0; j-- {
			a, b := j-1, j
			if in.SourceOf[a] != in.SourceOf[b] || in.Records[a].Source.Row < in.Records[b].Source.Row {
				break
			}
			in.Records[a], in.Records[b] = in.Records[b], in.Records[a]
			in.SourceOf[a], in.SourceOf[b] = in.SourceOf[b], in.SourceOf[a]
			in.Consignee[a], in.Consignee[b] = in.Consignee[b], in.Consignee[a]
			in.Shipper[a], in.Shipper[b] = in.Shipper[b], in.Shipper[a]
		}
	}
	return in
}

func TestShipmentIDStable(t *testing.T) {
	t.Parallel()
	a := ShipmentID(false, "abc!Data", 12, 0)
	if a != ShipmentID(false, "abc!Data", 12, 0) || !strings.HasPrefix(a, "S-") || len(a) != 10 {
		t.Fatalf("ShipmentID = %q: want S- and 8 hex digits, the same every time", a)
	}
	if a == ShipmentID(false, "abc!Data", 13, 0) || a == ShipmentID(false, "abc!Data", 12, 1) {
		t.Error("other rows or attempts give the same ID")
	}
	if m := ShipmentID(true, "abc!Data", 12, 0); !strings.HasPrefix(m, "M-") {
		t.Errorf("monthly ID %q", m)
	}
}

func TestDiscrepancySeverity(t *testing.T) {
	t.Parallel()
	rows := []row{
		{src: 0, cons: 1, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000, usd: 100},
		{src: 1, cons: 1, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000.5, usd: 100},
		{src: 0, cons: 1, decl: "D2", item: "1", date: "2022-06-14", hs: "930320", net: 1000, usd: 100},
		{src: 1, cons: 1, decl: "D2", item: "1", date: "2022-06-14", hs: "930320", net: 1100, usd: 100},
		{src: 0, cons: 1, decl: "D3", item: "1", date: "2022-06-14", hs: "930320", net: 3471.4, usd: 100},
		{src: 1, cons: 1, decl: "D3", item: "1", date: "2022-06-14", hs: "930320", net: 3471.42, usd: 100},
	}
	res, err := Reconcile(context.Background(), input(rows), DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range res.Discrepancies {
		if d.Field == "net_weight" {
			got[d.Values[0].Value+" vs "+d.Values[1].Value] = d.Severity
		}
	}
	want := map[string]string{"1000 kg vs 1000.5 kg": SeverityMinor, "1000 kg vs 1100 kg": SeverityMaterial}
	if len(got) != len(want) {
		t.Errorf("net weight discrepancies %v, want %v (3471.4 vs 3471.42 is within the precision source a wrote with)", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: severity %q, want %q", k, got[k], v)
		}
	}
}

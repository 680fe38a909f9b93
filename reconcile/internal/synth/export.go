package synth

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// GenerateExportImport draws a set where the importing country's
// declaration register holds every true shipment and one or two
// exporting countries' registers hold the same goods seen from the other
// side, as a new user's corpus had them: the exporter declaring, the
// consignee abroad, the export dated 3–45 days before the import, FOB
// values below the import's CIF, 8-digit national HS codes, both weights.
// A bill-of-lading feed may cover part of the imports too.
//
// The import register covers every shipment, so the truth's value is the
// import side's (CIF): an export row correctly paired never adds to it,
// and one left unpaired adds its FOB value and a shipment.
func GenerateExportImport(seed uint64) *Set {
	rng := rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
	s := &Set{Seed: seed}
	s.Shipments = truth(rng, 30+rng.IntN(30))
	s.Sources = append(s.Sources, newSource(rng, 0, KindDeclarations))
	if rng.IntN(2) == 0 {
		s.Sources = append(s.Sources, newSource(rng, 1, KindBL))
	}
	countries := []string{"CN", "TR"}
	if rng.IntN(3) == 0 {
		countries = countries[:1]
	}
	for _, cc := range countries {
		s.Sources = append(s.Sources, newExportSource(rng, len(s.Sources), cc))
	}
	for si := range s.Sources {
		src := &s.Sources[si]
		p := 0.5 + 0.4*rng.Float64()
		for i, sh := range s.Shipments {
			switch {
			case src.Kind == KindDeclarations:
				src.Covers = append(src.Covers, i)
			case src.Kind == KindExport && sh.Origin == src.Country && rng.Float64() < 0.9:
				src.Covers = append(src.Covers, i)
			case src.Kind == KindBL && rng.Float64() < p:
				src.Covers = append(src.Covers, i)
			}
		}
		sort.Ints(src.Covers)
		src.Order = rng.Perm(len(src.Covers))
		src.DateShift = make([]int, len(src.Covers))
		for k := range src.DateShift {
			switch src.Kind {
			case KindBL:
				src.DateShift[k] = -1 - rng.IntN(3)
			case KindExport:
				src.DateShift[k] = -3 - rng.IntN(43)
			}
		}
	}
	return s
}

// newExportSource is an export register of country cc.
func newExportSource(rng *rand.Rand, i int, cc string) Source {
	s := Source{Index: i, Kind: KindExport, Format: pick(rng, "xlsx", "csv"), Lang: "en", Unit: "kg", Decimals: 1, HSDigits: 8,
		Delim: ',', Country: cc, Weights: WeightsBoth, rng: rand.New(rand.NewPCG(rng.Uint64(), uint64(i)))}
	name := map[string]string{"CN": "China", "TR": "Turkey"}[cc]
	s.States = pick(rng, "banner", "banner", "column", "sheet")
	if s.States == "sheet" && s.Format == "csv" {
		s.States = "banner"
	}
	switch s.States {
	case "banner":
		s.Banner = 2
		s.BannerText = []string{pick(rng, name+" Customs exports, 2022", "Exports of "+name+" to Russia, 2022"), "ILLUSTRATIVE SYNTHETIC DATA — NOT REAL RECORDS"}
	case "sheet":
		s.Sheet = "Exports"
	}
	s.DateFormat = pick(rng, "", "2006-01-02", "02.01.2006")
	if s.Format == "csv" && s.DateFormat == "" {
		s.DateFormat = "2006-01-02"
	}
	s.cols = s.exportColumns(rng)
	return s
}

// exportColumns are an export register's columns: the exporter is the
// declarant (shipper), the consignee abroad, values FOB.
func (s *Source) exportColumns(rng *rand.Rand) []column {
	var cols []column
	add := func(header string, cell func(s *Source, sh *Shipment, row int) any) {
		cols = append(cols, column{header: header, cell: cell})
	}
	add(pick(rng, "Export Date", "Declaration Date"), (*Source).dateCell)
	add(pick(rng, "Export Declaration No", "Declaration Number"), func(s *Source, sh *Shipment, _ int) any {
		// The exporting customs' own numbering, one number per true
		// declaration: the import number's sequence in another form.
		seq := sh.Declaration[strings.LastIndex(sh.Declaration, "/")+1:]
		if s.Country == "TR" {
			return "22341300EX" + seq[1:]
		}
		return "22012022" + "000" + seq
	})
	add(pick(rng, "Exporter", "Shipper"), (*Source).shipperCell)
	add(pick(rng, "Consignee", "Buyer", "Importer"), func(s *Source, sh *Shipment, _ int) any {
		f := Firms[sh.Consignee]
		return pick(s.rng, f.Latin+" LLC", "OOO "+f.Latin, f.Latin+" LIMITED LIABILITY COMPANY")
	})
	add("HS Code", func(_ *Source, sh *Shipment, _ int) any { return sh.HS[:6] + "00" })
	add("Goods Description", func(_ *Source, sh *Shipment, _ int) any { return strings.ToUpper(sh.Description) })
	add("Destination Country", func(*Source, *Shipment, int) any { return "RU" })
	cols = append(cols,
		column{header: "Net Weight (kg)", cell: func(s *Source, sh *Shipment, _ int) any { return s.weight(sh.NetKg) }, sum: func(sh *Shipment) float64 { return sh.NetKg }},
		column{header: "Gross Weight (kg)", cell: func(s *Source, sh *Shipment, _ int) any { return s.weight(sh.GrossKg) }, sum: func(sh *Shipment) float64 { return sh.GrossKg }},
		column{header: "FOB Value (USD)", cell: func(s *Source, sh *Shipment, _ int) any { return s.money(FOB(sh)) }})
	if s.States == "column" {
		add("Flow", func(*Source, *Shipment, int) any { return "Export" })
	}
	rng.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
	return cols
}

// FOB is the value an export declaration states: the import's CIF less
// freight and insurance (8 %).
func FOB(sh *Shipment) float64 { return math.Round(sh.ValueUSD*0.92*100) / 100 }

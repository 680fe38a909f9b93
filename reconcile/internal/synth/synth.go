// Package synth generates random sets of customs exports whose true
// content is known, for property tests of the whole pipeline: a set of
// canonical shipments is rendered into 2–4 sources, each with its own
// layout and traits (identifier kinds, weight basis and unit, date offset,
// HS digits, name spellings, item numbers, total rows), so that a test can
// assert that reconciling the files gives back exactly the truth, in any
// file order.
//
// The generator is deliberately not the sample generator (samples/gen):
// the samples tell one story in three fixed layouts, while this draws
// layouts and traits at random from a seed, so that the tests meet
// combinations nobody wrote by hand.
//
// Truths are kept unambiguous on purpose: two shipments of one consignee
// and one HS-6 heading are at least MinGapDays apart, so a correct
// reconciliation has exactly one right answer.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
)

// MinGapDays separates two true shipments of one consignee and HS-6
// heading, so that no fuzzy rule could mistake one for the other.
const MinGapDays = 21

// Shipment is one true shipment (one declaration item).
type Shipment struct {
	Consignee   int // index into Firms
	Shipper     int // index into Shippers
	Date        time.Time
	Declaration string // customs declaration number
	Item        int    // item number within the declaration (1-based)
	BL          string // bill of lading
	HS          string // 10 digits
	Description string
	NetKg       float64 // one decimal
	GrossKg     float64
	ValueUSD    float64 // cents
	Origin      string  // ISO alpha-2
}

// Firm is a consignee with its spellings.
type Firm struct {
	Latin    string // core name as a Latin transliteration
	Cyrillic string
	INN      string
}

// Shipper is a foreign shipper with its core name.
type Shipper struct{ Name string }

// Firms and Shippers are the pools the generator draws from: names far
// enough apart that no matcher should ever merge two of them.
var (
	Firms = []Firm{
		{"TEKHKRIM", "ТЕХКРИМ", "7701234560"},
		{"VOLGATRANS", "ВОЛГАТРАНС", "6312034567"},
		{"BALTPRIBOR", "БАЛТПРИБОР", "7802345671"},
		{"URALMASHSNAB", "УРАЛМАШСНАБ", "6658123458"},
		{"KAMATEKH", "КАМАТЕХ", "1650234569"},
		{"METALLINVEST", "МЕТАЛЛИНВЕСТ", "7725123457"},
		{"AGROPROM", "АГРОПРОМ", "2310123456"},
		{"ORION ELEKTRO", "ОРИОН ЭЛЕКТРО", "5401234568"},
	}
	Shippers = []Shipper{
		{"NORTH INDUSTRIES"}, {"SHENZHEN BRIGHTSTAR ELECTRONICS"}, {"ANKARA MAKINA SANAYI"},
		{"DUBAI GULF STAR TRADING"}, {"QINGDAO OCEAN FISHERY"}, {"NINGBO HUAXIN BEARING"},
	}
	goods = []struct{ hs, desc string }{
		{"9302000000", "Rifles"},
		{"6307909800", "Body armour vests"},
		{"8806229000", "Drone parts"},
		{"0303540000", "Frozen mackerel"},
		{"8482100009", "Ball bearings"},
		{"8542310000", "Integrated circuits"},
		{"0805102200", "Oranges"},
		{"7208510000", "Flat-rolled steel"},
		{"8471300000", "Laptops"},
		{"3004900009", "Medicaments"},
	}
	origins = []string{"CN", "TR", "AE", "CN", "CN", "IN"}
)

// Set is one generated case: the truth and the sources rendering it.
type Set struct {
	Seed      uint64
	Shipments []Shipment
	Sources   []Source
}

// Generate draws a truth and 2–4 sources from seed. The files are not
// written yet: call WriteAll.
func Generate(seed uint64) *Set {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	s := &Set{Seed: seed}
	s.Shipments = truth(rng, 25+rng.IntN(35))
	nsrc := 2 + rng.IntN(3)
	kinds := []Kind{KindDeclarations, KindBL, KindAggregator, KindBare}
	rng.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	// The first source is a declaration register in most sets, as in real
	// work; any kind may repeat beyond the first two.
	if rng.IntN(4) > 0 {
		kinds[0] = KindDeclarations
		if kinds[1] == KindDeclarations {
			kinds[1] = KindBL
		}
	}
	for i := 0; i < nsrc; i++ {
		k := kinds[i%len(kinds)]
		if i >= len(kinds) {
			k = kinds[rng.IntN(len(kinds))]
		}
		s.Sources = append(s.Sources, newSource(rng, i, k))
	}
	// Coverage: every shipment appears in at least one source; each source
	// covers a random share of the shipments.
	for si := range s.Sources {
		p := 0.45 + 0.5*rng.Float64()
		for i := range s.Shipments {
			if rng.Float64() < p {
				s.Sources[si].Covers = append(s.Sources[si].Covers, i)
			}
		}
	}
	for i := range s.Shipments {
		if !s.covered(i) {
			si := rng.IntN(len(s.Sources))
			s.Sources[si].Covers = append(s.Sources[si].Covers, i)
		}
	}
	for si := range s.Sources {
		sort.Ints(s.Sources[si].Covers)
		src := &s.Sources[si]
		src.Order = rng.Perm(len(src.Covers))
		src.DateShift = make([]int, len(src.Covers))
		if src.Kind == KindBL {
			for k := range src.DateShift {
				src.DateShift[k] = -1 - rng.IntN(3)
			}
		}
	}
	return s
}

func (s *Set) covered(i int) bool {
	for _, src := range s.Sources {
		for _, c := range src.Covers {
			if c == i {
				return true
			}
		}
	}
	return false
}

// truth draws n shipments, some as items of one declaration, keeping two
// shipments of one consignee and HS-6 at least MinGapDays apart.
func truth(rng *rand.Rand, n int) []Shipment {
	start := time.Date(2022, 1, 10, 0, 0, 0, 0, time.UTC)
	var out []Shipment
	declNo := 0
	for tries := 0; len(out) < n && tries < n*200; tries++ {
		items := 1
		if rng.IntN(5) == 0 {
			items = 2 + rng.IntN(2)
		}
		c := rng.IntN(len(Firms))
		sh := rng.IntN(len(Shippers))
		date := start.AddDate(0, 0, rng.IntN(340))
		// Items of one declaration have distinct HS-6 headings.
		gi := rng.Perm(len(goods))[:items]
		ok := true
		for _, g := range gi {
			for _, o := range out {
				if o.Consignee == c && o.HS[:6] == goods[g].hs[:6] && absDays(o.Date, date) < MinGapDays {
					ok = false
				}
			}
		}
		if !ok {
			continue
		}
		declNo++
		post := fmt.Sprintf("%08d", 10702010+rng.IntN(80)*10)
		decl := fmt.Sprintf("%s/%s/%07d", post, date.Format("020106"), 1000+declNo*37%9000+declNo)
		bl := fmt.Sprintf("%s%09d", []string{"MAEU", "COSU", "MSCU", "HLCU"}[rng.IntN(4)], 100000000+rng.IntN(899999999))
		for k, g := range gi {
			net := math.Round((200+rng.Float64()*24000)*10) / 10
			gross := math.Round(net*(1.01+0.05*rng.Float64())*10) / 10
			out = append(out, Shipment{
				Consignee: c, Shipper: sh, Date: date,
				Declaration: decl, Item: k + 1, BL: bl,
				HS: goods[g].hs, Description: goods[g].desc,
				NetKg: net, GrossKg: gross,
				ValueUSD: math.Round((1000+rng.Float64()*400000)*100) / 100,
				Origin:   origins[sh],
			})
		}
	}
	return out
}

func absDays(a, b time.Time) int {
	d := a.Sub(b).Hours() / 24
	if d < 0 {
		d = -d
	}
	return int(d)
}

// Totals are what a correct reconciliation of the whole set gives.
type Totals struct {
	// Shipments counts consignments (the goods items of one declaration
	// once); ByConsignee too.
	Shipments int
	// Tonnes uses net weight, gross where no source gives a net weight
	// (the pipeline's default basis). TonnesSlack is how far a correct
	// total may differ through the precision the sources wrote weights
	// with (tonnes with 3 decimals, pounds).
	Tonnes      float64
	TonnesSlack float64
	ValueUSD    float64
	ByConsignee map[string]int // Firm.Latin → shipments
}

// Truth computes the totals a correct reconciliation must give.
func (s *Set) Truth() Totals {
	t := Totals{ByConsignee: map[string]int{}}
	seen := map[string]bool{}
	for i, sh := range s.Shipments {
		// A shipment count counts consignments: the goods items of one
		// declaration once, as far as the sources covering them tell
		// (merge.Shipment.Consignment).
		if k := s.consignment(i); k == "" || !seen[k] {
			seen[k] = k != ""
			t.Shipments++
			t.ByConsignee[Firms[sh.Consignee].Latin]++
		}
		net, usd := false, false
		slack := 0.0
		for _, src := range s.Sources {
			if !src.covers(i) {
				continue
			}
			net = net || src.Weights != WeightsGross
			usd = usd || src.Value
			slack = math.Max(slack, src.weightSlack())
		}
		w := sh.GrossKg
		if net {
			w = sh.NetKg
		}
		t.Tonnes += w / 1000
		t.TonnesSlack += slack / 1000
		if usd {
			t.ValueUSD += sh.ValueUSD
		}
	}
	return t
}

// consignment is the key under which the reconciled data can tell that
// shipment i is a goods item of a declaration it shares with others: the
// import declaration number when a declaration register covers it (the
// preferred row), else the export declaration's, else the bill of
// lading; "" when no source covering it gives one.
func (s *Set) consignment(i int) string {
	kind := ""
	for _, src := range s.Sources {
		if !src.covers(i) {
			continue
		}
		switch src.Kind {
		case KindDeclarations, KindAggregator:
			kind = "D"
		case KindExport:
			if kind != "D" {
				kind = "X"
			}
		case KindBL:
			if kind == "" {
				kind = "B"
			}
		}
	}
	sh := &s.Shipments[i]
	switch kind {
	case "D", "X":
		return kind + sh.Declaration
	case "B":
		return kind + sh.BL
	}
	return ""
}

// Describe lists the sources and their traits, for failure messages.
func (s *Set) Describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "seed %d: %d true shipments\n", s.Seed, len(s.Shipments))
	for _, src := range s.Sources {
		fmt.Fprintf(&b, "  %s: %s, %d rows\n", src.FileName(), src.Traits(), len(src.Covers))
	}
	return b.String()
}

// WriteAll writes every source into dir and returns their paths, in the
// sources' order.
func (s *Set) WriteAll(dir string) ([]string, error) {
	var out []string
	for i := range s.Sources {
		p, err := s.Sources[i].Write(dir, s.Shipments)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

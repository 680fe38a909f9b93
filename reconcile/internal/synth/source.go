package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Kind is what sort of feed a source imitates.
type Kind string

// Source kinds.
const (
	KindDeclarations Kind = "declarations"   // a national declaration register: declaration + item numbers
	KindBL           Kind = "bill-of-lading" // a B/L feed: B/L numbers, dates before registration, often gross only
	KindAggregator   Kind = "aggregator"     // a vendor export with declaration numbers
	KindBare         Kind = "no-ids"         // a hand-made table without any identifier
	// KindExport is the exporting country's register of export
	// declarations for the same goods: exporter and foreign consignee,
	// the export date days to weeks before arrival, FOB values, 8-digit
	// national HS codes (see GenerateExportImport).
	KindExport Kind = "export"
)

// Weights says which weights a source gives.
type Weights int

// Weight traits.
const (
	WeightsBoth Weights = iota
	WeightsNet
	WeightsGross
)

// Source is one rendered export and its traits.
type Source struct {
	Index   int
	Kind    Kind
	Format  string // "xlsx" or "csv"
	Lang    string // header language: "en" or "ru"
	Weights Weights
	// Unit is the weight unit: "kg", "t" (Decimals 3 or 4) or "lb".
	Unit     string
	Decimals int
	HSDigits int  // 6 or 10
	HSNumber bool // xlsx: HS codes stored as numbers (a leading zero is lost)
	// DateShift gives each row's date offset from the true date; a B/L
	// feed dates shipments 1–3 days before the declaration.
	DateShift  []int
	DateFormat string // for text dates; "" writes real xlsx dates
	Value      bool   // gives the USD value
	Items      bool   // gives item numbers (declaration kinds)
	TotalRow   bool   // ends with a total row of sums
	Banner     int    // rows above the header
	BannerText []string
	Sheet      string // xlsx sheet name ("" → "Data")
	// Country is an export register's declaring country (KindExport);
	// States says how the file states its flow: "banner" (with the
	// country), "sheet" (the sheet name) or "column" (a flow column).
	Country, States string
	Cyrillic        bool // consignee names in Cyrillic
	GluedINN        bool // some consignee names carry their INN in front
	Delim           rune // CSV delimiter
	Extra           bool // columns no field takes (port, incoterms)
	// Covers lists the true shipments this source holds; Order is the row
	// order (a permutation of Covers' indexes).
	Covers []int
	Order  []int

	cols []column
	rng  *rand.Rand
}

func newSource(rng *rand.Rand, i int, k Kind) Source {
	s := Source{Index: i, Kind: k, Format: pick(rng, "xlsx", "csv"), Lang: "en", Unit: "kg", Decimals: 1, HSDigits: 10,
		Delim: ',', Value: true, rng: rand.New(rand.NewPCG(rng.Uint64(), uint64(i)))}
	switch k {
	case KindDeclarations:
		s.Lang = pick(rng, "ru", "ru", "en")
		s.Weights = pickW(rng, WeightsBoth, WeightsBoth, WeightsNet)
		s.Items = true
		s.Cyrillic = s.Lang == "ru" && rng.IntN(3) > 0
	case KindBL:
		s.Weights = pickW(rng, WeightsGross, WeightsGross, WeightsBoth)
		s.Unit = pick(rng, "t", "t", "kg")
		s.HSDigits = 6
		s.Value = rng.IntN(2) == 0
	case KindAggregator:
		s.Weights = pickW(rng, WeightsNet, WeightsBoth, WeightsGross)
		s.Items = rng.IntN(2) == 0
		s.Banner = rng.IntN(5)
		s.GluedINN = rng.IntN(3) == 0
	case KindBare:
		s.Weights = pickW(rng, WeightsNet, WeightsGross, WeightsBoth)
		s.Unit = pick(rng, "kg", "t", "lb")
		s.HSDigits = pick(rng, 6, 10)
	}
	if s.Unit == "t" {
		s.Decimals = pick(rng, 3, 3, 4)
	}
	if s.Unit == "lb" {
		s.Decimals = 0
	}
	if s.Format == "csv" {
		s.Delim = pick(rng, ',', ';', '\t')
		if s.Lang == "ru" && s.Delim == ',' {
			s.Delim = ';'
		}
	}
	s.HSNumber = s.Format == "xlsx" && rng.IntN(4) == 0
	s.TotalRow = rng.IntN(3) == 0
	s.Extra = rng.IntN(2) == 0
	switch {
	case s.Format == "xlsx" && rng.IntN(2) == 0:
		s.DateFormat = ""
	case s.Lang == "ru":
		s.DateFormat = pick(rng, "02.01.2006", "2006-01-02")
	default:
		s.DateFormat = pick(rng, "2006-01-02", "02/01/2006", "01/02/2006", "2 Jan 2006")
	}
	s.cols = s.columns(rng)
	return s
}

func pick[T any](rng *rand.Rand, vs ...T) T { return vs[rng.IntN(len(vs))] }

func pickW(rng *rand.Rand, vs ...Weights) Weights { return vs[rng.IntN(len(vs))] }

func (s *Source) covers(i int) bool {
	for _, c := range s.Covers {
		if c == i {
			return true
		}
	}
	return false
}

// weightSlack is the most a weight written by this source can differ
// from the truth, in kg.
func (s *Source) weightSlack() float64 {
	switch s.Unit {
	case "t":
		return 1000 * 0.5 * math.Pow(10, -float64(s.Decimals))
	case "lb":
		return 0.5 * 0.45359237 * math.Pow(10, -float64(s.Decimals))
	}
	return 0
}

// FileName is the source's file name: it says what the source is, so a
// failure message is readable.
func (s *Source) FileName() string {
	return fmt.Sprintf("src%d_%s_%s.%s", s.Index+1, s.Kind, s.Lang, s.Format)
}

// Traits describes the source in one line.
func (s *Source) Traits() string {
	w := map[Weights]string{WeightsBoth: "net+gross", WeightsNet: "net only", WeightsGross: "gross only"}[s.Weights]
	t := []string{string(s.Kind), s.Lang + " headers", w, s.Unit, "HS-" + strconv.Itoa(s.HSDigits)}
	add := func(ok bool, what string) {
		if ok {
			t = append(t, what)
		}
	}
	add(s.HSNumber, "HS as numbers")
	add(s.Items, "item numbers")
	add(s.Value, "USD value")
	add(s.TotalRow, "total row")
	add(s.Banner > 0, fmt.Sprintf("%d banner rows", s.Banner))
	add(s.Cyrillic, "Cyrillic names")
	add(s.GluedINN, "INN glued to names")
	add(s.Extra, "extra columns")
	if s.DateFormat == "" {
		t = append(t, "real dates")
	} else {
		t = append(t, "dates "+s.DateFormat)
	}
	if s.Format == "csv" {
		t = append(t, "delimiter "+strconv.QuoteRune(s.Delim))
	}
	return strings.Join(t, ", ")
}

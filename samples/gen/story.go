package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
)

// source is a bit set of the sample sources a shipment appears in.
type source uint8

const (
	srcRU  source = 1 << iota // Russian declaration export (.xlsx)
	srcAgg                    // English aggregator export (.xlsx)
	srcCSV                    // semicolon CSV, tonnes
	srcBL                     // bill-of-lading feed (.csv), gross only
)

// goods describes the goods in each source's language.
type goods struct{ RU, Agg, CSV string }

// shipment is one real-world shipment line: the truth the three sources
// render, each in its own layout and spelling. Expected figures are
// computed from these, so they are known exactly.
type shipment struct {
	ID        string
	Story     string // rifles, armour, dji, or "" for unrelated traffic
	Date      time.Time
	Consignee *firm
	Shipper   *firm
	Origin    string // ISO-2
	Dispatch  string
	HS        string // 10-digit TN VED code
	Goods     goods
	Qty       float64
	Unit      string  // pcs, kg, m2
	NetKg     float64 // 0 means missing (the source writes a vendor zero)
	GrossKg   float64
	ValueUSD  float64 // 0 means missing
	InvValue  float64 // invoice value in Currency (Russian export only)
	Currency  string

	In       source
	Decl     string // Russian declaration number (rows in srcRU)
	Item     int
	AggDecl  bool   // the aggregator row carries Decl and Item
	AggShift int    // days the aggregator's date differs from Date
	CSVShift int    // days the CSV's date differs from Date
	AggName  string // overrides the consignee's aggregator spelling (typo)
	AggDup   bool   // the aggregator lists this row twice (exact duplicate)
	BL       string // bill of lading (rows in srcBL)
	BLShift  int    // days the B/L feed's arrival date differs from Date

	// Where the shipment landed: source → 1-based row numbers.
	Rows map[source][]int
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Exchange rates used only to write plausible invoice values in other
// currencies; the USD figures are the truth.
var usdPer = map[string]float64{"USD": 1, "EUR": 1.05, "CNY": 0.149, "TRY": 0.058}

var (
	armourRU  = "Бронежилеты защитные текстильные, класс защиты Бр2"
	armourAgg = "BODY ARMOUR VESTS, TEXTILE, PROTECTION CLASS BR2"
	armourCSV = "Bulletproof vests (body armour), textile"
)

const (
	hsArmour = "6307909800"
	hsRifle  = "9303300000"
	hsScope  = "9013100000"
	hsMask   = "6307909100"
)

// story returns the shipments the news story is built on, plus the
// near-boundary shipments a careful reader must look at (each fails
// exactly one of a claim's filters).
func story() []*shipment {
	var s []*shipment
	add := func(sh *shipment) { s = append(s, sh) }

	// 1,000 CQ-A rifles, NORINCO → Tekhkrim, June 2022: one declaration,
	// two items (600 + 400), in the Russian export and the aggregator.
	decl := "10702070/140622/3034567"
	for i, q := range []float64{600, 400} {
		add(&shipment{ID: fmt.Sprintf("RIF-%d", i+1), Story: "rifles", Date: day(2022, 6, 14),
			Consignee: tekhkrim, Shipper: norinco, Origin: "CN", Dispatch: "CN", HS: hsRifle,
			Goods: goods{"Винтовки самозарядные CQ-A, калибр 5,56 мм", "CQ-A SEMI-AUTOMATIC RIFLES 5.56MM", ""},
			Qty:   q, Unit: "pcs", NetKg: q * 3.4, GrossKg: q * 4.1, ValueUSD: q * 910,
			Currency: "CNY", In: srcRU | srcAgg, Decl: decl, Item: i + 1, AggDecl: true, AggShift: 1})
	}
	// Boundary: NORINCO → Tekhkrim, September 2022, optical sights (not rifles).
	add(&shipment{ID: "NOR-SCOPES", Date: day(2022, 9, 6), Consignee: tekhkrim, Shipper: norinco,
		Origin: "CN", Dispatch: "CN", HS: hsScope,
		Goods: goods{"Прицелы оптические для оружия", "RIFLE SCOPES, OPTICAL", ""},
		Qty:   300, Unit: "pcs", NetKg: 270, GrossKg: 330, ValueUSD: 66000, Currency: "CNY", In: srcRU})

	// Body armour. Chinese-origin, dispatched from Turkey, June–December
	// 2022: six shipments, 12,600 kg in all.
	cnTR := []struct {
		date    time.Time
		kg      float64
		in      source
		aggDecl bool
	}{
		{day(2022, 6, 20), 2100, srcRU | srcCSV, false},
		{day(2022, 7, 18), 1800, srcRU | srcAgg, true},
		{day(2022, 8, 22), 2400, srcCSV, false},
		{day(2022, 9, 26), 2000, srcRU, false},
		{day(2022, 11, 8), 2200, srcRU | srcAgg, true},
		{day(2022, 12, 12), 2100, srcRU | srcCSV, false},
	}
	for i, c := range cnTR {
		add(armour(fmt.Sprintf("BA-CN-TR-%d", i+1), c.date, tekhkrim, karadeniz, "CN", "TR", c.kg, 128, c.in, c.aggDecl))
	}
	// Boundaries of "Chinese via Turkey, June–December 2022": one in May,
	// one via Kazakhstan, one in January 2023.
	add(armour("BA-CN-TR-MAY", day(2022, 5, 16), tekhkrim, karadeniz, "CN", "TR", 1500, 126, srcRU, false))
	add(armour("BA-CN-KZ", day(2022, 8, 10), shchitPro, steppeTrade, "CN", "KZ", 1000, 124, srcRU|srcCSV, false))
	add(armour("BA-CN-TR-2023", day(2023, 1, 17), tekhkrim, karadeniz, "CN", "TR", 1200, 130, srcRU, false))

	// Turkish-origin body armour from Turkey, 2022: 16 shipments, 50,400 kg.
	trKg := []float64{3600, 2800, 3300, 3100, 2900, 3500, 3400, 3000, 3200, 2700, 3800, 2950, 3050, 3250, 3150, 2700}
	trDates := []time.Time{
		day(2022, 1, 24), day(2022, 2, 15), day(2022, 3, 9), day(2022, 3, 30), day(2022, 4, 21), day(2022, 5, 12),
		day(2022, 6, 2), day(2022, 6, 29), day(2022, 7, 27), day(2022, 8, 17), day(2022, 9, 7), day(2022, 10, 5),
		day(2022, 10, 26), day(2022, 11, 23), day(2022, 12, 7), day(2022, 12, 21),
	}
	trIn := []source{srcRU | srcAgg, srcRU, srcAgg, srcRU | srcCSV, srcRU, srcRU | srcAgg, srcCSV, srcRU,
		srcRU | srcAgg, srcAgg, srcRU | srcCSV, srcRU, srcRU | srcAgg, srcRU, srcAgg, srcRU}
	for i := range trKg {
		consignee, shipper := tekhkrim, yildizKoruma
		switch {
		case i%5 == 3:
			consignee = tekhkom
		case i%7 == 5:
			consignee = tekhkrimService
		case i%4 == 2:
			consignee = shchitPro
		}
		if i%2 == 1 {
			shipper = marmaraBalistik
		}
		sh := armour(fmt.Sprintf("BA-TR-%02d", i+1), trDates[i], consignee, shipper, "TR", "TR", trKg[i], 131+float64(i%4)*2, trIn[i], trIn[i]&srcRU != 0)
		// The aggregator misspells Tekhkrim on two of its own rows.
		if consignee == tekhkrim && trIn[i] == srcAgg {
			sh.AggName = tekhkrimTypo
		}
		add(sh)
	}
	// Direct from China (6,000 kg) and via Kyrgyzstan (4,900 kg).
	for i, kg := range []float64{2200, 1900, 1900} {
		add(armour(fmt.Sprintf("BA-CN-CN-%d", i+1), day(2022, time.Month(3+3*i), 3+7*i), shchitPro, shandongHuaxin, "CN", "CN", kg, 118, srcRU|srcAgg*source(i%2), i%2 == 1))
	}
	for i, kg := range []float64{2500, 2400} {
		add(armour(fmt.Sprintf("BA-KG-%d", i+1), day(2022, time.Month(4+5*i), 11+i), tekhkrim, alaTooImpex, "CN", "KG", kg, 122, srcRU, false))
	}
	// Boundary: face masks, same HS heading, not body armour.
	add(&shipment{ID: "MASKS-TR", Date: day(2022, 2, 8), Consignee: tekhkom, Shipper: yildizKoruma,
		Origin: "TR", Dispatch: "TR", HS: hsMask,
		Goods: goods{"Маски защитные лицевые текстильные", "TEXTILE FACE MASKS", "Textile face masks"},
		Qty:   400000, Unit: "pcs", NetKg: 3200, GrossKg: 3450, ValueUSD: 52000, Currency: "USD", In: srcRU | srcCSV})

	// DJI drone parts dispatched from the UAE, November–December 2022:
	// twelve shipments, each a one-item declaration.
	djiDates := []time.Time{
		day(2022, 11, 2), day(2022, 11, 7), day(2022, 11, 11), day(2022, 11, 16), day(2022, 11, 21), day(2022, 11, 25),
		day(2022, 11, 30), day(2022, 12, 5), day(2022, 12, 9), day(2022, 12, 14), day(2022, 12, 19), day(2022, 12, 23),
	}
	djiIn := []source{srcRU | srcAgg, srcRU | srcAgg, srcRU | srcCSV, srcRU, srcRU | srcAgg, srcAgg,
		srcRU | srcCSV, srcRU | srcAgg, srcRU, srcCSV, srcAgg, srcRU}
	djiKg := []float64{420, 380, 510, 260, 640, 300, 450, 390, 330, 570, 280, 610}
	for i := range djiDates {
		add(drone(fmt.Sprintf("DJI-%02d", i+1), djiDates[i], "AE", djiKg[i], djiIn[i], i%3))
	}
	// Boundaries: one from the UAE in October, one straight from China.
	add(drone("DJI-OCT", day(2022, 10, 25), "AE", 350, srcRU|srcAgg, 0))
	add(drone("DJI-CN", day(2022, 12, 5), "CN", 460, srcRU, 1))

	// Zavod-2's machinery with no weight at all in the aggregator (vendor
	// zeros in both weight columns): the claim on Zavod-2's tonnage must
	// come out "insufficient data".
	add(&shipment{ID: "MACH-NOWEIGHT", Date: day(2022, 9, 14), Consignee: zavod2, Shipper: ningboEastern,
		Origin: "CN", Dispatch: "CN", HS: "8479899708",
		Goods: goods{"Станок для обработки металла", "METALWORKING MACHINE", ""},
		Qty:   2, Unit: "pcs", ValueUSD: 186000, Currency: "CNY", In: srcAgg})
	return s
}

// armour builds one body-armour shipment; usdPerKg sets its value.
func armour(id string, date time.Time, consignee, shipper *firm, origin, dispatch string, kg, usdPerKg float64, in source, aggDecl bool) *shipment {
	cur := "USD"
	if origin == "CN" && dispatch == "CN" {
		cur = "CNY"
	}
	sh := &shipment{ID: id, Story: "armour", Date: date, Consignee: consignee, Shipper: shipper,
		Origin: origin, Dispatch: dispatch, HS: hsArmour,
		Goods: goods{armourRU, armourAgg, armourCSV},
		Qty:   math.Round(kg / 8.5), Unit: "pcs", NetKg: kg, GrossKg: kg + math.Round(kg*0.06/10)*10,
		ValueUSD: kg * usdPerKg, Currency: cur, In: in, AggDecl: aggDecl}
	if in&srcCSV != 0 && in&srcAgg == 0 {
		sh.CSVShift = -1 // export date, the day before the Russian declaration
	}
	return sh
}

// drone builds one DJI shipment; variant picks the goods.
func drone(id string, date time.Time, dispatch string, kg float64, in source, variant int) *shipment {
	g := []struct {
		hs string
		g  goods
	}{
		{"8807300000", goods{"Части беспилотных летательных аппаратов: рамы, подвесы, моторы", "PARTS OF UNMANNED AIRCRAFT (FRAMES, GIMBALS, MOTORS)", "Drone parts: frames gimbals motors"}},
		{"8807100000", goods{"Винты воздушные для беспилотных летательных аппаратов", "PROPELLERS FOR UNMANNED AIRCRAFT", "Drone propellers"}},
		{"8806229000", goods{"Беспилотные летательные аппараты (квадрокоптеры) DJI Mavic 3", "UNMANNED AIRCRAFT (QUADCOPTERS) DJI MAVIC 3", "Quadcopters DJI Mavic 3"}},
	}[variant]
	sh := &shipment{ID: id, Story: "dji", Date: date, Consignee: aerosnab, Shipper: dji,
		Origin: "CN", Dispatch: dispatch, HS: g.hs, Goods: g.g,
		Qty: math.Round(kg / 0.9), Unit: "pcs", NetKg: kg, GrossKg: kg + 40, ValueUSD: kg * 410,
		Currency: "USD", In: in, AggDecl: in&srcRU != 0}
	if in&srcCSV != 0 {
		sh.CSVShift = -1
	}
	return sh
}

// traffic is the unrelated trade around the story: tiles, machinery,
// textiles and citrus, drawn from a fixed seed.
func traffic(r *rand.Rand) []*shipment {
	type line struct {
		hs       string
		g        goods
		unit     string
		kgPerQty float64
	}
	type category struct {
		name       string
		shippers   []*firm
		consignees []*firm
		lines      []line
		minKg      float64
		maxKg      float64
		usdPerKg   [2]float64
		currency   string
	}
	cats := []category{
		{"tiles", []*firm{akdenizSeramik, iberiaTiles, foshanTiles}, []*firm{keramikaPlus, tekhkom},
			[]line{
				{"6907210000", goods{"Плитка керамическая глазурованная напольная", "GLAZED CERAMIC FLOOR TILES", "Glazed ceramic floor tiles"}, "m2", 20},
				{"6907220000", goods{"Плитка керамическая облицовочная настенная", "CERAMIC WALL TILES", "Ceramic wall tiles"}, "m2", 16},
				{"6907400000", goods{"Плитка керамическая отделочная (бордюры)", "CERAMIC FINISHING TILES (BORDERS)", "Ceramic border tiles"}, "m2", 18},
			}, 8000, 24000, [2]float64{0.6, 1.2}, "EUR"},
		{"machinery", []*firm{ningboEastern, shenzhenHongda, heiden}, []*firm{zavod1, zavod2, tekhkrimService},
			[]line{
				{"8479899708", goods{"Машины и механические устройства прочие", "MACHINES AND MECHANICAL APPLIANCES, OTHER", "Industrial machines"}, "pcs", 1800},
				{"8428909000", goods{"Оборудование погрузочно-разгрузочное", "LIFTING AND HANDLING MACHINERY", "Handling machinery"}, "pcs", 2500},
				{"8458110000", goods{"Станки токарные горизонтальные с ЧПУ", "CNC HORIZONTAL LATHES", "CNC lathes"}, "pcs", 3200},
			}, 800, 12000, [2]float64{15, 40}, "CNY"},
		{"textiles", []*firm{bursaTekstil, tashkentCotton, dhakaKnit}, []*firm{tekstilOpt, tekhkom},
			[]line{
				{"6109100000", goods{"Футболки трикотажные хлопчатобумажные", "COTTON T-SHIRTS, KNITTED", "Cotton T-shirts"}, "pcs", 0.2},
				{"6203429000", goods{"Брюки мужские хлопчатобумажные", "MEN'S COTTON TROUSERS", "Men's cotton trousers"}, "pcs", 0.5},
				{"5208520000", goods{"Ткани хлопчатобумажные набивные", "PRINTED COTTON FABRICS", "Printed cotton fabric"}, "kg", 1},
			}, 1000, 9000, [2]float64{8, 15}, "USD"},
		{"citrus", []*firm{antalyaNarenc}, []*firm{fruktImport},
			[]line{{"0805100000", goods{"Апельсины свежие", "FRESH ORANGES", "Fresh oranges"}, "kg", 1}},
			15000, 20000, [2]float64{0.6, 0.9}, "TRY"},
	}
	weights := []int{35, 25, 30, 10} // share of each category, percent
	const n = 300
	start := day(2022, 1, 3)
	var out []*shipment
	// Every source covers all of 2022 and a little beyond, so a claim about
	// 2022 is never "insufficient" merely for lack of coverage: each source
	// gets a tile shipment in late December 2021 and one in January 2023.
	for i, in := range []source{srcRU, srcAgg, srcCSV} {
		for j, d := range []time.Time{day(2021, 12, 27+i), day(2023, 1, 9+i)} {
			kg := float64(12000 + 1000*i + 500*j)
			out = append(out, &shipment{ID: fmt.Sprintf("T-EDGE-%d%d", i+1, j+1), Date: d,
				Consignee: keramikaPlus, Shipper: akdenizSeramik, Origin: "TR", Dispatch: "TR",
				HS: cats[0].lines[0].hs, Goods: cats[0].lines[0].g, Qty: kg / 20, Unit: "m2",
				NetKg: kg, GrossKg: kg + 400, ValueUSD: kg * 0.8, Currency: "EUR", In: in, AggDecl: false})
		}
	}
	for i := 0; i < n; i++ {
		k := r.IntN(100)
		ci := 0
		for k >= weights[ci] {
			k -= weights[ci]
			ci++
		}
		c := cats[ci]
		shipper := c.shippers[r.IntN(len(c.shippers))]
		consignee := c.consignees[r.IntN(len(c.consignees))]
		dispatch := shipper.Country
		if shipper.Country == "CN" && r.IntN(5) == 0 {
			dispatch = "KZ" // Chinese goods by rail through Kazakhstan
		}
		date := start.AddDate(0, 0, r.IntN(360))
		// A fifth of the declarations carry two or three goods items.
		items := 1
		if ci != 3 && r.IntN(5) == 0 {
			items = 2 + r.IntN(2)
		}
		in := pickSources(r, dispatch, items)
		base := r.IntN(len(c.lines)) // items of one declaration are different goods
		for it := 0; it < items; it++ {
			l := c.lines[(base+it)%len(c.lines)]
			kg := c.minKg + r.Float64()*(c.maxKg-c.minKg)
			if in&srcCSV != 0 {
				kg = math.Round(kg/10) * 10 // the CSV writes tonnes to 2 decimals
			} else {
				kg = math.Round(kg)
			}
			qty := math.Max(1, math.Round(kg/l.kgPerQty))
			usd := math.Round(kg*(c.usdPerKg[0]+r.Float64()*(c.usdPerKg[1]-c.usdPerKg[0]))*100) / 100
			gross := kg + math.Round(kg*(0.02+0.04*r.Float64())/10)*10
			sh := &shipment{ID: fmt.Sprintf("T-%03d", i+1), Date: date, Consignee: consignee, Shipper: shipper,
				Origin: shipper.Country, Dispatch: dispatch, HS: l.hs, Goods: l.g, Qty: qty, Unit: l.unit,
				NetKg: kg, GrossKg: gross, ValueUSD: usd, Currency: c.currency, In: in,
				AggDecl: in&srcRU != 0 && r.IntN(10) != 0}
			if items > 1 {
				sh.ID = fmt.Sprintf("T-%03d-%d", i+1, it+1)
				sh.Item = it + 1
			}
			if in&srcCSV != 0 {
				sh.CSVShift = -r.IntN(2)
			}
			if in == srcRU|srcAgg && !sh.AggDecl {
				sh.AggShift = 1 // matched by the fuzzy rule: no declaration number in the aggregator
			}
			out = append(out, sh)
		}
	}
	return out
}

// pickSources decides which sources carry a traffic shipment. The CSV is
// mirror data from the dispatch side and only covers Turkey, the UAE and
// Kazakhstan, and only one-item consignments.
func pickSources(r *rand.Rand, dispatch string, items int) source {
	csvOK := items == 1 && (dispatch == "TR" || dispatch == "AE" || dispatch == "KZ")
	k := r.IntN(100)
	switch {
	case k < 40:
		return srcRU
	case k < 60:
		return srcAgg
	case k < 80:
		return srcRU | srcAgg
	case k < 90 && csvOK:
		return srcCSV
	case csvOK:
		return srcRU | srcCSV
	}
	return srcRU | srcAgg
}

// oddities adds the rows that test a reader's honesty: a value in an
// unknown currency with no USD figure, a vendor zero in the net weight,
// an exact duplicate and a weight that two sources disagree on.
func oddities(t []*shipment) []*shipment {
	var in []*shipment
	for _, sh := range t {
		// Not the coverage rows at the edges of the period: keep them plain.
		if sh.Item == 0 && sh.Story == "" && !strings.HasPrefix(sh.ID, "T-EDGE") {
			in = append(in, sh)
		}
	}
	pick := func(want source, skip map[*shipment]bool) *shipment {
		for _, sh := range in {
			if sh.In == want && !skip[sh] {
				skip[sh] = true
				return sh
			}
		}
		panic(fmt.Sprintf("no traffic shipment in sources %b", want))
	}
	used := map[*shipment]bool{}
	unknown := pick(srcRU, used)
	unknown.Currency = "у.е." // "conventional units": no currency can be assumed
	unknown.InvValue = math.Round(unknown.ValueUSD)
	unknown.ValueUSD = 0
	unknown.ID += "-UNKNOWN-CURRENCY"

	zero := pick(srcAgg, used)
	zero.NetKg = 0 // the aggregator writes 0; gross is known
	zero.ID += "-ZERO-NET"

	dup := pick(srcAgg, used)
	dup.AggDup = true
	dup.ID += "-AGG-DUP"
	return t
}

// assignDeclarations numbers the Russian declarations: customs post,
// date, sequence. Items of one traffic declaration share the number.
func assignDeclarations(all []*shipment) {
	posts := []string{"10702070", "10013160", "10129060", "10216170"}
	seq := 3100000
	var prev *shipment
	for _, sh := range all {
		if sh.In&srcRU == 0 && !(sh.In&srcAgg != 0 && sh.AggDecl) {
			continue
		}
		if sh.Decl != "" {
			continue
		}
		if sh.Item > 1 && prev != nil && prev.Item == sh.Item-1 && prev.Date.Equal(sh.Date) && prev.Consignee == sh.Consignee {
			sh.Decl = prev.Decl
		} else {
			seq += 137
			sh.Decl = fmt.Sprintf("%s/%s/%07d", posts[seq%len(posts)], sh.Date.Format("020106"), seq)
		}
		if sh.Item == 0 {
			sh.Item = 1
		}
		prev = sh
	}
}

// separate nudges weights so that no two different shipments look alike
// to the fuzzy duplicate rule (same parties, HS-6, dates within 5 days,
// weights within 2%): the only cross-source pairs are the planned ones.
// Story shipments are never nudged; a clash with one is a design error.
func separate(all []*shipment) {
	for i := 0; i < len(all); i++ {
		for j := i + 1; j < len(all); j++ {
			a, b := all[i], all[j]
			if !lookAlike(a, b) {
				continue
			}
			if b.Story != "" {
				if a.Story != "" {
					panic(fmt.Sprintf("story shipments %s and %s look alike", a.ID, b.ID))
				}
				a, b = b, a
			}
			for lookAlike(a, b) {
				b.NetKg = math.Round(b.NetKg*1.05/10) * 10
				b.GrossKg = math.Round(b.GrossKg*1.05/10) * 10
			}
		}
	}
}

func lookAlike(a, b *shipment) bool {
	if a.Consignee != b.Consignee || a.Shipper != b.Shipper || a.HS[:6] != b.HS[:6] {
		return false
	}
	d := a.Date.Sub(b.Date).Hours() / 24
	if math.Abs(d) > 5 {
		return false
	}
	wa, wb := weightKg(a), weightKg(b)
	if wa == 0 || wb == 0 {
		return wa == wb
	}
	return math.Abs(wa-wb)/math.Max(wa, wb) <= 0.02
}

// weightKg is the weight the totals use: net, or gross where net is missing.
func weightKg(sh *shipment) float64 {
	if sh.NetKg > 0 {
		return sh.NetKg
	}
	return sh.GrossKg
}

// build returns every shipment in date order, numbered and checked.
func build(seed uint64) []*shipment {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	all := append(story(), oddities(traffic(r))...)
	sort.SliceStable(all, func(i, j int) bool {
		if !all[i].Date.Equal(all[j].Date) {
			return all[i].Date.Before(all[j].Date)
		}
		return all[i].ID < all[j].ID
	})
	separate(all)
	assignDeclarations(all)
	pickBL(seed, all)
	for _, sh := range all {
		if sh.InvValue == 0 && sh.ValueUSD > 0 {
			sh.InvValue = math.Round(sh.ValueUSD/usdPer[sh.Currency]*100) / 100
		}
	}
	return all
}

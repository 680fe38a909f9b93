package names

import "testing"

// addressCases are invented party cells, as B/L feeds write them, with the
// name the splitter must keep ("" address: nothing may be cut).
var addressCases = []struct {
	cell, name, addr string
}{
	// Address after a legal form, on one line or two.
	{"VORONKOV LLC 12 LENINA ST MOSCOW 101000 RUSSIA", "VORONKOV LLC", "12 LENINA ST MOSCOW 101000 RUSSIA"},
	{"VORONKOV LLC\n125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA", "VORONKOV LLC", "125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA"},
	{"VORONKOV LLC, 125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA", "VORONKOV LLC", "125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA"},
	{"NINGBO BRIGHTLEAF TOOLS CO LTD NO.8 KEJI RD NANSHAN NINGBO CHINA", "NINGBO BRIGHTLEAF TOOLS CO LTD", "NO.8 KEJI RD NANSHAN NINGBO CHINA"},
	{"NINGBO BRIGHTLEAF TOOLS CO., LTD., KEJI RD, NINGBO, CHINA", "NINGBO BRIGHTLEAF TOOLS CO., LTD.", "KEJI RD, NINGBO, CHINA"},
	{"SANDPIPER MARINE FZE, JEBEL ALI, DUBAI, UAE", "SANDPIPER MARINE FZE", "JEBEL ALI, DUBAI, UAE"},
	{"KESTREL HANDELS GMBH & CO. KG, HAMBURG, GERMANY", "KESTREL HANDELS GMBH & CO. KG", "HAMBURG, GERMANY"},
	// Cyrillic: after the closing quote, or at the comma.
	{"ООО «Воронков», 101000, г. Москва, ул. Ленина, д. 12", "ООО «Воронков»", "101000, г. Москва, ул. Ленина, д. 12"},
	{"ООО Воронков, 101000, г. Москва, ул. Ленина, д. 12", "ООО Воронков", "101000, г. Москва, ул. Ленина, д. 12"},
	{"ТОО «Ветерок-Степь»\nг. Алматы, пр-т Абая 10", "ТОО «Ветерок-Степь»", "г. Алматы, пр-т Абая 10"},
	// Turkish.
	{"MAVIKUS TEKSTIL SAN. VE TIC. LTD. STI. ATATURK MAH. CUMHURIYET CAD. NO:5 ISTANBUL", "MAVIKUS TEKSTIL SAN. VE TIC. LTD. STI.", "ATATURK MAH. CUMHURIYET CAD. NO:5 ISTANBUL"},
	// No legal form: a postcode and a street or country after the name.
	{"VORONKOV 12 LENINA ST MOSCOW 101000 RUSSIA", "VORONKOV", "12 LENINA ST MOSCOW 101000 RUSSIA"},
	{"GORODSKIE SETI, 101000, MOSCOW, RUSSIA", "GORODSKIE SETI", "101000, MOSCOW, RUSSIA"},
	// Contact and tax tails.
	{"VORONKOV LLC ATTN: I. PETROV", "VORONKOV LLC", "ATTN: I. PETROV"},
	{"VORONKOV LLC TEL: +7 495 1234567", "VORONKOV LLC", "TEL: +7 495 1234567"},
	{"VORONKOV LLC EMAIL: sales@voronkov.example", "VORONKOV LLC", "EMAIL: sales@voronkov.example"},
	{"VORONKOV TRADING sales@voronkov.example", "VORONKOV TRADING", "sales@voronkov.example"},
	{"NINGBO BRIGHTLEAF TOOLS CO LTD TAX ID 91330200MA2XXXXX1", "NINGBO BRIGHTLEAF TOOLS CO LTD", "TAX ID 91330200MA2XXXXX1"},
	// Chinese.
	{"宁波亮叶工具有限公司 宁波市北仑区科技路8号", "宁波亮叶工具有限公司", "宁波市北仑区科技路8号"},

	// Names that hold address words, or look like one: never cut.
	{"ROAD MACHINES LLC", "ROAD MACHINES LLC", ""},
	{"STREET FOOD TRADING", "STREET FOOD TRADING", ""},
	{"GORODSKIE SETI", "GORODSKIE SETI", ""},
	{"ROAD MACHINES LLC\nSTREET FOOD DIVISION", "ROAD MACHINES LLC\nSTREET FOOD DIVISION", ""},
	{"ZAVOD NO. 9, MOSCOW, RUSSIA", "ZAVOD NO. 9, MOSCOW, RUSSIA", ""},
	{"ZAVOD 12 ROAD MACHINES", "ZAVOD 12 ROAD MACHINES", ""},
	{"BANK OF CHINA", "BANK OF CHINA", ""},
	{"KESTREL AG RUSSIA", "KESTREL AG RUSSIA", ""},
	{"TEL AVIV TRADING LTD", "TEL AVIV TRADING LTD", ""},
	{"VORONKOV LLC BUILDING MATERIALS", "VORONKOV LLC BUILDING MATERIALS", ""},
	{"NINGBO BRIGHTLEAF\nTOOLS CO LTD", "NINGBO BRIGHTLEAF\nTOOLS CO LTD", ""},
	{"ROAD, BRIDGE AND TUNNEL CONSTRUCTION LLC, MOSCOW", "ROAD, BRIDGE AND TUNNEL CONSTRUCTION LLC, MOSCOW", ""},
	{"7701234560 VORONKOV LLC", "7701234560 VORONKOV LLC", ""},
	{"宁波亮叶工具有限公司 NINGBO LIANGYE GONGJU YOUXIAN GONGSI", "宁波亮叶工具有限公司 NINGBO LIANGYE GONGJU YOUXIAN GONGSI", ""},
	{"12 STOREYS LLC", "12 STOREYS LLC", ""},
	{"ООО «Улица Роз»", "ООО «Улица Роз»", ""},
	{"MILITARY UNIT 55501", "MILITARY UNIT 55501", ""},
	{"FEDERAL STATE INSTITUTION MILITARY UNIT 55501", "FEDERAL STATE INSTITUTION MILITARY UNIT 55501", ""},
	{"PROCUREMENT BOARD, OFFICE OF THE COMMANDER-IN-CHIEF FLEET, REPUBLIC OF MOLDOVA", "PROCUREMENT BOARD, OFFICE OF THE COMMANDER-IN-CHIEF FLEET, REPUBLIC OF MOLDOVA", ""},
	{"Federal State Budgetary Institution «Voronok» of the Office of the President of the Russian Federation", "Federal State Budgetary Institution «Voronok» of the Office of the President of the Russian Federation", ""},
	{"АО «Конструкторское Бюро Зенит РФ» (АО «КБ Зенит РФ»)", "АО «Конструкторское Бюро Зенит РФ» (АО «КБ Зенит РФ»)", ""},
	{"The 77th Research Centre (Military Unit 55501)", "The 77th Research Centre (Military Unit 55501)", ""},
	{"SANDPIPER MARINE FZE DUBAI UAE", "SANDPIPER MARINE FZE DUBAI UAE", ""},
	{"VORONKOV TRADING LTD, UNIT 1203, 12/F, HARBOUR RD, WAN CHAI, HONG KONG", "VORONKOV TRADING LTD", "UNIT 1203, 12/F, HARBOUR RD, WAN CHAI, HONG KONG"},
}

func TestSplitAddress(t *testing.T) {
	for _, c := range addressCases {
		t.Run(c.cell, func(t *testing.T) {
			name, addr := SplitAddress(c.cell)
			if name != c.name || addr != c.addr {
				t.Errorf("SplitAddress(%q) = %q | %q, want %q | %q", c.cell, name, addr, c.name, c.addr)
			}
		})
	}
}

// TestAnalyzeAddress: a name with its address matches on the name part,
// keeps the address, and takes a tax ID written in the address tail.
func TestAnalyzeAddress(t *testing.T) {
	plain := Analyze("VORONKOV LLC")
	for _, cell := range []string{
		"VORONKOV LLC\n125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA",
		"VORONKOV LLC, 12 LENINA ST, MOSCOW, 101000, RUSSIA",
	} {
		n := Analyze(cell)
		if n.CoreKey() != plain.CoreKey() || n.Class() != plain.Class() {
			t.Errorf("%q: core %q class %q, want %q %q", cell, n.CoreKey(), n.Class(), plain.CoreKey(), plain.Class())
		}
		if n.Address == "" || n.Original != cell || n.Clean != "VORONKOV LLC" {
			t.Errorf("%q: address %q original %q clean %q", cell, n.Address, n.Original, n.Clean)
		}
	}
	n := Analyze("VORONKOV LLC 12 LENINA ST MOSCOW 101000 RUSSIA INN 7701234560")
	if n.TaxID != "7701234560" {
		t.Errorf("tax ID in the address tail: got %q", n.TaxID)
	}
	if r := Analyze("ROAD MACHINES LLC"); r.Address != "" || r.CoreKey() == Analyze("MACHINES LLC").CoreKey() {
		t.Errorf("ROAD MACHINES LLC was cut: %+v", r)
	}
}

func FuzzSplitAddress(f *testing.F) {
	for _, c := range addressCases {
		f.Add(c.cell)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, addr := SplitAddress(s)
		if addr == "" {
			if name != s {
				t.Fatalf("nothing split, but name %q != %q", name, s)
			}
			return
		}
		if name == "" || len(name)+len(addr) > len(s) {
			t.Fatalf("%q -> %q | %q", s, name, addr)
		}
	})
}

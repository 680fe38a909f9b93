package values

// Normalised quantity units, as QuantityUnit returns them.
const (
	QtyPieces      = "pcs"
	QtyPairs       = "pairs"
	QtySets        = "sets"
	QtyPacks       = "packs"
	QtyKilograms   = "kg"
	QtyGrams       = "g"
	QtyTonnes      = "t"
	QtyMetres      = "m"
	QtySquareMetre = "m2"
	QtyCubicMetre  = "m3"
	QtyLitres      = "l"
)

// quantityUnits maps units as written, in appendKey form, to the
// normalised unit. Sources: the Russian OKEI classifier (numeric codes and
// short names as declarations write them), UN/ECE Recommendation 20
// codes, Indian customs' UQC codes, and English, Russian, Spanish,
// Portuguese and Turkish words. Cartons, boxes and dozens are left out:
// a carton is not a number of pieces, and dozens need a factor.
//
// NMP is "number of packs" in Recommendation 20 (pieces are PCE, NAR
// "number of articles", C62 "one", H87 "piece"), so it maps to packs, not
// pieces. OKEI codes must keep their leading zeros ("055", "006"): a bare
// "6" or "55" is not read as a unit.
var quantityUnits = map[string]string{
	// pieces
	"796": QtyPieces, "шт": QtyPieces, "штука": QtyPieces, "штуки": QtyPieces, "штук": QtyPieces,
	"pce": QtyPieces, "pcs": QtyPieces, "pc": QtyPieces, "piece": QtyPieces, "pieces": QtyPieces,
	"nar": QtyPieces, "c62": QtyPieces, "h87": QtyPieces, "ea": QtyPieces, "each": QtyPieces,
	"u": QtyPieces, "unit": QtyPieces, "units": QtyPieces, "p st": QtyPieces, "pst": QtyPieces,
	"item": QtyPieces, "items": QtyPieces, "article": QtyPieces, "articles": QtyPieces,
	"nos": QtyPieces, "number": QtyPieces, // Indian customs' UQC for counted goods
	"unidad": QtyPieces, "unidades": QtyPieces, "pieza": QtyPieces, "piezas": QtyPieces,
	"unidade": QtyPieces, "peca": QtyPieces, "pecas": QtyPieces, "adet": QtyPieces,

	// pairs
	"715": QtyPairs, "пар": QtyPairs, "пара": QtyPairs, "пары": QtyPairs, "пар шт": QtyPairs,
	"pr": QtyPairs, "prs": QtyPairs, "npr": QtyPairs, "pair": QtyPairs, "pairs": QtyPairs,
	"par": QtyPairs, "pares": QtyPairs, "cift": QtyPairs,

	// sets
	"839": QtySets, "компл": QtySets, "комплект": QtySets, "комплекта": QtySets, "комплектов": QtySets,
	"к т": QtySets, "кт": QtySets, "набор": QtySets, "наборов": QtySets, "704": QtySets,
	"set": QtySets, "sets": QtySets, "kit": QtySets, "kits": QtySets, "juego": QtySets, "juegos": QtySets,

	// packs
	"778": QtyPacks, "упак": QtyPacks, "упаковка": QtyPacks, "упаковок": QtyPacks,
	"nmp": QtyPacks, "pk": QtyPacks, "pack": QtyPacks, "packs": QtyPacks, "package": QtyPacks,
	"packages": QtyPacks, "pkg": QtyPacks, "pkgs": QtyPacks, "paquete": QtyPacks, "paquetes": QtyPacks,

	// mass
	"166": QtyKilograms, "кг": QtyKilograms, "килограмм": QtyKilograms, "kgm": QtyKilograms,
	"kg": QtyKilograms, "kgs": QtyKilograms, "kilogram": QtyKilograms, "kilograms": QtyKilograms,
	"163": QtyGrams, "г": QtyGrams, "грамм": QtyGrams, "grm": QtyGrams, "g": QtyGrams, "gram": QtyGrams,
	"grams": QtyGrams, "gramo": QtyGrams, "gramos": QtyGrams,
	"kilogramo": QtyKilograms, "kilogramos": QtyKilograms, "kilo": QtyKilograms, "kilos": QtyKilograms,
	"168": QtyTonnes, "т": QtyTonnes, "тонна": QtyTonnes, "тонн": QtyTonnes, "tne": QtyTonnes,
	"t": QtyTonnes, "mt": QtyTonnes, "tonne": QtyTonnes, "tonnes": QtyTonnes,

	// length, area, volume
	"006": QtyMetres, "м": QtyMetres, "метр": QtyMetres, "метров": QtyMetres, "пог м": QtyMetres,
	"mtr": QtyMetres, "m": QtyMetres, "meter": QtyMetres, "meters": QtyMetres, "metre": QtyMetres,
	"metres": QtyMetres, "lm": QtyMetres, "metro": QtyMetres, "metros": QtyMetres,
	"055": QtySquareMetre, "м2": QtySquareMetre, "кв м": QtySquareMetre, "квм": QtySquareMetre,
	"м 2": QtySquareMetre, "квадратный метр": QtySquareMetre, "квадратных метров": QtySquareMetre,
	"mtk": QtySquareMetre, "m2": QtySquareMetre, "sqm": QtySquareMetre, "sq m": QtySquareMetre,
	"square meter": QtySquareMetre, "square meters": QtySquareMetre, "square metre": QtySquareMetre,
	"square metres": QtySquareMetre, "sq meter": QtySquareMetre, "sq metre": QtySquareMetre,
	"metro cuadrado": QtySquareMetre, "metros cuadrados": QtySquareMetre, "metros cuadrado": QtySquareMetre,
	"m cuadrado": QtySquareMetre, "m cuadrados": QtySquareMetre, "metro quadrado": QtySquareMetre,
	"metros quadrados": QtySquareMetre,
	"113":              QtyCubicMetre, "м3": QtyCubicMetre, "куб м": QtyCubicMetre, "кубм": QtyCubicMetre,
	"м 3": QtyCubicMetre, "кубический метр": QtyCubicMetre, "кубических метров": QtyCubicMetre,
	"mtq": QtyCubicMetre, "m3": QtyCubicMetre, "cbm": QtyCubicMetre, "cu m": QtyCubicMetre,
	"cubic meter": QtyCubicMetre, "cubic meters": QtyCubicMetre, "cubic metre": QtyCubicMetre,
	"cubic metres": QtyCubicMetre, "metro cubico": QtyCubicMetre, "metros cubicos": QtyCubicMetre,
	"112": QtyLitres, "л": QtyLitres, "литр": QtyLitres, "литров": QtyLitres, "литра": QtyLitres,
	"ltr": QtyLitres, "l": QtyLitres, "litre": QtyLitres, "litres": QtyLitres, "liter": QtyLitres,
	"liters": QtyLitres, "lt": QtyLitres, "litro": QtyLitres, "litros": QtyLitres,
}

// QuantityUnit normalises шт, PCE, PCS, pieces, OKEI 796 → "pcs"; пар, PR,
// PRS, 715 → "pairs"; компл, SET, 839 → "sets"; кг, KGM, 166 → "kg";
// м2, MTK, 055 → "m2"; л, LTR, 112 → "l"; м, MTR, 006 → "m"; м3, MTQ,
// 113 → "m3"; also "g", "t" and "packs" (упак, NMP, 778). Case, dots and
// spacing do not matter ("шт.", "кв. м", "m²"). Unknown units return
// ok=false.
func QuantityUnit(s string) (string, bool) {
	if len(s) > 2*keyBufSize {
		return "", false
	}
	var buf [keyBufSize]byte
	u, ok := quantityUnits[string(appendKey(buf[:0], s))]
	return u, ok
}

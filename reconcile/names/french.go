package names

import "strings"

// French transliteration of Russian writes у as ou, ш as ch, ч as tch, щ
// as chtch, ж as j (дж as dj) and й as ï: NAOUTCHNO, OBCHTCHESTVO,
// BELOJSKOE, MACHINOSTROITELNAIA. Key reads ch as х (Latin CH, German
// and English spelling) and j as й, so a French spelling of a word keys
// apart from every other. A name that shows the French scheme gets, for
// each word, a second key read the French way (Name.AltCore).

// frenchMarked reports whether a name as written shows the French scheme:
// a ï, or a word with tch or with ou.
func frenchMarked(s string) bool {
	if strings.ContainsAny(s, "ïÏ") {
		return true
	}
	l := strings.ToLower(s)
	return strings.Contains(l, "tch") || strings.Contains(l, "ou")
}

var frenchReader = strings.NewReplacer("chtch", "shch", "tch", "ch", "ch", "sh", "ou", "u", "dj", "dzh", "j", "zh")

// FrenchReading is the key of a lower-case Latin token read as French
// transliteration, or "" when that reads it no differently.
func FrenchReading(tok string) string {
	r := frenchReader.Replace(tok)
	if r == tok {
		return ""
	}
	return Key(r)
}

package values

import "strings"

// GluedDigits returns a run of 9 to 12 digits written at the start or the
// end of a name ("7701234567 OOO TEKHKRIM", "TEKHKRIM LLC 7701234567"),
// whether or not it passes a checksum, or "". A fact-checker may name a
// firm by such a number even when it is mistyped in the source, and the
// match command reports one that is not a valid INN.
func GluedDigits(s string) string {
	s = strings.TrimSpace(s)
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '/' || r == '\t' })
	if len(f) < 2 {
		return ""
	}
	for _, w := range []string{f[0], f[len(f)-1]} {
		w = strings.Trim(w, "()[]«»\"'.:№#")
		if n := len(w); n >= 9 && n <= 12 && strings.Trim(w, "0123456789") == "" {
			return w
		}
	}
	return ""
}

// InvalidGluedINN returns the digits glued to a name that have the length
// of an INN (10 or 12) but fail its checksum, or "". SplitTaxIDs leaves
// such a number in the name (a random number must not become an INN);
// the name is still compared without it, since its digits are no name
// words, and the caller should say the number was not used as a tax ID.
func InvalidGluedINN(s string) string {
	d := GluedDigits(s)
	if (len(d) == 10 || len(d) == 12) && !ValidINN(d) {
		return d
	}
	return ""
}

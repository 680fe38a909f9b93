package values

import (
	"strings"
	"unicode"

	"tradecheck/reconcile"
)

// NormalizeID reduces an identifier of one kind to the form two sources
// must share for it to be the same identifier: letters and digits only,
// upper case. Case, spaces and separators ("/", "-", ".", "№") differ
// between vendors writing the same number, so "10702030/140622/0012345"
// and "10702030-140622-0012345" are one declaration, "maeu 123 456 789"
// and "MAEU123456789" one bill of lading.
//
// Kind-specific rules, each because vendors write it so:
//   - bill_of_lading: a leading "B/L", "BL", "HBL", "MBL", "AWB" or "NO"
//     label is dropped when a number follows; an air waybill "020-12345675"
//     loses its dash like any separator.
//   - container: only the 4 letters and 7 digits of an ISO 6346 number are
//     kept when the text holds one ("MSCU 123456-5" → "MSCU1234565").
//   - declaration_id, invoice: letters and digits, Cyrillic kept (ДТ
//     numbers may carry Cyrillic letters).
//
// "" comes back for a cell without a single letter or digit, and for
// placeholders vendors write for "none" ("N/A", "-", "0", "NONE").
func NormalizeID(kind reconcile.Field, s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9', c >= 'A' && c <= 'Z':
			b.WriteRune(c)
		case c >= 'a' && c <= 'z':
			b.WriteRune(c - 'a' + 'A')
		case c > 0x7f && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			b.WriteRune(unicode.ToUpper(c))
		}
	}
	n := b.String()
	switch n {
	case "", "NA", "NONE", "NULL", "NIL", "N", "NO", "НЕТ":
		return ""
	}
	if strings.Trim(n, "0") == "" {
		return ""
	}
	switch kind {
	case reconcile.FieldBillOfLading:
		for _, p := range []string{"MBL", "HBL", "AWB", "BL", "NO"} {
			if len(n) > len(p)+4 && strings.HasPrefix(n, p) && isDigit(n[len(p)]) {
				n = n[len(p):]
				break
			}
		}
	case reconcile.FieldContainer:
		if c, ok := findContainer(n); ok {
			return c
		}
	}
	return n
}

// SplitIDs splits a cell that holds several identifiers ("MAEU1234567,
// MAEU7654321", "TGHU1234567 / TGHU7654321", one per line) into the
// identifiers as written, trimmed. A cell with one identifier comes back
// as one element; an empty cell as none. Spaces alone do not split,
// because many numbers are written with spaces inside ("MSCU 123456 5").
func SplitIDs(s string) []string {
	f := strings.FieldsFunc(s, func(c rune) bool {
		return c == ',' || c == ';' || c == '\n' || c == '\r' || c == '|' || c == '+'
	})
	var out []string
	for _, p := range f {
		// " / " between two numbers separates them; "/" inside a
		// declaration number does not.
		for _, q := range strings.Split(p, " / ") {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// IDSet is the normalised identifiers of one kind in one cell.
func IDSet(kind reconcile.Field, s string) []string {
	parts := SplitIDs(s)
	out := parts[:0]
	for _, p := range parts {
		if n := NormalizeID(kind, p); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// findContainer finds an ISO 6346 number (owner code, category U/J/Z/R,
// six digits, check digit) in normalised text.
func findContainer(n string) (string, bool) {
	for i := 0; i+11 <= len(n); i++ {
		if ContainerValid(n[i : i+11]) {
			return n[i : i+11], true
		}
	}
	return "", false
}

// ContainerValid reports whether s (normalised: upper case, no spaces) is
// an ISO 6346 container number with a correct check digit: three letters
// of owner code, an equipment category letter (U, J, Z or R), six digits
// of serial number and the check digit.
func ContainerValid(s string) bool {
	if len(s) != 11 {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isUpper(s[i]) {
			return false
		}
	}
	if !strings.ContainsRune("UJZR", rune(s[3])) {
		return false
	}
	for i := 4; i < 11; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	sum := 0
	for i := 0; i < 10; i++ {
		v := int(s[i] - '0')
		if isUpper(s[i]) {
			v = containerLetter(s[i])
		}
		sum += v << i
	}
	return sum%11%10 == int(s[10]-'0')
}

// containerLetter is ISO 6346's value of a letter: A=10 upwards,
// skipping multiples of 11 (11, 22, 33).
func containerLetter(c byte) int {
	v := 10
	for l := byte('A'); l < c; l++ {
		v++
		if v%11 == 0 {
			v++
		}
	}
	return v
}

// AirWaybillValid reports whether s (normalised) is an IATA air waybill
// number: a 3-digit airline prefix and an 8-digit serial whose last digit
// is the first seven modulo 7.
func AirWaybillValid(s string) bool {
	if len(s) != 11 {
		return false
	}
	for i := 0; i < 11; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	serial := 0
	for i := 3; i < 10; i++ {
		serial = serial*10 + int(s[i]-'0')
	}
	return serial%7 == int(s[10]-'0')
}

// LooksLikeBL reports whether a cell's text (as written) has the shape of
// an ocean bill of lading — a 4-letter carrier or house prefix followed by
// 6 to 12 digits or letters with at least 6 digits ("MAEU123456789",
// "COSU6123456780", "HLCUHAM220612345") — or of an air waybill with a
// valid check digit ("020-12345675"). Container numbers (which have the
// same prefix shape) are not B/Ls.
func LooksLikeBL(s string) bool {
	n := NormalizeID(reconcile.FieldBillOfLading, s)
	if AirWaybillValid(n) && strings.ContainsAny(s, "- ") {
		return true
	}
	if len(n) < 10 || len(n) > 17 || containerShaped(n) {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isUpper(n[i]) {
			return false
		}
	}
	digits := 0
	for i := 4; i < len(n); i++ {
		switch {
		case isDigit(n[i]):
			digits++
		case isUpper(n[i]):
		default:
			return false // Cyrillic: not a carrier's number
		}
	}
	return digits >= 6 && isDigit(n[len(n)-1])
}

// containerShaped: 4 letters, the 4th an ISO 6346 category, then 7
// digits — a container number, valid or mistyped, not a B/L.
func containerShaped(n string) bool {
	if len(n) != 11 || !strings.ContainsRune("UJZR", rune(n[3])) {
		return false
	}
	for i := 0; i < 11; i++ {
		if i < 4 && !isUpper(n[i]) || i >= 4 && !isDigit(n[i]) {
			return false
		}
	}
	return true
}

// LooksLikeContainer reports whether a cell holds one or more ISO 6346
// container numbers with valid check digits, and nothing else.
func LooksLikeContainer(s string) bool {
	parts := SplitIDs(s)
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if !ContainerValid(NormalizeID(reconcile.FieldInvoice, p)) {
			return false
		}
	}
	return true
}

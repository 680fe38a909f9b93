package values

import "unicode/utf8"

// HSCode cleans an HS/TN VED code: keeps digits only, keeps leading zeros,
// accepts "8471.30.00", "8471 30 000 0", "8471-30"; a number cell that lost
// its leading zero (e.g. 7020000 for 0702000000) cannot be repaired and is
// returned as is. ok=false when fewer than 2 or more than 14 digits remain,
// and when the cell holds anything but digits and the separators space,
// NBSP, '.' and '-': a letter means the cell is a description or a number
// in exponent form ("8.4713E+9"), whose digits are lost, and "/", ";" or
// "," mean several codes in one cell ("8471/8473"), which must not be
// glued into one.
func HSCode(s string) (string, bool) {
	s = trimSpace(s)
	digits, clean := 0, true
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			i++
			continue
		case c == ' ' || c == '.' || c == '-':
			clean = false
			i++
			continue
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if isSpaceRune(r) {
				clean = false
				i += n
				continue
			}
		}
		return "", false
	}
	if digits < 2 || digits > 14 {
		return "", false
	}
	if clean {
		return s, true
	}
	var buf [14]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b = append(b, s[i])
		}
	}
	return string(b), true
}

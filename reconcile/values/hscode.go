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

// HSCodeRestore is HSCode for codes as spreadsheets and scripts damage
// them. Before cleaning it drops a leading apostrophe (Excel's "store as
// text" mark, '0306179100) and a trailing ".0" (pandas writes a code read
// as a float as 8517620009.0; only a single zero, since "2501.00" is
// heading 2501, subheading 00). After cleaning, a code with an odd number
// of digits that does not start with 0 lost its leading zero when a
// spreadsheet stored it as a number: 303540000 is 0303540000 (chapter 03,
// fish), not chapter 30 (pharmaceuticals). The zero is put back and
// restored is true, so the caller can flag the row.
//
// HS codes have 2, 4, 6, 8, 10 or 12 digits in the sources Tradecheck
// reads (HS 6, EU CN 8, TN VED/TARIC/UKTZED/HTS 10, Turkish GTİP 12). Odd
// lengths 3 to 11 are restored; an 11-digit code is a 12-digit GTİP that
// lost its zero. Known odd national lengths are the price: Japan's 9-digit
// statistical codes and Argentina's 11-digit SIM codes would be read as
// lost zeros, which is why every restored code is flagged, never silent.
// 13 and 14 digits (China's CIQ suffix) are left as written.
func HSCodeRestore(s string) (code string, restored, ok bool) {
	s = trimSpace(s)
	if len(s) > 0 && (s[0] == '\'' || s[0] == '`') {
		s = trimSpace(s[1:])
	} else if r, n := utf8.DecodeRuneInString(s); r == '‘' || r == '’' {
		s = trimSpace(s[n:])
	}
	if len(s) > 2 && s[len(s)-2:] == ".0" && allDigits(s[:len(s)-2]) {
		s = s[:len(s)-2]
	}
	if e, isExp, whole := ExponentInteger(s); isExp {
		if !whole {
			return "", false, false
		}
		s = e
	}
	code, ok = HSCode(s)
	if !ok {
		return "", false, false
	}
	if n := len(code); n%2 == 1 && n >= 3 && n <= 11 && code[0] != '0' {
		return "0" + code, true, true
	}
	return code, false, true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ExponentInteger reads a code a spreadsheet or script wrote as a float in
// exponent form ("8.8073e+09", "6.3079098E+07") back as its digits
// ("8807300000"), when the mantissa times the power of ten is a whole
// number of at most 14 digits: the digits written are then the code's,
// followed by zeros. isExp reports the exponent form; whole=false for
// one that is no whole number ("8.80735e+03"), whose digits are lost.
func ExponentInteger(s string) (digits string, isExp, whole bool) {
	var sc numScan
	if !scanNumber(s, &sc) || !sc.hasExp {
		return "", false, false
	}
	if sc.neg || sc.commas > 0 || sc.groups > 0 || sc.dots > 1 {
		return "", true, false
	}
	intPart := sc.s[sc.gs[0]:sc.ge[0]]
	frac := ""
	if sc.n == 2 {
		frac = sc.s[sc.gs[1]:sc.ge[1]]
	}
	m := intPart + frac
	for len(m) > 1 && m[0] == '0' {
		m = m[1:]
	}
	zeros := sc.exp - len(frac)
	if zeros < 0 {
		// Whole only when the digits dropped are zeros: "8.807300e+05".
		cut := len(m) + zeros
		if cut <= 0 || !allZero(m[cut:]) {
			return "", true, false
		}
		m, zeros = m[:cut], 0
	}
	if len(m)+zeros > 14 || m == "0" {
		return "", true, false
	}
	b := make([]byte, 0, len(m)+zeros)
	b = append(b, m...)
	for range zeros {
		b = append(b, '0')
	}
	return string(b), true, true
}

func allZero(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '0' {
			return false
		}
	}
	return true
}

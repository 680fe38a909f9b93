package screen

import (
	"regexp"
	"strings"
	"unicode"

	"tradecheck/reconcile/values"
)

// idLabels are the labels of identifiers that name one legal entity: tax
// and registration numbers. Gazette numbers, passports and SWIFT codes are
// left out: they do not identify a consignee on a customs record.
var idLabels = []string{
	"tax id", "tax identification", "taxpayer", "inn", "ogrn", "kpp", "registration", "registry", "register",
	"company number", "business number", "uscc", "credit code", "identification number", "enterprise number",
	"legal entity number", "certificate of incorporation", "ruc", "nit", "c.u.i.t", "cuit", "vat", "trade license",
	"chamber of commerce", "bin", "edrpou", "unp", "vkn", "tin", "imo",
}

func isIDLabel(label string) bool {
	l := strings.ToLower(label)
	for _, k := range idLabels {
		if len(k) <= 4 {
			// Short labels must stand as words: "INN", not "beginning".
			for _, w := range strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' }) {
				if strings.Trim(w, ".") == strings.Trim(k, ".") {
					return true
				}
			}
			continue
		}
		if strings.Contains(l, k) {
			return true
		}
	}
	return false
}

// labelEnd are the words an identifier's label ends with.
var labelEnd = map[string]bool{"no.": true, "no": true, "number": true, "id": true, "#": true, "nr.": true, "code": true,
	"(uscc)": true, "inn": true, "ogrn": true, "tin": true, "vkn": true, "no.:": true, "number:": true}

// countryTail matches "(Russia)" at the end of a remark segment.
var countryTail = regexp.MustCompile(`\(([^()]*)\)\s*\.?\s*$`)

// remarkIDs reads identifiers from OFAC-style remarks: segments separated
// by ";", each "Label value (Country)": "Tax ID No. 7831000122 (Russia);
// Registration ID 1027800000084 (Russia)". The value starts at the first
// word that holds a digit; "Unified Social Credit Code (USCC)
// 91440300MA5FGX5W6U (China)" keeps its bracketed label part.
func remarkIDs(s string) []ID {
	var out []ID
	for _, seg := range strings.Split(s, ";") {
		seg = strings.TrimSpace(seg)
		if seg == "" {
			continue
		}
		country := ""
		if m := countryTail.FindStringSubmatchIndex(seg); m != nil {
			inner := seg[m[2]:m[3]]
			if !strings.ContainsAny(inner, "0123456789") {
				country = strings.TrimSpace(inner)
				seg = strings.TrimSpace(seg[:m[0]])
			}
		}
		words := strings.Fields(seg)
		at := -1
		for i, w := range words {
			if strings.ContainsAny(w, "0123456789") {
				at = i
				break
			}
		}
		if at <= 0 {
			continue
		}
		// "Tax ID No. AABA 670850 Y": the value may start with letters;
		// the label ends at its last marker word.
		for i := at; i > 0; i-- {
			if labelEnd[strings.ToLower(words[i-1])] {
				at = i
				break
			}
		}
		label := strings.Join(words[:at], " ")
		if !isIDLabel(label) {
			continue
		}
		value := strings.TrimRight(strings.Join(words[at:], " "), ".,")
		if len(value) > 40 {
			continue // a sentence, not an identifier
		}
		out = append(out, ID{Label: label, Value: value, Country: country})
	}
	return out
}

// parenLabel matches "(Label):value" as the UK list writes other
// information: "(Business Reg No):1027700132195 (Tax Identification
// Number):7707083893".
var parenLabel = regexp.MustCompile(`\(([^()]{1,60})\)\s*:\s*([^()]*)`)

// parenIDs reads "(Label):value" identifiers.
func parenIDs(s string) []ID {
	var out []ID
	for _, m := range parenLabel.FindAllStringSubmatch(s, -1) {
		label, value := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		value = strings.TrimRight(value, ".,; ")
		if !isIDLabel(label) || !strings.ContainsAny(value, "0123456789") || len(value) > 40 {
			continue
		}
		out = append(out, ID{Label: label, Value: value})
	}
	return out
}

// normID is an identifier reduced to its capital letters and digits, the
// form two sources are compared in: "7707 083 893" = "7707083893".
func normID(v string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(v) {
		if (r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// usableID reports whether a normalised identifier is specific enough to
// be decisive: eight characters or more, five of them digits. Short
// numbers ("No. 1", a KPP-like 6 digits) collide between firms.
func usableID(n string) bool {
	if len(n) < 8 {
		return false
	}
	d := 0
	for i := 0; i < len(n); i++ {
		if n[i] >= '0' && n[i] <= '9' {
			d++
		}
	}
	return d >= 5
}

// isINN reports whether a normalised identifier is a Russian INN with
// valid check digits. Two different INNs are two different legal
// entities; other kinds of number are too mixed to say so.
func isINN(n string) bool { return values.ValidINN(n) }

// classifyBare labels an identifier that a list gives without a label
// (OpenSanctions' identifiers column): an INN by its check digits, an
// OGRN by its length and check digit, a Chinese USCC by its shape.
func classifyBare(v string) string {
	n := normID(v)
	switch {
	case isINN(n):
		return "INN"
	case (len(n) == 13 || len(n) == 15) && allDigits(n) && ogrnValid(n):
		return "OGRN"
	case len(n) == 18 && allDigits(n[:2]):
		return "USCC"
	}
	return "ID"
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ogrnValid checks an OGRN (13 digits, modulus 11) or OGRNIP (15 digits,
// modulus 13): the last digit is the rest of the others, last digit of
// the remainder.
func ogrnValid(n string) bool {
	mod := uint64(11)
	if len(n) == 15 {
		mod = 13
	}
	var v uint64
	for i := 0; i < len(n)-1; i++ {
		v = (v*10 + uint64(n[i]-'0')) % mod
	}
	return v%10 == uint64(n[len(n)-1]-'0')
}

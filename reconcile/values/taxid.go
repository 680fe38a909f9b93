package values

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TaxIDs is what SplitTaxIDs found glued to a name.
type TaxIDs struct {
	INN string // 10 or 12 digits
	KPP string // 9 digits
}

// ValidINN reports whether s is a Russian INN with correct check digits:
// 10 digits for organisations (one check digit), 12 for individuals (two).
// The first two digits are a region code and are never "00".
func ValidINN(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if len(s) < 2 || s[:2] == "00" {
		return false
	}
	check := func(n int, w []int) bool {
		sum := 0
		for i, k := range w {
			sum += k * int(s[i]-'0')
		}
		return sum%11%10 == int(s[n]-'0')
	}
	switch len(s) {
	case 10:
		return check(9, []int{2, 4, 10, 3, 5, 9, 4, 6, 8})
	case 12:
		return check(10, []int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) &&
			check(11, []int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8})
	}
	return false
}

// maxRuns bounds the digit runs SplitTaxIDs looks at; names carry few.
const maxRuns = 8

// span is a byte range [a, b) of the input.
type span struct{ a, b int }

// Label kinds.
const (
	labelINN = 1 << iota
	labelKPP
)

// label is "ИНН", "INN", "КПП", "KPP" or "ИНН/КПП" found as whole words.
type label struct {
	span
	kind int
}

// taxScan holds the digit runs and labels of one cell.
type taxScan struct {
	s      string
	runs   [maxRuns]span
	nruns  int
	labels [maxRuns]label
	nlab   int
}

// SplitTaxIDs splits identifiers glued to a name:
// "7722476458 772201001 OOO YATASH RUS" → name "OOO YATASH RUS", INN
// 7722476458, KPP 772201001. Also "ИНН 7722476458 ООО ...", "INN:
// 7722476458", "ИНН/КПП 7722476458/772201001 ...", a trailing "..., INN
// 7722476458", "7701234567/772201001 ..." and a number glued to the name
// ("7722476458OOO ROMASHKA").
//
// Precision first: a random 10-digit number must not become an INN.
//   - After an ИНН/INN label, any 10- or 12-digit run is the INN, even with
//     wrong check digits: the label says what it is, and typos in real
//     INNs are common. A run of another length stays in the name.
//   - Without a label, a 10- or 12-digit run is an INN only when its check
//     digits are right (ValidINN) and it stands at the start or the end of
//     the name (a 9-digit KPP may follow it). One 10-digit number in ten
//     passes the check by chance, so the position is required as well.
//     "7701234567 LTD" (bad check digit) stays as written.
//   - A KPP is a 9-digit run after a КПП/KPP label, or right after an INN
//     found as above, separated by spaces or "/".
//
// The name comes back with the identifiers and labels removed and the
// separators left at the cuts (",", "/", "-", ":", brackets) trimmed.
// When nothing is found the name is s unchanged.
func SplitTaxIDs(s string) (name string, ids TaxIDs) {
	var ts taxScan
	if !ts.scan(s) {
		return s, TaxIDs{}
	}
	var cuts [4]span
	nc := 0
	cut := func(sp span) {
		if nc < len(cuts) {
			cuts[nc] = sp
			nc++
		}
	}
	for li := 0; li < ts.nlab; li++ {
		l := ts.labels[li]
		r, ok := ts.runAfter(l.b, labelGap)
		if !ok {
			continue
		}
		n := r.b - r.a
		switch {
		case l.kind&labelINN != 0 && ids.INN == "" && (n == 10 || n == 12):
			ids.INN = s[r.a:r.b]
			end := r.b
			if k, ok := ts.runAfter(r.b, kppGap); ok && k.b-k.a == 9 && ids.KPP == "" {
				ids.KPP = s[k.a:k.b]
				end = k.b
			}
			cut(span{l.a, end})
		case l.kind == labelKPP && ids.KPP == "" && n == 9:
			ids.KPP = s[r.a:r.b]
			cut(span{l.a, r.b})
		}
	}
	if ids.INN == "" {
		if sp, inn, kpp, ok := ts.unlabelled(ids.KPP == ""); ok {
			ids.INN = inn
			if kpp != "" {
				ids.KPP = kpp
			}
			cut(sp)
		}
	}
	if nc == 0 {
		return s, TaxIDs{}
	}
	return cutSpans(s, cuts[:nc]), ids
}

// scan finds digit runs and labels; it reports false when the cell cannot
// hold a tax ID (no run of 9 or more digits), the common fast path.
func (ts *taxScan) scan(s string) bool {
	ts.s = s
	long := false
	for i := 0; i < len(s); {
		c := s[i]
		if c >= '0' && c <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j-i >= 9 {
				long = true
			}
			if ts.nruns < maxRuns {
				ts.runs[ts.nruns] = span{i, j}
				ts.nruns++
			}
			i = j
			continue
		}
		i++
	}
	if !long {
		return false
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		if k := labelKind(s[i:j]); k != 0 && ts.nlab < maxRuns {
			l := label{span{i, j}, k}
			// "ИНН/КПП", "INN / KPP": one label for both.
			if k == labelINN {
				if e, ok := pairedKPP(s, j); ok {
					l = label{span{i, e}, labelINN | labelKPP}
					j = e
				}
			}
			ts.labels[ts.nlab] = l
			ts.nlab++
		}
		i = j
	}
	return true
}

func labelKind(w string) int {
	switch {
	case strings.EqualFold(w, "инн"), strings.EqualFold(w, "inn"):
		return labelINN
	case strings.EqualFold(w, "кпп"), strings.EqualFold(w, "kpp"):
		return labelKPP
	}
	return 0
}

// pairedKPP sees whether "/КПП" follows an INN label at i and returns the
// end of the pair.
func pairedKPP(s string, i int) (int, bool) {
	j := skipSpaces(s, i)
	if j >= len(s) || s[j] != '/' {
		return 0, false
	}
	j = skipSpaces(s, j+1)
	e := j
	for e < len(s) {
		r, n := utf8.DecodeRuneInString(s[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += n
	}
	if labelKind(s[j:e]) != labelKPP {
		return 0, false
	}
	return e, true
}

func skipSpaces(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpaceRune(r) {
			break
		}
		i += n
	}
	return i
}

// Gap rules: what may stand between a label and its number, and between
// an INN and its KPP.
const (
	labelGap = ":№#-.= "
	kppGap   = "/ ,;"
)

// runAfter returns the digit run that starts at i after only gap
// characters (and spaces).
func (ts *taxScan) runAfter(i int, gap string) (span, bool) {
	s := ts.s
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= '0' && r <= '9' {
			break
		}
		if !isSpaceRune(r) && !strings.ContainsRune(gap, r) {
			return span{}, false
		}
		i += n
	}
	for k := 0; k < ts.nruns; k++ {
		if ts.runs[k].a == i {
			return ts.runs[k], true
		}
	}
	return span{}, false
}

// Separators that may surround an identifier at the edge of a name.
const (
	leadSeps  = ",;:/-–—|([№#"
	trailSeps = ",;:/-–—|)].»"
)

// onlySeps reports whether s holds nothing but spaces and chars from set.
func onlySeps(s, set string) bool {
	for _, r := range s {
		if !isSpaceRune(r) && !strings.ContainsRune(set, r) {
			return false
		}
	}
	return true
}

// unlabelled finds a checksum-valid INN at the start or end of the name,
// with a KPP after it when wantKPP.
func (ts *taxScan) unlabelled(wantKPP bool) (sp span, inn, kpp string, ok bool) {
	s := ts.s
	isINN := func(r span) bool {
		n := r.b - r.a
		return (n == 10 || n == 12) && ValidINN(s[r.a:r.b])
	}
	withKPP := func(r span) (span, string) {
		if !wantKPP {
			return r, ""
		}
		if k, ok := ts.runAfter(r.b, "/ "); ok && k.b-k.a == 9 {
			return span{r.a, k.b}, s[k.a:k.b]
		}
		return r, ""
	}
	if ts.nruns == 0 {
		return span{}, "", "", false
	}
	first := ts.runs[0]
	if isINN(first) && onlySeps(s[:first.a], leadSeps) {
		sp, kpp := withKPP(first)
		return sp, s[first.a:first.b], kpp, true
	}
	last := ts.runs[ts.nruns-1]
	if !onlySeps(s[last.b:], trailSeps) {
		return span{}, "", "", false
	}
	if isINN(last) {
		return last, s[last.a:last.b], "", true
	}
	if ts.nruns >= 2 && last.b-last.a == 9 {
		prev := ts.runs[ts.nruns-2]
		if sp, kpp := withKPP(prev); isINN(prev) && sp.b == last.b {
			return sp, s[prev.a:prev.b], kpp, true
		}
	}
	return span{}, "", "", false
}

// cutSpans removes the spans from s and trims the separators each cut
// leaves behind; what remains is joined with single spaces.
func cutSpans(s string, cuts []span) string {
	// Few spans: insertion sort keeps them in order.
	for i := 1; i < len(cuts); i++ {
		for j := i; j > 0 && cuts[j].a < cuts[j-1].a; j-- {
			cuts[j], cuts[j-1] = cuts[j-1], cuts[j]
		}
	}
	var b strings.Builder
	pos := 0
	for i := 0; i <= len(cuts); i++ {
		end := len(s)
		if i < len(cuts) {
			end = cuts[i].a
		}
		if end > pos {
			seg := s[pos:end]
			if i > 0 {
				seg = strings.TrimLeftFunc(seg, func(r rune) bool { return isSpaceRune(r) || strings.ContainsRune(trailSeps, r) })
			}
			if i < len(cuts) {
				seg = strings.TrimRightFunc(seg, func(r rune) bool { return isSpaceRune(r) || strings.ContainsRune(leadSeps, r) })
			}
			seg = trimSpace(seg)
			if seg != "" {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(seg)
			}
		}
		if i < len(cuts) && cuts[i].b > pos {
			pos = cuts[i].b
		}
	}
	return b.String()
}

// CleanTaxID tidies a tax ID cell: a trailing ".0" (a float written by
// pandas: 7722476458.0) is dropped. damaged is true for a number in
// scientific notation ("7.72346E+11"): a spreadsheet rounded it to a few
// digits, so the ID is lost and must never be used to match firms.
func CleanTaxID(s string) (id string, damaged bool) {
	s = trimSpace(s)
	if len(s) > 2 && s[len(s)-2:] == ".0" && allDigits(s[:len(s)-2]) {
		return s[:len(s)-2], false
	}
	if i := strings.IndexAny(s, "eE"); i > 0 && i < len(s)-1 {
		mant, exp := s[:i], strings.TrimLeft(s[i+1:], "+")
		m := strings.Replace(strings.Replace(mant, ".", "", 1), ",", "", 1)
		if allDigits(m) && allDigits(exp) {
			return s, true
		}
	}
	return s, false
}

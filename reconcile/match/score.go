package match

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"tradecheck/reconcile/names"
)

// profile is a name prepared for scoring.
type profile struct {
	// Read first for every candidate pair, next to each other so that
	// the early exits cost one cache line, not a walk into names.Name.
	distinct   bool   // n.Distinctive
	open       bool   // n.Open
	cut        bool   // may have been cut at TruncationWidth
	lastLatLen int    // length of the last core word as transliterated, -1 with no core
	legalMin   int    // length of the shortest legal-form token, -1 with none (gluedForm)
	nKeys      int    // len(n.Keys) (typoScore)
	nCore      int    // len(n.Core)
	hasAlt     bool   // a core word has a second key (n.AltCore)
	coreHash   uint64 // hash of the core keys: unequal hashes and no second keys mean unequal cores

	n          *names.Name
	tax        string
	weights    []float64 // per core token, by rarity
	masks      []uint32  // letterMask per core token
	generic    []bool    // names.IsGeneric per core token, looked up once, not per pair
	wsum       float64
	joined     string     // core keys without spaces
	flat       string     // Key of the core words written together: spacing ignored
	flatAcr    string     // the same by AcronymKey
	flatShort  bool       // a core word is an acronym or short word
	flatAll    string     // every word written together, legal forms included (flatKeys)
	altJoined  string     // joined with each word's second key (names.Name.AltCore) in place; "" if none
	skel       string     // schemeSkeleton: the core written together, schemes folded further
	ownLetters int        // letters of the core words that are not generic
	runeLen    int        // length of the name as written, trimmed
	alts       []*profile // second readings of a name written twice ("X (ALIAS)")
	latAlts    [][]string // per core word, the unit's other spellings of it as transliterated (unitSpellings); nil if none
	spelt      []spelling // the unit's other spellings with another flatAll (legal form elsewhere, spaced otherwise)
}

// spelling is one of a unit's spellings for the spacing check.
type spelling struct {
	n       *names.Name
	flatAll string
}

// TruncationWidth is the field width at which customs systems commonly cut
// names. A name of about this length may be the start of a longer one.
const TruncationWidth = 35

// weighter gives token weights from document frequencies over the names
// being clustered: rare words weigh much, generic ones little.
type weighter struct {
	df map[string]int
	n  int
}

func (w *weighter) weight(key string) float64 {
	if names.IsGeneric(key) {
		// A tenth of what a word in every unit but one would weigh: about
		// 1 over 100,000 names, and as small beside the rare words in a
		// run of forty names (a fixed 1 made SERVICE outweigh TEKHKRIM in
		// the samples, so TEKHKRIM-SERVICE never reached review).
		return max(0.1*math.Log(1+float64(w.n)), 0.05)
	}
	df := w.df[key]
	if df < 1 {
		df = 1
	}
	v := math.Log(1 + float64(w.n)/float64(df))
	if len(key) <= 2 {
		v *= 0.6 // initials and fragments carry less
	}
	return max(v, 0.3)
}

func newProfile(n *names.Name, tax string, w *weighter) *profile {
	p := &profile{n: n, tax: tax, distinct: n.Distinctive, open: n.Open, lastLatLen: -1, legalMin: -1, nKeys: len(n.Keys)}
	if len(n.CoreLat) > 0 {
		p.lastLatLen = len(n.CoreLat[len(n.CoreLat)-1])
	}
	for i, t := range n.Tokens {
		if n.Legal[i] && (p.legalMin < 0 || len(t) < p.legalMin) {
			p.legalMin = len(t)
		}
	}
	p.weights = make([]float64, len(n.Core))
	p.nCore = len(n.Core)
	h := fnv.New64a()
	for i, k := range n.Core {
		h.Write([]byte(k))
		h.Write([]byte{0})
		p.hasAlt = p.hasAlt || n.AltCore[i] != ""
	}
	p.coreHash = h.Sum64()
	p.masks = make([]uint32, len(n.Core))
	p.generic = make([]bool, len(n.Core))
	for i, k := range n.Core {
		p.masks[i] = letterMask(k)
		p.generic[i] = names.IsGeneric(k)
		if !p.generic[i] {
			p.ownLetters += len(n.CoreLat[i])
		}
		p.weights[i] = w.weight(k)
		p.wsum += p.weights[i]
	}
	p.joined = strings.Join(n.Core, "")
	p.flat, p.flatAcr, p.flatShort = flatKeys(n)
	p.flatAll = flatAll(n)
	p.altJoined = altJoined(n)
	p.skel = schemeSkeleton(n)
	p.runeLen = utf8.RuneCountInString(strings.TrimSpace(n.Original))
	p.cut = n.Cut
	for _, alt := range n.Alts {
		ap := newProfile(alt, "", w)
		ap.cut = false // a part of the name, not a name cut short
		p.alts = append(p.alts, ap)
	}
	return p
}

// indexable reports whether a profile can match anything on its name.
func (p *profile) indexable() bool {
	if p.n.Distinctive || p.n.Numbered {
		return true
	}
	for _, a := range p.alts {
		if a.n.Distinctive {
			return true
		}
	}
	return false
}

// scoreFast is scorePair without explanations, for candidate screening.
func scoreFast(a, b *profile) float64 {
	s, _ := scorePair(a, b, false)
	return s
}

// scoreAnchor is scoreFast without the skeleton rule (skeleton.go): a
// pair it puts in review is no evidence that two groups' anchors agree,
// so it must not let a name merge into a group whose core it only comes
// near that way (measured: it cost the alias lists 0.002 precision at L1).
func scoreAnchor(a, b *profile) float64 {
	s, _ := scoreVia(a, b, false, false)
	return s
}

// scorePair scores two profiles in [0,1], with reasons when explain is set.
// A name written twice ("X (ALIAS)") is also scored through each of its
// readings against the other name as a whole; the best score counts.
func scorePair(a, b *profile, explain bool) (float64, []string) {
	return scoreVia(a, b, explain, true)
}

// scoreVia is scorePair, with the skeleton rule only when skel is set.
func scoreVia(a, b *profile, explain, skel bool) (float64, []string) {
	if a.tax != "" && b.tax != "" {
		if a.tax == b.tax {
			return 1, []string{"same INN " + a.tax}
		}
		return 0, []string{"different INN " + a.tax + " / " + b.tax}
	}
	s, reasons := scoreNames(a, b, explain, skel)
	if s >= 0.99 {
		return s, reasons
	}
	try := func(x, y, alt *profile) {
		t, tr := scoreNames(x, y, explain, skel)
		if t > s {
			s, reasons = t, tr
			if explain {
				how := "one name written two ways, with and without brackets; read as %s"
				if alt.n.ScriptPart {
					how = "one name written in two scripts; read as %s"
				}
				reasons = append([]string{fmt.Sprintf(how, alt.n.Display())}, tr...)
			}
		}
	}
	for _, x := range a.alts {
		try(x, b, x)
	}
	for _, y := range b.alts {
		try(a, y, y)
	}
	// Readings are not compared with each other: "ALPHA (HONG KONG)" and
	// "ALPHA (SHENZHEN)" must not meet through their outsides, and two
	// names giving one bracketed name measured as costing more precision
	// (0.915 -> 0.912 on the variants) than the recall it brought.
	return s, reasons
}

// scoreNames scores two names, without tax IDs or second readings.
func scoreNames(a, b *profile, explain, skel bool) (float64, []string) {
	if !a.distinct || !b.distinct {
		if a.n.Numbered && b.n.Numbered && a.n.Class() == b.n.Class() && a.n.SeqKey() == b.n.SeqKey() {
			// Generic words and a number, all identical, legal class too
			// ("АО «Завод-2»" / "ZAVOD-2 JSC"); Zavod-1 never meets Zavod-2.
			if !explain {
				return 0.99, nil
			}
			return 0.99, []string{sameReason(a, b) + " (generic words, same number)"}
		}
		return 0, []string{"only legal form and generic words"}
	}
	if a.open || b.open {
		// A name that goes on past its last word matches only as the
		// start of a longer one.
		s, reasons := truncScore(a, b, explain)
		if ts, tr := truncScore(b, a, explain); ts > s {
			s, reasons = ts, tr
		}
		return s, reasons
	}
	s, reasons := nameScore(a, b, explain, skel)
	if ts, tr := typoScore(a, b, explain); ts > s {
		s, reasons = ts, tr
	}
	if ts, tr := truncScore(a, b, explain); ts > s {
		s, reasons = ts, tr
	}
	if ts, tr := truncScore(b, a, explain); ts > s {
		s, reasons = ts, tr
	}
	return s, reasons
}

// loneWordCap is the highest score of two names when one has a word the
// other lacks: below DefaultAutoThreshold, so such pairs go to review.
const loneWordCap = 0.88

func nameScore(a, b *profile, explain, skel bool) (score float64, reasonsOut []string) {
	var reasons []string
	var s float64
	switch {
	case sameCore(a, b):
		s = 0.99
		if explain {
			reasons = append(reasons, sameReason(a, b))
		}
	case a.joined == b.joined || sameFlat(a, b):
		// A space dropped or added (ANISOPRINTRUS / ANISOPRINT RUS):
		// the words written together fold as one word would. Only when
		// the number of words differs, so that initials keep their own
		// keys (MX / MKS would fold together as MXINTERNATIONAL).
		s = 0.97
		if explain {
			reasons = append(reasons, fmt.Sprintf("same letters, spaced differently: %s ~ %s", a.n.Display(), b.n.Display()))
		}
	default:
		tok, shared, lone, slip := tokenSim(a, b, explain)
		var skelD int
		skelOK := false
		if skel && tok < 0.9 {
			skelD, skelOK = skeletonNear(a, b)
		}
		if tok == 0 && !explain && !skelOK {
			return 0, nil
		}
		jw := jaroWinkler(a.joined, b.joined)
		s = 0.7*tok + 0.3*jw
		if skelOK && s < skelScore {
			s = skelScore
			if explain {
				defer func() { reasonsOut = append(reasonsOut, skeletonReason(a, b, skelD)) }()
			}
		}
		if slip != "" {
			s = min(s, loneWordCap)
			if explain {
				defer func() { reasonsOut = append(reasonsOut, slip) }()
			}
		}
		if lone != "" {
			// A word only one name has, even a generic one, is how
			// subsidiaries differ (ROSNEFT / ROSNEFT TRADING): review, not
			// an automatic merge.
			s = min(s, loneWordCap)
			if explain {
				defer func() { reasonsOut = append(reasonsOut, "word "+strings.ToUpper(lone)+" in one name only") }()
			}
		}
		if explain {
			reasons = append(reasons, fmt.Sprintf("Jaro-Winkler %.2f: %s ~ %s", jw, a.n.Display(), b.n.Display())+cutFormNote(a, b))
			if len(shared) > 0 {
				reasons = append(reasons, fmt.Sprintf("words %.2f: %s", tok, strings.Join(shared, ", ")))
			} else {
				reasons = append(reasons, "no shared words")
			}
		}
	}
	s, reasons = numberEvidence(a, b, s, reasons, explain)
	ca, cb := a.n.Class(), b.n.Class()
	if ca != "" && cb != "" && ca != cb && !(ca.Loose() && cb.Loose()) {
		// Different kinds of company (a limited company and a joint-stock
		// company, a state enterprise and a JSC, an FZE and an FZCO)
		// often share a name.
		pen := 0.10
		if ca.Family() != cb.Family() {
			pen = 0.15
		}
		s -= pen
		if explain {
			reasons = append(reasons, fmt.Sprintf("legal forms differ: %s / %s", ca, cb))
		}
	}
	return max(s, 0), reasons
}

func sameReason(a, b *profile) string {
	c := a.n.Class()
	if c == "" {
		c = b.n.Class()
	}
	r := "same after transliteration: " + a.n.Display()
	if c != "" {
		r = fmt.Sprintf("same after transliteration and legal form: %s / %s", a.n.Display(), c)
	}
	return r + cutFormNote(a, b) + spelledOut(a.n, b.n)
}

// cutFormNote says that a name was read as cut inside its legal form, so a
// merge that rests on it says so.
func cutFormNote(a, b *profile) string {
	if a.n.CutForm || b.n.CutForm {
		return fmt.Sprintf(" (cut at %d characters inside its legal form)", TruncationWidth)
	}
	return ""
}

// spelledOut names the short forms read as long words ("GEN = GENERAL")
// on either side, so a merge that rests on them says so.
func spelledOut(ns ...*names.Name) string {
	var all []string
	for _, n := range ns {
		for _, s := range n.SpelledOut() {
			if !slices.Contains(all, s) {
				all = append(all, s)
			}
		}
	}
	if len(all) == 0 {
		return ""
	}
	return " (" + strings.Join(all, ", ") + ")"
}

// numberEvidence: a differing number (Zavod-1 / Zavod-2) is strong
// evidence of different firms; a number on one side only is weak evidence.
func numberEvidence(a, b *profile, s float64, reasons []string, explain bool) (float64, []string) {
	na, nb := a.n.Numbers, b.n.Numbers
	switch {
	case len(na) == 0 && len(nb) == 0:
	case len(na) > 0 && len(nb) > 0:
		if !sameSet(na, nb) {
			if !explain {
				return min(s, 0.3), nil
			}
			reasons = append(reasons, fmt.Sprintf("different numbers: %s / %s", strings.Join(na, " "), strings.Join(nb, " ")))
			return min(s, 0.3), reasons
		}
	default:
		one := na
		if len(one) == 0 {
			one = nb
		}
		if explain {
			reasons = append(reasons, "number "+strings.Join(one, " ")+" in one name only")
		}
		s -= 0.1
	}
	return s, reasons
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x := slices.Clone(a)
	y := slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// tokenSim is a rarity-weighted soft token overlap, symmetric. A token
// matches another with an equal key, or within one edit (two for long
// words) when both have at least five letters.
func tokenSim(a, b *profile, explain bool) (float64, []string, string, string) {
	var shared []string
	lone, slip := "", ""
	// When a distinctive word agrees exactly, a one-letter slip in another
	// word of five letters or more is tolerated; otherwise words need seven.
	minLen := 7
anchor:
	for i, k := range a.n.Core {
		if a.generic[i] || len(k) < 3 {
			continue
		}
		for j := range b.n.Core {
			if sameWord(a.n, i, b.n, j) {
				minLen = 5
				break anchor
			}
		}
	}
	side := func(x, y *profile, record bool) float64 {
		if x.wsum == 0 {
			return 0
		}
		var got float64
		for i, k := range x.n.Core {
			best := 0.0
			bj := -1
			doubt := false
			for j, l := range y.n.Core {
				if sameWord(x.n, i, y.n, j) {
					best, bj = 1, j
					break
				}
				if bits.OnesCount32(x.masks[i]^y.masks[j]) > 4 {
					continue // more than two edits apart
				}
				v, d := tokenMatch(k, l, x.n.CoreLat[i], y.n.CoreLat[j], minLen)
				if v == 0 && (x.latAlts != nil || y.latAlts != nil) {
					v, d = otherSpellings(x, i, y, j, minLen)
				}
				if v > best {
					best, bj, doubt = v, j, d
				}
			}
			if best > 0 && best < 1 && slip == "" {
				if !x.generic[i] {
					slip = slipDoubt(k, y.n.Core[bj], x.n.CoreLat[i], y.n.CoreLat[bj])
				}
				if slip == "" && doubt {
					slip = shortSlip(x.n.CoreLat[i], y.n.CoreLat[bj])
				}
			}
			if best == 0 && k == groupKey && beforeForm(x.n, k) {
				// "Group" before a legal form is how Chinese firms render
				// 集团 in 集团有限公司, and they write it or leave it out
				// from one document to the next: CHINA NORTH INDUSTRIES
				// CORP. is CHINA NORTH INDUSTRIES GROUP CORPORATION
				// LIMITED. A name ending in GROUP alone keeps the word.
				best = 1
			}
			got += x.weights[i] * best
			if best == 0 && lone == "" {
				lone = x.n.CoreLat[i] // upper-cased for the reasons only
			}
			if record && bj >= 0 && best > 0 && !x.generic[i] {
				shared = append(shared, strings.ToUpper(x.n.CoreLat[i]))
			}
		}
		return got / x.wsum
	}
	sa := side(a, b, explain)
	sb := side(b, a, false)
	// The worse side counts: a rare word that only one name has ("ALFA" /
	// "ALFA BANK") is evidence of a different firm.
	return min(sa, sb), shared, lone, slip
}

var groupKey = names.Key("group")

// sameWord reports whether core word i of a and word j of b are one word:
// the same key, or the same when a c before e/i/y is read as Ц in either
// (CENTR / TSENTR / CZENTR, AVIACIONNIE / AVIATSIONNYE) — Key reads it as
// k, which Latin words need (CEMENT, CITY), so the Ц reading is a second
// key (names.SoftC).
func sameWord(a *names.Name, i int, b *names.Name, j int) bool {
	k, l := a.Core[i], b.Core[j]
	if k == l {
		return true
	}
	ak, bl := a.AltCore[i], b.AltCore[j]
	return ak != "" && (ak == l || ak == bl) || bl != "" && bl == k
}

// sameCore is coreEqual, first on the profiles' lengths and hashes: most
// candidate pairs differ there, without a walk into the names.
func sameCore(a, b *profile) bool {
	if a.nCore != b.nCore || !a.hasAlt && !b.hasAlt && a.coreHash != b.coreHash {
		return false
	}
	return coreEqual(a.n, b.n)
}

// coreEqual reports whether two names have the same core words in order,
// with sameWord.
func coreEqual(a, b *names.Name) bool {
	if len(a.Core) != len(b.Core) {
		return false
	}
	for i := range a.Core {
		if !sameWord(a, i, b, i) {
			return false
		}
	}
	return true
}

// beforeForm reports whether key k stands in n directly before a legal form.
func beforeForm(n *names.Name, k string) bool {
	for j := 0; j+1 < len(n.Keys); j++ {
		if n.Keys[j] == k && !n.Legal[j] && n.Legal[j+1] {
			return true
		}
	}
	return false
}

// Explain scores two mentions on their own, with the reasons, as the
// clustering would before its core checks: for "why (not) merged?" in the
// app. Word rarity is unknown outside a run, so every word weighs the same
// except generic ones; scores inside Cluster can differ slightly.
func Explain(a, b Mention) (float64, []string) {
	w := &weighter{df: map[string]int{}, n: 1000}
	pa := newProfile(names.Analyze(a.Name), taxOf(a), w)
	pb := newProfile(names.Analyze(b.Name), taxOf(b), w)
	return scorePair(pa, pb, true)
}

func taxOf(m Mention) string {
	if t := strings.TrimSpace(m.TaxID); t != "" {
		return t
	}
	return names.Analyze(m.Name).TaxID
}

// maxSpellings bounds the other spellings of a word kept per unit.
const maxSpellings = 3

// unitSpellings are, per core word of the unit's face, the other ways its
// mentions write that word (transliterated), or nil when they all write
// it alike. A unit's mentions share their keys, not their letters: when
// the face is a spelling with a slip that keys away (AGROOROZKVIT keys as
// AGROROZKVIT), a third spelling one slip from the others
// (AGROROKZVIT) is judged on the letters of each, not of the face alone.
func unitSpellings(face *names.Name, members []*names.Name) [][]string {
	var out [][]string
	for _, m := range members {
		if m == face || len(m.CoreLat) != len(face.CoreLat) {
			continue
		}
		for i, w := range m.CoreLat {
			if w == face.CoreLat[i] {
				continue
			}
			if out == nil {
				out = make([][]string, len(face.CoreLat))
			}
			if len(out[i]) < maxSpellings && !slices.Contains(out[i], w) {
				out[i] = append(out[i], w)
			}
		}
	}
	return out
}

// unitFlats are the unit's spellings whose letters, legal form included,
// run otherwise than the face's (RADIANT EK AO beside the face AO RADIANT
// EK): a name spaced otherwise (RADIANT EKAO) has the letters of one of
// them, not necessarily of the face. At most maxSpellings.
func unitFlats(face *profile, members []*names.Name) []spelling {
	var out []spelling
	for _, m := range members {
		if m == face.n || len(out) >= maxSpellings || slices.Equal(m.Tokens, face.n.Tokens) {
			continue
		}
		f := flatAll(m)
		if f == face.flatAll || slices.ContainsFunc(out, func(s spelling) bool { return s.flatAll == f }) {
			continue
		}
		out = append(out, spelling{m, f})
	}
	return out
}

// otherSpellings is tokenMatch of word i of x and word j of y on every
// pair of their units' spellings but the faces' own (already tried).
func otherSpellings(x *profile, i int, y *profile, j int, minLen int) (float64, bool) {
	xs := []string{x.n.CoreLat[i]}
	if x.latAlts != nil {
		xs = append(xs, x.latAlts[i]...)
	}
	ys := []string{y.n.CoreLat[j]}
	if y.latAlts != nil {
		ys = append(ys, y.latAlts[j]...)
	}
	best, doubt := 0.0, false
	for a, kw := range xs {
		for b, lw := range ys {
			if a == 0 && b == 0 {
				continue
			}
			if v, d := tokenMatch(x.n.Core[i], y.n.Core[j], kw, lw, minLen); v > best {
				best, doubt = v, d
			}
		}
	}
	return best, doubt
}

package screen

import (
	"context"
	"math/rand/v2"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Synthetic customs-like names for the benchmark: made-up words of two
// to four syllables, so that most firms have names of their own, plus
// common roots that many names share as words (NEFT, GAZ, PROM, STROY,
// AVIA …, as real lists do), generic words, numbers and legal forms.
var (
	benchSyll  = []string{"tek", "krim", "ros", "ne", "gaz", "pro", "stroi", "mash", "av", "sib", "ur", "vol", "don", "kub", "bal", "nor", "yug", "vo", "al", "om", "sig", "star", "lin", "mar", "ko", "ra", "ni", "to", "vi", "sa", "lu", "me", "ka", "zo", "pe", "ri", "hua", "wei", "xin", "lo", "feng", "tai", "an", "sel", "dor", "gor", "mir", "tel", "kom", "tex", "bu", "da", "fa", "ga", "ha", "ja", "la", "pa", "ta", "va", "be", "de", "fe", "ge", "le", "re", "se", "te", "ve", "ze", "bi", "di", "fi", "gi", "li", "mi", "si", "ti", "zi", "bo", "do", "fo", "go", "mo", "no", "po", "so", "ro", "ku", "mu", "nu", "pu", "ru", "su", "tu", "zu", "ar", "er", "ir", "or", "ur", "ax", "ex", "ix", "ox", "ux", "ant", "ent", "ink", "ons", "usk", "alt", "elm", "orn", "ust", "ovo"}
	benchRoots = []string{"NEFT", "GAZ", "PROM", "STROY", "AVIA", "TEKH", "BANK", "TRANS", "ENERGO", "MASH", "AGRO", "METALL", "KHIM", "ELEKTRO", "SIB", "URAL", "VOLGA", "BALTIK", "NORD", "VOSTOK"}
	benchWords = []string{"TRADING", "GROUP", "INTERNATIONAL", "LOGISTICS", "INDUSTRIAL", "ZAVOD", "HOLDING", "IMPORT", "EXPORT", "TECHNOLOGY", "SERVICE", "ENGINEERING"}
	benchForms = []string{"OOO", "LLC", "LTD", "CO., LTD.", "JSC", "AO", "FZE", "LTD. ŞTİ.", "GmbH", "", "ООО", "ЗАО", "PJSC"}
)

func benchWord(rng *rand.Rand) string {
	var b strings.Builder
	for i, n := 0, 2+rng.IntN(3); i < n; i++ {
		b.WriteString(benchSyll[rng.IntN(len(benchSyll))])
	}
	return strings.ToUpper(b.String())
}

func benchCore(rng *rand.Rand) string {
	parts := []string{benchWord(rng)}
	switch rng.IntN(5) {
	case 0:
		parts = append(parts, benchWord(rng))
	case 1:
		parts = append(parts, benchRoots[rng.IntN(len(benchRoots))])
	}
	if rng.IntN(3) == 0 {
		parts = append(parts, benchWords[rng.IntN(len(benchWords))])
	}
	if rng.IntN(8) == 0 {
		parts = append(parts, strconv.Itoa(1+rng.IntN(20)))
	}
	return strings.Join(parts, " ")
}

func withForm(rng *rand.Rand, core string) string {
	f := benchForms[rng.IntN(len(benchForms))]
	if rng.IntN(2) == 0 {
		return strings.TrimSpace(f + " " + core)
	}
	return strings.TrimSpace(core + " " + f)
}

// benchLists makes one list of n organisations, each with one to three
// names, and some persons and vessels that are not screened.
func benchLists(n int, seed uint64) (*List, []string) {
	rng := rand.New(rand.NewPCG(seed, 7))
	l := &List{Source: SourceOpenSanctions, Name: "bench"}
	var cores []string
	for i := 0; i < n; i++ {
		core := benchCore(rng)
		cores = append(cores, core)
		e := Entry{ID: "B" + strconv.Itoa(i), Kind: KindOrganization}
		e.addName(withForm(rng, core), "primary")
		for k := rng.IntN(3); k > 0; k-- {
			e.addName(withForm(rng, core), "aka")
		}
		if rng.IntN(10) == 0 {
			e.IDs = []ID{{Label: "INN", Value: strconv.Itoa(7700000000 + i)}}
		}
		if rng.IntN(10) == 0 {
			e.Kind = KindPerson
		}
		l.Entries = append(l.Entries, e)
	}
	return l, cores
}

// benchQueries makes n names as written on customs records: one in thirty
// a spelling of a listed firm (another legal form, lower case, a typo),
// the rest other firms built from the same syllables.
func benchQueries(n int, cores []string, seed uint64) []Query {
	rng := rand.New(rand.NewPCG(seed, 11))
	qs := make([]Query, n)
	for i := range qs {
		var name string
		if rng.IntN(30) == 0 {
			core := cores[rng.IntN(len(cores))]
			name = withForm(rng, core)
			switch rng.IntN(3) {
			case 0:
				name = strings.ToLower(name)
			case 1:
				if r := []rune(name); len(r) > 6 {
					j := 3 + rng.IntN(len(r)-4)
					name = string(r[:j]) + string(r[j+1:])
				}
			}
		} else {
			name = withForm(rng, benchCore(rng))
		}
		role := "consignee"
		if i%2 == 1 {
			role = "shipper"
		}
		qs[i] = Query{Key: "E-" + strconv.Itoa(i), Name: name, Role: role}
	}
	return qs
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScreen100k screens 100,000 names against a 20,000-entry list
// (index built inside the timing). Target: 30 s or less on 2 cores. It
// reports wall and CPU seconds per run, since the wall time of a shared
// machine says little on its own.
func BenchmarkScreen100k(b *testing.B) {
	l, cores := benchLists(20000, 1)
	qs := benchQueries(100000, cores, 2)
	b.ResetTimer()
	var hits, listed int
	var cpu, index time.Duration
	for i := 0; i < b.N; i++ {
		c0 := cpuTime()
		t0 := time.Now()
		x := NewIndex([]*List{l})
		index += time.Since(t0)
		res, err := x.Screen(context.Background(), qs, Options{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c0
		hits = len(res.Hits)
		listed = len(Listed(res.Hits))
	}
	b.ReportMetric(float64(cpu.Seconds())/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(index.Seconds())/float64(b.N), "index-s/op")
	b.ReportMetric(float64(hits), "hits")
	b.ReportMetric(float64(listed), "listed-parties")
}

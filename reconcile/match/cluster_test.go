package match

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tradecheck/reconcile/names"
)

// loadBlocks reads testdata/clusters.txt: blocks of names that must form
// exactly one entity each.
func loadBlocks(t testing.TB) ([]Mention, [][]int) {
	t.Helper()
	f, err := os.Open("testdata/clusters.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ms []Mention
	var blocks [][]int
	var cur []int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.TrimSpace(line) == "":
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
		default:
			name, tax, _ := strings.Cut(line, "\t")
			cur = append(cur, len(ms))
			ms = append(ms, Mention{Name: name, TaxID: tax, Role: Consignee, Count: 1})
		}
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return ms, blocks
}

func TestClusterFixtures(t *testing.T) {
	t.Parallel()
	ms, blocks := loadBlocks(t)
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks {
		t.Run(ms[b[0]].Name, func(t *testing.T) {
			e := res.EntityOf[b[0]]
			for _, m := range b[1:] {
				if res.EntityOf[m] != e {
					t.Errorf("%q is in entity %q, want with %q in %q", ms[m].Name, res.Entities[res.EntityOf[m]].Canonical, ms[b[0]].Name, res.Entities[e].Canonical)
				}
			}
			if got, want := len(res.Entities[e].Members), len(b); got != want {
				var names []string
				for _, m := range res.Entities[e].Members {
					names = append(names, ms[m].Name)
				}
				t.Errorf("entity of %q has %d members %q, want %d", ms[b[0]].Name, got, names, want)
			}
		})
	}
}

func TestEveryMemberHasAReason(t *testing.T) {
	t.Parallel()
	ms, _ := loadBlocks(t)
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := make([]bool, len(ms))
	for _, e := range res.Entities {
		if len(e.Reasons) != len(e.Members) || len(e.Scores) != len(e.Members) {
			t.Fatalf("entity %s: %d members, %d reasons, %d scores", e.ID, len(e.Members), len(e.Reasons), len(e.Scores))
		}
		if e.Reasons[0] != "core" {
			t.Errorf("entity %s: first reason %q, want core", e.ID, e.Reasons[0])
		}
		for k, m := range e.Members {
			seen[m] = true
			if k > 0 && strings.TrimSpace(e.Reasons[k]) == "" {
				t.Errorf("entity %s member %q has no reason", e.ID, ms[m].Name)
			}
		}
	}
	for i, ok := range seen {
		if !ok {
			t.Errorf("mention %q is in no entity", ms[i].Name)
		}
	}
}

func TestReasonsWording(t *testing.T) {
	t.Parallel()
	ms := []Mention{
		{Name: "OOO TEKHKRIM", Count: 3}, {Name: "ООО «Техкрим»", Count: 1},
		{Name: "TEKHKRIN LLC", Count: 1},
		{Name: "ROMASHKA", TaxID: "7736050003"}, {Name: "ZVEZDA", TaxID: "7736050003"},
	}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	reason := func(i int) string {
		e := res.Entities[res.EntityOf[i]]
		return e.Reasons[slices.Index(e.Members, i)]
	}
	tests := []struct {
		name string
		m    int
		want string
	}{
		{"transliteration", 1, "same after transliteration and legal form: TEKHKRIM / LLC"},
		{"typo", 2, `^one word differs by a letter: TEKHKRIN ~ TEKHKRIM|^Jaro-Winkler 0\.\d\d: `},
		{"tax id", 4, "same INN 7736050003"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := reason(tt.m)
			if got == "core" {
				// the other member is core; look at the pair partner
				got = reason(tt.m - 1)
			}
			if !regexp.MustCompile(tt.want).MatchString(got) && !strings.Contains(got, tt.want) {
				t.Errorf("reason for %q = %q, want %q", ms[tt.m].Name, got, tt.want)
			}
		})
	}
}

// A~B and B~C must not put A with C when A and C do not match: B links
// to both by one letter, A and C are two letters apart.
func TestNoChaining(t *testing.T) {
	t.Parallel()
	ms := []Mention{
		{Name: "ROSTEKHMASH LLC", Count: 5},
		{Name: "ROSTEKHMAST LLC", Count: 1},
		{Name: "ROSTEKHMAKT LLC", Count: 5},
	}
	w := &weighter{df: map[string]int{}, n: 3}
	pa := newProfile(names.Analyze(ms[0].Name), "", w)
	pb := newProfile(names.Analyze(ms[1].Name), "", w)
	pc := newProfile(names.Analyze(ms[2].Name), "", w)
	if s := scoreFast(pa, pb); s < DefaultAutoThreshold {
		t.Fatalf("fixture: A~B scores %.2f, want a match", s)
	}
	if s := scoreFast(pb, pc); s < DefaultAutoThreshold {
		t.Fatalf("fixture: B~C scores %.2f, want a match", s)
	}
	if s := scoreFast(pa, pc); s >= DefaultReviewThreshold {
		t.Fatalf("fixture: A~C scores %.2f, want no match", s)
	}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntityOf[0] == res.EntityOf[2] {
		t.Errorf("%q and %q ended in one entity through %q", ms[0].Name, ms[2].Name, ms[1].Name)
	}
	if len(res.Review) == 0 {
		t.Errorf("the blocked link should be in the review list")
	}
}

func TestDifferentTaxIDsNeverMerge(t *testing.T) {
	t.Parallel()
	ms := []Mention{
		{Name: "OOO TEKHKRIM", TaxID: "7707083893"},
		{Name: "OOO TEKHKRIM", TaxID: "7736050003", Role: Shipper},
	}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntityOf[0] == res.EntityOf[1] {
		t.Errorf("same name with INN %s and %s merged, want apart", ms[0].TaxID, ms[1].TaxID)
	}
}

func TestAmbiguousNameGoesToReview(t *testing.T) {
	t.Parallel()
	ms := []Mention{
		{Name: "OOO TEKHKRIM", TaxID: "7707083893"},
		{Name: "TEKHKRIM LLC", TaxID: "7736050003"},
		{Name: "TEKHKRIM"},
	}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntityOf[2] == res.EntityOf[0] || res.EntityOf[2] == res.EntityOf[1] {
		t.Errorf("%q without INN joined one of two firms with different INNs, want it alone", ms[2].Name)
	}
	found := false
	for _, p := range res.Review {
		if p.A == 2 || p.B == 2 {
			found = true
		}
	}
	if !found {
		t.Errorf("no review pair for %q; review = %v", ms[2].Name, res.Review)
	}
}

func TestDeterministicAcrossInputOrder(t *testing.T) {
	t.Parallel()
	ms, _ := loadBlocks(t)
	a, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rev := slices.Clone(ms)
	slices.Reverse(rev)
	b, err := Cluster(context.Background(), rev, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ms {
		j := len(ms) - 1 - i
		ea, eb := a.Entities[a.EntityOf[i]], b.Entities[b.EntityOf[j]]
		if ea.ID != eb.ID || ea.Canonical != eb.Canonical {
			t.Errorf("%q: forward %s %q, reversed %s %q", ms[i].Name, ea.ID, ea.Canonical, eb.ID, eb.Canonical)
		}
	}
}

var excelUnsafe = regexp.MustCompile(`^[0-9]+$|^[0-9]+[eE][0-9]+$|^[0-9.,:/-]+$`)

func TestEntityIDsExcelSafe(t *testing.T) {
	t.Parallel()
	ms, _ := loadBlocks(t)
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	format := regexp.MustCompile(`^E-[0-9A-F]{6,}$`)
	for _, e := range res.Entities {
		if !format.MatchString(e.ID) || excelUnsafe.MatchString(e.ID) {
			t.Errorf("entity ID %q, want E- and hex digits", e.ID)
		}
		if ids[e.ID] {
			t.Errorf("entity ID %q used twice", e.ID)
		}
		ids[e.ID] = true
	}
	for i := 0; i < 5000; i++ {
		id := entityID(fmt.Sprint("anchor", i), 0)
		if excelUnsafe.MatchString(id) || !format.MatchString(id) {
			t.Fatalf("entityID = %q, not Excel-safe", id)
		}
	}
}

func TestCanonicalPrefersFrequentLatin(t *testing.T) {
	t.Parallel()
	ms := []Mention{
		{Name: "ООО «Техкрим»", Count: 50},
		{Name: "OOO TEKHKRIM", Count: 3},
		{Name: "Tekhkrim LLC", Count: 7},
	}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Entities[res.EntityOf[0]].Canonical; got != "Tekhkrim LLC" {
		t.Errorf("canonical = %q, want %q", got, "Tekhkrim LLC")
	}
}

// A firm's face is its name spelled out, not a vendor's abbreviations,
// even when the abbreviated spelling is on more rows.
func TestCanonicalPrefersSpelledOut(t *testing.T) {
	t.Parallel()
	ms := []Mention{
		{Name: "BARAKA STEEL GEN. TRDG L.L.C", Count: 9},
		{Name: "BARAKA STEEL GENERAL TRADING LLC", Count: 2},
	}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntityOf[0] != res.EntityOf[1] {
		t.Fatalf("the two spellings are not one entity")
	}
	if got := res.Entities[res.EntityOf[0]].Canonical; got != "BARAKA STEEL GENERAL TRADING LLC" {
		t.Errorf("canonical = %q, want the spelled-out name", got)
	}
}

func TestCanonicalWithoutGluedINN(t *testing.T) {
	t.Parallel()
	ms := []Mention{{Name: "7707083893 LTD «TECHKRIM»", Count: 9}, {Name: "ООО «Техкрим»", Count: 1}}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Entities[res.EntityOf[0]].Canonical; got != "LTD «TECHKRIM»" {
		t.Errorf("canonical = %q, want %q", got, "LTD «TECHKRIM»")
	}
}

// With equal counts, a spelling that still carries an identifier the
// splitter did not trust (a mistyped INN) is not the one shown.
func TestCanonicalAvoidsUnsplitID(t *testing.T) {
	t.Parallel()
	ms := []Mention{{Name: "7701234567 LTD «TECHKRIM»", Count: 1}, {Name: "OOO TEKHKRIM", Count: 1}}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntityOf[0] != res.EntityOf[1] {
		t.Fatalf("fixture: %q and %q should be one entity", ms[0].Name, ms[1].Name)
	}
	if got := res.Entities[res.EntityOf[0]].Canonical; got != "OOO TEKHKRIM" {
		t.Errorf("canonical = %q, want %q", got, "OOO TEKHKRIM")
	}
}

func TestClusterOptionsAndCancel(t *testing.T) {
	t.Parallel()
	ms, _ := loadBlocks(t)
	if _, err := Cluster(context.Background(), ms, nil, Options{AutoThreshold: 0.5, ReviewThreshold: 0.9}, nil); !errors.Is(err, ErrBadOptions) {
		t.Errorf("review above auto: err = %v, want ErrBadOptions", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Cluster(ctx, ms, nil, Options{}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled context: err = %v, want context.Canceled", err)
	}
	var last, total int
	if _, err := Cluster(context.Background(), ms, nil, Options{}, func(d, t int) { last, total = d, t }); err != nil {
		t.Fatal(err)
	}
	if total == 0 || last != total {
		t.Errorf("progress ended at %d/%d, want done == total > 0", last, total)
	}
}

func TestEmptyInput(t *testing.T) {
	t.Parallel()
	res, err := Cluster(context.Background(), nil, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entities) != 0 {
		t.Errorf("got %d entities for no mentions", len(res.Entities))
	}
	res, err = Cluster(context.Background(), []Mention{{Name: ""}, {Name: "   "}}, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.EntityOf) != 2 {
		t.Errorf("EntityOf has %d entries, want 2", len(res.EntityOf))
	}
}

// A firm known by its INN under two names (a short one and a long one)
// takes in the same names written without the INN, even when those are
// the most frequent spelling. The tax-ID units used to be dropped as
// anchors when a more frequent name won the core.
func TestNamesJoinTheirFirmsINNGroup(t *testing.T) {
	t.Parallel()
	ms := []Mention{
		{Name: "AO KRASNOMASHZAVOD", Count: 9},
		{Name: "Joint Stock Company Krasnoyarsk Machine Plant", Count: 20},
		{Name: "AO KRASNOMASHZAVOD, INN 7707083893", Count: 1},
		{Name: "Joint Stock Company Krasnoyarsk Machine Plant, INN 7707083893", Count: 1},
		{Name: "ПАО Красномашзавод", Count: 4},
	}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ms {
		if res.EntityOf[i] != res.EntityOf[0] {
			t.Errorf("%q is in entity %d, want %d with %q", ms[i].Name, res.EntityOf[i], res.EntityOf[0], ms[0].Name)
		}
	}
}

// A word only one name has, even a generic one, is how a subsidiary is
// named: the pair goes to review, also in a run of a few names, where
// rarity weights are small (a fixed weight for generic words used to
// outweigh the shared name there and hide the pair).
func TestSubsidiaryGoesToReview(t *testing.T) {
	t.Parallel()
	ms := []Mention{{Name: "TEKHKRIM-SERVICE LLC", Count: 29}, {Name: "OOO TEKHKRIM", Count: 5}}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntityOf[0] == res.EntityOf[1] {
		t.Fatalf("%q and %q merged, want apart", ms[0].Name, ms[1].Name)
	}
	if len(res.Review) != 1 {
		t.Fatalf("review = %v, want the pair", res.Review)
	}
	if why := strings.Join(res.Review[0].Reasons, "; "); !strings.Contains(why, "SERVICE in one name only") {
		t.Errorf("review reasons %q do not say which word differs", why)
	}
}

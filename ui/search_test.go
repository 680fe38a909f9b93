package ui

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/pipeline"
)

// namesResult builds a result holding only names: mention i belongs to
// entity entityOf[i].
func namesResult(names []string, entityOf []int) *pipeline.Result {
	r := &match.Result{EntityOf: entityOf}
	n := 0
	for i, name := range names {
		r.Mentions = append(r.Mentions, match.Mention{Name: name, Role: match.Consignee, Count: 1})
		if entityOf[i]+1 > n {
			n = entityOf[i] + 1
		}
	}
	r.Entities = make([]match.Entity, n)
	for i, e := range entityOf {
		r.Entities[e].Members = append(r.Entities[e].Members, i)
		if r.Entities[e].Canonical == "" {
			r.Entities[e].Canonical = names[i]
			r.Entities[e].ID = fmt.Sprintf("E-%06d", e)
		}
	}
	return &pipeline.Result{Names: r}
}

func TestEntitySearch(t *testing.T) {
	res := namesResult(
		[]string{"OOO TEKHKRIM", "ООО «Техкрим»", "TEHKRIM LLC", "TEKHKRIM-SERVICE LLC", "TEKHKOM LLC", "ZAVOD-1 JSC"},
		[]int{0, 0, 0, 1, 2, 3})
	s, err := newEntitySearch(context.Background(), res)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		query      string
		wantFirst  int // entity
		wantAbsent int
	}{
		{"latin finds the firm", "tekhkrim", 0, 3},
		{"cyrillic query", "Техкрим", 0, 3},
		{"typo-free prefix", "zavod", 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := s.search(tt.query, 10)
			if len(hits) == 0 {
				t.Fatalf("no hits for %q", tt.query)
			}
			if hits[0].Entity != tt.wantFirst {
				t.Errorf("first hit: got entity %d (%q), want %d", hits[0].Entity, hits[0].Text, tt.wantFirst)
			}
			seen := map[int]bool{}
			for _, h := range hits {
				if seen[h.Entity] {
					t.Errorf("entity %d listed twice", h.Entity)
				}
				seen[h.Entity] = true
				if h.Entity == tt.wantAbsent {
					t.Errorf("entity %d should not match %q, got hit %q", tt.wantAbsent, tt.query, h.Text)
				}
			}
		})
	}
	// Highlighting: every matched position must be a letter of the name.
	for _, h := range s.search("tekhkrim", 10) {
		rs := []rune(h.Text)
		for _, p := range h.Matched {
			if p < 0 || p >= len(rs) {
				t.Errorf("%q: position %d out of range", h.Text, p)
			}
		}
		if len(h.Matched) == 0 {
			t.Errorf("%q: no matched positions to highlight", h.Text)
		}
	}
}

// syntheticNames makes n company names in Latin and Cyrillic, a few of
// them spellings of Tekhkrim.
func syntheticNames(n int) ([]string, []int) {
	rng := rand.New(rand.NewSource(1))
	lat := []string{"TEKH", "PROM", "STROY", "SNAB", "TORG", "INVEST", "AGRO", "METALL", "KOM", "LOG", "TRANS", "SERVIS", "NEFT", "GAZ", "ENERGO"}
	cyr := []string{"Тех", "Пром", "Строй", "Снаб", "Торг", "Инвест", "Агро", "Металл", "Ком", "Лог", "Транс", "Сервис"}
	names := make([]string, n)
	ents := make([]int, n)
	for i := range names {
		var b strings.Builder
		if i%3 == 0 {
			b.WriteString("ООО «")
			for k := 0; k < 2+rng.Intn(2); k++ {
				b.WriteString(cyr[rng.Intn(len(cyr))])
			}
			b.WriteString("»")
		} else {
			for k := 0; k < 2+rng.Intn(2); k++ {
				b.WriteString(lat[rng.Intn(len(lat))])
			}
			fmt.Fprintf(&b, " %d LLC", rng.Intn(1000))
		}
		names[i] = b.String()
		ents[i] = i / 2
	}
	names[n/2] = "OOO TEKHKRIM"
	names[n/3] = "ООО «Техкрим»"
	return names, ents
}

// BenchmarkEntitySearch is one keystroke in the entity search box over
// 100,000 names, through the UI's path: the matcher's index, then one hit
// per entity. The target is 30 ms.
func BenchmarkEntitySearch(b *testing.B) {
	names, ents := syntheticNames(100000)
	res := namesResult(names, ents)
	s, err := newEntitySearch(context.Background(), res)
	if err != nil {
		b.Fatal(err)
	}
	queries := []string{"t", "te", "tek", "tekh", "tekhk", "tekhkr", "tekhkri", "tekhkrim"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if hits := s.search(queries[i%len(queries)], 500); len(hits) == 0 {
			b.Fatal("no hits")
		}
	}
}

// When the names cannot be indexed, the search box says so where the
// count of results goes, rather than finding nothing without a word.
func TestEntitySearchFailureShown(t *testing.T) {
	s := loadSamples(t).entities
	if s.searcher == nil || s.searchErr != nil {
		t.Fatalf("the samples' names were not indexed: %v", s.searchErr)
	}
	s.searcher, s.searchErr = nil, errors.New("the index ran out of memory")
	s.search.SetText("tekh")
	if got := s.count.Text; !strings.Contains(got, "Search unavailable") || !strings.Contains(got, "out of memory") {
		t.Errorf("count shows %q, want the indexing error", got)
	}
}

package match

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"tradecheck/reconcile/names"
)

// randomWord writes an invented word of n letters, consonant and vowel in
// turn, that is no generic word (so the names below are distinctive).
func randomWord(rng *rand.Rand, n int) string {
	const cons, vows = "bdfgklmnprstvz", "aeiou"
	for {
		var b strings.Builder
		for i := 0; i < n; i++ {
			if i%2 == 0 {
				b.WriteByte(cons[rng.IntN(len(cons))])
			} else {
				b.WriteByte(vows[rng.IntN(len(vows))])
			}
		}
		w := strings.ToUpper(b.String())
		if !names.IsGeneric(names.Key(strings.ToLower(w))) {
			return w
		}
	}
}

func clusterPair(t *testing.T, a, b string) (merged, review bool) {
	t.Helper()
	res, err := Cluster(context.Background(), []Mention{{Name: a}, {Name: b}}, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res.EntityOf[0] == res.EntityOf[1], len(res.Review) > 0
}

// TestSpellingProperties checks the classes on invented names, so that the
// rules hold for the class and not only for the names in the tables: a
// space added inside a long word, a legal form glued on, two letters
// swapped inside a long word merge; one letter changed in a short name
// never merges (review for five or six letters).
func TestSpellingProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	for i := 0; i < 150; i++ {
		w1, w2 := randomWord(rng, 5+rng.IntN(4)), randomWord(rng, 8+rng.IntN(5))
		name := w1 + " " + w2 + " LLC"
		// A space inside the long word, three letters from either end.
		at := 3 + rng.IntN(len(w2)-5)
		spaced := w1 + " " + w2[:at] + " " + w2[at:] + " LLC"
		if m, _ := clusterPair(t, name, spaced); !m {
			t.Errorf("space added: %q and %q not merged", name, spaced)
		}
		glued := w1 + " " + w2 + "LLC"
		if m, _ := clusterPair(t, name, glued); !m {
			t.Errorf("legal form glued on: %q and %q not merged", name, glued)
		}
		// Two letters swapped inside the long word, not the first.
		k := 1 + rng.IntN(len(w2)-2)
		sw := []byte(w2)
		sw[k], sw[k+1] = sw[k+1], sw[k]
		swapped := w1 + " " + string(sw) + " LLC"
		if m, _ := clusterPair(t, name, swapped); !m {
			t.Errorf("two letters swapped: %q and %q not merged", name, swapped)
		}
		// One letter changed, not the first, in a one-word name.
		for _, n := range []int{4, 6} {
			w := randomWord(rng, n)
			b := []byte(w)
			j := 1 + rng.IntN(n-1)
			b[j] = "BDFGKLMNPRSTVZ"[rng.IntN(14)]
			if b[j] == w[j] || strings.ContainsRune("AEIOU", rune(w[j])) {
				continue // keep the change a consonant for a consonant
			}
			other := string(b)
			if lo, lw := strings.ToLower(other), strings.ToLower(w); names.Key(lo) == names.Key(lw) || names.IsGeneric(names.Key(lo)) {
				continue
			}
			m, r := clusterPair(t, "OOO "+w, "OOO "+other)
			if m {
				t.Errorf("one letter in a %d-letter name: %q and %q merged", n, w, other)
			}
			if n == 6 && !r {
				t.Errorf("one letter in a 6-letter name: %q and %q not in review", w, other)
			}
		}
	}
}

package claims

import (
	"strings"
	"testing"
)

// TestReasonDirection checks that every reason says which way the
// missing data could move the verdict: months no source covers can only
// add to a figure, so they can make "less than" false and "more than"
// true, never the reverse.
func TestReasonDirection(t *testing.T) {
	// armourJuneDec finds A1–A3: 5.9 t. The only source covers
	// 2022-01 to 2022-12, the claims ask from 2021-07: months missing.
	gap := []Coverage{{Source: "a.xlsx!S", From: day("2022-01-03"), To: day("2022-12-30")}}
	from2021 := func(cmp Comparator, fig float64) Claim {
		c := claim(Tonnes, cmp, fig, armourJuneDec)
		c.Filters.From = "2021-07-01"
		return c
	}
	tests := []struct {
		name    string
		ships   []ship
		sources []Coverage
		claim   Claim
		kind    Kind
		want    string
		notWant string
	}{
		{"less than holds but missing months could make it false", nil, gap, from2021(LessThan, 100), Insufficient,
			"could make the claim (less than 100 t) false", "true"},
		{"at most holds but missing months could make it false", nil, gap, from2021(AtMost, 8), Insufficient,
			"could make the claim (at most 8 t) false", "true"},
		{"about holds but missing months could make it false", nil, gap, from2021(About, 7.4), Insufficient,
			") false", ") true"},
		{"exactly holds but missing months could make it false", nil, gap, from2021(Exactly, 7.4), Insufficient,
			"could make the claim (exactly 7.4 t) false", "true"},
		{"at least fails but missing months could make it true", nil, gap, from2021(AtLeast, 10), Insufficient,
			"could make the claim (at least 10 t) true", "false"},
		{"about fails below but missing months could make it true", nil, gap, from2021(About, 20), Insufficient,
			") true", ") false"},
		{"more than holds whatever the missing months add", nil, gap, from2021(MoreThan, 5), Supported,
			"could only add to the figure, and the claim holds however much they add", ""},
		{"less than already exceeded: more months cannot help", nil, gap, from2021(LessThan, 5), Contradicted,
			"which already exceeds the claim", ""},
		{"unbounded: fails at the known figure only", withoutWeight(), nil, claim(Tonnes, MoreThan, 5, armourJuneDec), Insufficient,
			"which fails at the known figure but could hold once the missing weights are added", "holds at the known"},
		{"unbounded: holds at the known figure only", withoutWeight(), nil, claim(Tonnes, LessThan, 5, armourJuneDec), Insufficient,
			"which holds at the known figure but could fail once the missing weights are added", "fails at the known"},
		{"unbounded: about, below the known figure", withoutWeight(), nil,
			func() Claim { c := claim(Tonnes, About, 5.2, armourJuneDec); c.TolerancePct = 5; return c }(), Insufficient,
			"which fails at the known figure but could hold once the missing weights are added", "both bounds"},
		{"unbounded: contradicted by the known figure", withoutWeight(), nil, claim(Tonnes, AtMost, 3, armourJuneDec), Contradicted,
			"which the known figure already fails, and the missing weights can only add to it", "both bounds"},
		{"unbounded: supported by the known figure", withoutWeight(), nil, claim(Tonnes, AtLeast, 4, armourJuneDec), Supported,
			"which holds however much the missing weights add", "both bounds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ships := tt.ships
			if ships == nil {
				ships = baseShips()
			}
			v := Check(testData(ships, tt.sources...), tt.claim)
			if v.Kind != tt.kind {
				t.Fatalf("kind: got %s, want %s (%s)", v.Kind, tt.kind, v.Reason)
			}
			if !strings.Contains(v.Reason, tt.want) {
				t.Errorf("reason: got %q, want it to contain %q", v.Reason, tt.want)
			}
			if tt.notWant != "" && strings.Contains(v.Reason, tt.notWant) {
				t.Errorf("reason: got %q, must not contain %q", v.Reason, tt.notWant)
			}
		})
	}
}

// TestShownPrecision checks that a claim is judged on the figure as the
// verdict shows it: 1.499985 t (from pounds) is shown as 1.5 t and
// supports "at least 1.5 t"; 1.4994 t is shown as 1.499 t and does not.
func TestShownPrecision(t *testing.T) {
	for _, tt := range []struct {
		a, b float64
		kind Kind
	}{
		{0.999990, 0.499995, Supported},
		{0.9994, 0.5, Contradicted},
	} {
		s := baseShips()[:3]
		s[0].tonnes, s[1].tonnes, s[2].tonnes = tt.a, tt.b, 0
		v := Check(testData(s), claim(Tonnes, AtLeast, 1.5, armourJuneDec))
		if v.Kind != tt.kind {
			t.Errorf("%v + %v t: got %s, want %s (%s)", tt.a, tt.b, v.Kind, tt.kind, v.Reason)
		}
	}
}

// With a finite upper bound (shipments that may be in scope, whose values
// are known) the reason speaks of the two bounds.
func TestStraddleFiniteBounds(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		cmp  Comparator
		fig  float64
		want string
	}{
		{MoreThan, 5, "which holds at the upper bound but not at the lower one"},
		{LessThan, 5, "which holds at the lower bound but not at the upper one"},
		{Exactly, 5, "which fails at both bounds but holds for figures between them"},
	} {
		v := Verdict{Claim: claim(Tonnes, tt.cmp, tt.fig, armourJuneDec), Lower: 4.1, Upper: 6.2, Undetermined: 1}
		if got := straddle(&v); got != tt.want {
			t.Errorf("%s %v: got %q, want %q", tt.cmp, tt.fig, got, tt.want)
		}
	}
}

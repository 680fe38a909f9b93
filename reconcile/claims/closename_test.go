package claims

import (
	"reflect"
	"strings"
	"testing"

	"tradecheck/reconcile/match"
)

// TestCloseSpelling: a claim that names a firm in the plural, or a letter
// off, finds it as the matcher would (ByCloseSpelling), and its verdict
// says how the name was read; a score in the matcher's review band is
// "only loosely". Before, "Tekhkoms LLC" was "Nothing found". Names of
// other firms stay apart.
func TestCloseSpelling(t *testing.T) {
	d := testData(baseShips())
	for _, tt := range []struct {
		role   match.Role
		q      string
		how    string
		want   []string
		reason string // the verdict's reason must say this
	}{
		{match.Consignee, "Tekhkoms LLC", ByCloseSpelling, []string{"E-TKM"}, "(close spelling, matcher score 0.97)"},
		{match.Consignee, "Tekhkrim Services", ByCloseSpelling, []string{"E-TKS"}, "was read as TEKHKRIM-SERVICE LLC (close spelling"},
		{match.Consignee, "Tekhkom Trading", ByCloseSpelling, []string{"E-TKM"}, "only loosely (matcher score 0.88): check it before relying on this verdict"},
		{match.Shipper, "China North Industry", ByCloseSpelling, []string{"E-NOR"}, "only loosely"},
		// Precision: another firm's name, or none.
		{match.Consignee, "Tekhkom", BySameName, []string{"E-TKM"}, ""},
		{match.Consignee, "Zork Holdings", NotFound, nil, "Nothing found"},
	} {
		t.Run(tt.q, func(t *testing.T) {
			v := Check(d, claim(Shipments, AtLeast, 1, partyFilter(tt.role, tt.q)))
			if len(v.Resolved) != 1 {
				t.Fatalf("resolved %+v", v.Resolved)
			}
			r := v.Resolved[0]
			if r.How != tt.how || !reflect.DeepEqual(r.Entities, tt.want) {
				t.Fatalf("%q resolved %s %v, want %s %v", tt.q, r.How, r.Entities, tt.how, tt.want)
			}
			if tt.how == ByCloseSpelling && tt.want[0] != "E-TKS" && v.Kind == NothingFound { // E-TKS has no shipments
				t.Errorf("verdict %s: %s", v.Kind, v.Reason)
			}
			if !strings.Contains(v.Reason, tt.reason) {
				t.Errorf("reason %q, want it to say %q", v.Reason, tt.reason)
			}
			if tt.how == BySameName && strings.Contains(v.Reason, "was read as") {
				t.Errorf("a name found as written needs no word on its reading: %q", v.Reason)
			}
		})
	}
}

func TestCloseSpellingNote(t *testing.T) {
	r := Resolved{Role: match.Shipper, Query: "Falcon Drones", How: ByCloseSpelling, Entities: []string{"E-1"}, Names: []string{"FALCON DRONE FZE"},
		Score: 0.85, Why: "words 0.85: FALCON"}
	want := "“Falcon Drones” was read as FALCON DRONE FZE, but only loosely: the matcher scores them 0.85, below its merge threshold 0.90 (words 0.85: FALCON): check it."
	if got := r.Note(); got != want {
		t.Errorf("Note() = %q, want %q", got, want)
	}
	if !r.Loose() {
		t.Error("a score below the merge threshold is loose")
	}
	r.Score = 0.97
	if r.Loose() || !strings.Contains(r.Note(), "(close spelling: the matcher scores them 0.97") {
		t.Errorf("score 0.97: loose %v, note %q", r.Loose(), r.Note())
	}
}

// partyFilter is a claim's filter on one consignee or shipper name.
func partyFilter(role match.Role, q string) Filters {
	if role == match.Consignee {
		return Filters{Consignee: []string{q}}
	}
	return Filters{Shipper: []string{q}}
}

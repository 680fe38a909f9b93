package claims

import (
	"reflect"
	"testing"

	"tradecheck/reconcile/match"
)

// TestResolverMatchesClaims checks that the exported Resolver, which the
// app's Totals entity filter uses, resolves a name exactly as a claim's
// filter does, and that AnyRole searches both roles.
func TestResolverMatchesClaims(t *testing.T) {
	d := testData(baseShips())
	rv := NewResolver(d.Names)
	for _, tt := range []struct {
		role match.Role
		q    string
		how  string
		want []string
	}{
		{match.Consignee, "Tekhkrim", BySameName, []string{"E-TEK"}},
		{match.Shipper, "NORINCO", ByNameWords, []string{"E-NOR"}},
		{match.Shipper, "Marmra", ByClosest, []string{"E-MAR"}},
		{match.Consignee, "NORINCO", NotFound, nil},
		{AnyRole, "NORINCO", ByNameWords, []string{"E-NOR"}}, // a shipper, found in either role
		{AnyRole, "Tekhkrim", BySameName, []string{"E-TEK"}},
		{AnyRole, "7701234560", ByTaxID, []string{"E-TEK"}},
		{AnyRole, "E-TKS", ByEntityID, []string{"E-TKS"}},
		{AnyRole, "E-0BADF0", NotFound, nil},
	} {
		t.Run(string(tt.role)+" "+tt.q, func(t *testing.T) {
			got := rv.Resolve(tt.role, tt.q)
			if got.How != tt.how || !reflect.DeepEqual(got.Entities, tt.want) {
				t.Fatalf("Resolve(%q, %q) = %s %v, want %s %v", tt.role, tt.q, got.How, got.Entities, tt.how, tt.want)
			}
			if tt.role == AnyRole {
				return
			}
			v := Check(d, claim(Shipments, AtLeast, 1, partyFilter(tt.role, tt.q)))
			if len(v.Resolved) != 1 || !reflect.DeepEqual(v.Resolved[0], got) {
				t.Errorf("a claim resolves %q as %+v, the Resolver as %+v", tt.q, v.Resolved, got)
			}
		})
	}
	if r := NewResolver(nil).Resolve(AnyRole, "Tekhkrim"); r.How != NotFound {
		t.Errorf("no entities: got %s, want %s", r.How, NotFound)
	}
}

func TestResolvedNote(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    Resolved
		want string
	}{
		{"single same name", Resolved{Role: match.Consignee, Query: "Tekhkrim", How: BySameName, Entities: []string{"E-1"}, Names: []string{"TEKHKRIM"}}, ""},
		{"several", Resolved{Role: match.Consignee, Query: "Tekh", How: ByNameWords, Entities: []string{"E-1", "E-2"}, Names: []string{"A", "B"}},
			"“Tekh” matches several consignees, all included: A; B."},
		{"closest", Resolved{Role: match.Shipper, Query: "Marmra", How: ByClosest, Entities: []string{"E-1"}, Names: []string{"MARMARA"}},
			"“Marmra” was taken to mean MARMARA (closest name in the data): check it."},
		{"not found, either role", Resolved{Query: "Zork", How: NotFound}, "No consignee or shipper matches “Zork”."},
		{"stale ID", Resolved{Role: match.Consignee, Query: "E-0BADF0", How: NotFound},
			"Entity E-0BADF0 no longer exists (it was split or merged): name the consignee again."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Note(); got != tt.want {
				t.Errorf("Note() = %q, want %q", got, tt.want)
			}
		})
	}
}

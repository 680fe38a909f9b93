package claims

import (
	"reflect"
	"testing"
)

func sampleClaim() Claim {
	return Claim{ID: "C1", Text: "12 t of armour", Measure: Tonnes, Comparator: MoreThan, Figure: 12,
		Filters: Filters{Origin: []string{"CN"}, Dispatch: []string{"TR"}, From: "2022-07-01", To: "2022-12-31"},
		Note:    "from the article", Origin: "claims.csv:2"}
}

// TestClaimEqualSeesEveryField changes each field of a claim and of its
// filters in turn, so a field added later that Equal forgets fails here.
func TestClaimEqualSeesEveryField(t *testing.T) {
	base := sampleClaim()
	change := func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Float64:
			v.SetFloat(v.Float() + 1)
		case reflect.Slice:
			v.Set(reflect.Append(v, reflect.ValueOf("X")))
		default:
			t.Fatalf("field kind %s: teach this test to change it", v.Kind())
		}
	}
	ct := reflect.TypeOf(base)
	for i := 0; i < ct.NumField(); i++ {
		name := ct.Field(i).Name
		if name == "Filters" {
			ft := ct.Field(i).Type
			for j := 0; j < ft.NumField(); j++ {
				t.Run("Filters."+ft.Field(j).Name, func(t *testing.T) {
					c := sampleClaim()
					change(reflect.ValueOf(&c).Elem().Field(i).Field(j))
					if base.Equal(&c) || base.SameAssertion(&c) {
						t.Errorf("changing Filters.%s: Equal %v, SameAssertion %v; want both false", ft.Field(j).Name, base.Equal(&c), base.SameAssertion(&c))
					}
				})
			}
			continue
		}
		t.Run(name, func(t *testing.T) {
			c := sampleClaim()
			change(reflect.ValueOf(&c).Elem().Field(i))
			if base.Equal(&c) {
				t.Errorf("changing %s: Equal true, want false", name)
			}
			// ID, Note and Origin say where a claim came from, not what
			// it asserts.
			wantSame := name == "ID" || name == "Note" || name == "Origin"
			if got := base.SameAssertion(&c); got != wantSame {
				t.Errorf("changing %s: SameAssertion %v, want %v", name, got, wantSame)
			}
		})
	}
	t.Run("identical", func(t *testing.T) {
		c := sampleClaim()
		if !base.Equal(&c) {
			t.Error("a copy is not Equal")
		}
	})
	t.Run("nil and empty lists", func(t *testing.T) {
		a, b := sampleClaim(), sampleClaim()
		a.Filters.HSPrefixes, b.Filters.HSPrefixes = nil, []string{}
		if !a.Equal(&b) {
			t.Error("nil and empty HS lists differ; both mean no filter")
		}
	})
}

func TestNextID(t *testing.T) {
	for _, tt := range []struct {
		name string
		ids  []string
		want string
	}{
		{"empty", nil, "C1"},
		{"after the count", []string{"C1", "C2"}, "C3"},
		{"skips taken", []string{"C1", "C3", "c4"}, "C5"},
		{"other names", []string{"A", "B"}, "C3"},
		{"gap below count is not reused", []string{"C2", "C9"}, "C3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var cs []Claim
			for _, id := range tt.ids {
				cs = append(cs, Claim{ID: id})
			}
			if got := NextID(cs); got != tt.want {
				t.Errorf("NextID(%v) = %q, want %q", tt.ids, got, tt.want)
			}
		})
	}
}

func TestAdd(t *testing.T) {
	c1 := sampleClaim()
	c2 := sampleClaim()
	c2.Figure = 20
	sameAsC1 := sampleClaim()
	sameAsC1.ID, sameAsC1.Note, sameAsC1.Origin = "X7", "other note", "b.csv:9"
	noID := c2
	noID.ID, noID.Figure = "", 30
	for _, tt := range []struct {
		name        string
		have, more  []Claim
		wantIDs     []string
		added, same int
	}{
		{"into empty", nil, []Claim{c1}, []string{"C1"}, 1, 0},
		{"same assertion not added twice", []Claim{c1}, []Claim{sameAsC1}, []string{"C1"}, 0, 1},
		{"taken ID renumbered", []Claim{c1}, []Claim{c2}, []string{"C1", "C2"}, 1, 0},
		{"missing ID numbered", []Claim{c1}, []Claim{noID}, []string{"C1", "C2"}, 1, 0},
		{"free ID kept", nil, []Claim{sameAsC1}, []string{"X7"}, 1, 0},
		{"duplicates within more", nil, []Claim{c1, sameAsC1, c2}, []string{"C1", "C2"}, 2, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			have := append([]Claim(nil), tt.have...)
			out, added, same := Add(have, tt.more)
			var ids []string
			for _, c := range out {
				ids = append(ids, c.ID)
			}
			if !reflect.DeepEqual(ids, tt.wantIDs) || added != tt.added || same != tt.same {
				t.Errorf("Add: IDs %v added %d same %d; want %v, %d, %d", ids, added, same, tt.wantIDs, tt.added, tt.same)
			}
			if !EqualLists(have, tt.have) {
				t.Error("Add changed its input")
			}
		})
	}
}

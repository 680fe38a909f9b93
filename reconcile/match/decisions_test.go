package match

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func sampleDecisions() []Decision {
	return []Decision{
		{Op: OpConfirm, Name: "OOO TEKHKRIM", Role: Consignee, Other: "TEKHKOM LLC", OtherRole: Consignee, Time: t0, Note: "same director"},
		{Op: OpNotSame, Name: "OOO TEKHKRIM", Role: Consignee, Other: "Tehkrim LLC", Time: t0.Add(time.Minute)},
		{Op: OpSplit, Name: "ООО «Техкрим»", Role: Shipper, TaxID: "7707083893", Time: t0.Add(2 * time.Minute)},
		{Op: OpMerge, Name: "A", Role: Consignee, Other: "B", Time: t0.Add(3 * time.Minute)},
		{Op: OpRename, Name: "A", Target: "Alpha Holdings", Time: t0.Add(4 * time.Minute)},
		{Op: OpAssign, Name: "B", Target: "E-3F9A2C", Time: t0.Add(5 * time.Minute)},
	}
}

func TestDecisionsRoundTrip(t *testing.T) {
	t.Parallel()
	want := sampleDecisions()
	var buf bytes.Buffer
	if err := WriteDecisions(&buf, want); err != nil {
		t.Fatal(err)
	}
	got, err := ReadDecisions(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d decisions, want %d", len(got), len(want))
	}
	for i := range want {
		if !got[i].Time.Equal(want[i].Time) {
			t.Errorf("decision %d time = %v, want %v", i, got[i].Time, want[i].Time)
		}
		got[i].Time, want[i].Time = time.Time{}, time.Time{}
		if got[i] != want[i] {
			t.Errorf("decision %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

var readDecisionTests = []struct {
	name  string
	in    string
	n     int
	index int // of the bad entry, -1 when valid
}{
	{"empty file", "", 0, -1},
	{"empty array", "[]", 0, -1},
	{"one confirm", `[{"op":"confirm","name":"A","role":"consignee","other":"B","time":"2026-03-01T12:00:00Z"}]`, 1, -1},
	{"unknown op", `[{"op":"delete","name":"A","role":"consignee","time":"2026-03-01T12:00:00Z"}]`, 0, 0},
	{"missing name", `[{"op":"split","name":"","role":"consignee","time":"2026-03-01T12:00:00Z"}]`, 0, 0},
	{"confirm without other", `[{"op":"split","name":"A","time":"2026-03-01T12:00:00Z"},{"op":"confirm","name":"A","time":"2026-03-01T12:00:00Z"}]`, 0, 1},
	{"assign without target", `[{"op":"assign","name":"A","time":"2026-03-01T12:00:00Z"}]`, 0, 0},
	{"not json", `{op: confirm}`, 0, 0},
	{"unknown field", `[{"op":"split","name":"A","colour":"red","time":"2026-03-01T12:00:00Z"}]`, 0, 0},
	{"object not array", `{"op":"split","name":"A"}`, 0, 0},
}

func TestReadDecisions(t *testing.T) {
	t.Parallel()
	for _, tt := range readDecisionTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadDecisions(strings.NewReader(tt.in))
			if tt.index < 0 {
				if err != nil {
					t.Fatalf("ReadDecisions: %v", err)
				}
				if len(got) != tt.n {
					t.Errorf("got %d decisions, want %d", len(got), tt.n)
				}
				return
			}
			var de *DecisionError
			if !errors.As(err, &de) || !errors.Is(err, ErrBadDecision) {
				t.Fatalf("err = %v, want *DecisionError wrapping ErrBadDecision", err)
			}
			if de.Index != tt.index {
				t.Errorf("error at decision %d, want %d", de.Index, tt.index)
			}
		})
	}
}

func FuzzReadDecisions(f *testing.F) {
	for _, tt := range readDecisionTests {
		f.Add(tt.in)
	}
	var buf bytes.Buffer
	WriteDecisions(&buf, sampleDecisions())
	f.Add(buf.String())
	f.Fuzz(func(t *testing.T, in string) {
		ds, err := ReadDecisions(strings.NewReader(in))
		if err != nil {
			return
		}
		// Whatever reads back must write and read back the same.
		var out bytes.Buffer
		if err := WriteDecisions(&out, ds); err != nil {
			t.Fatal(err)
		}
		again, err := ReadDecisions(&out)
		if err != nil {
			t.Fatalf("re-reading written decisions: %v", err)
		}
		if len(again) != len(ds) {
			t.Fatalf("round trip: %d decisions, want %d", len(again), len(ds))
		}
		for i := range ds {
			a, b := ds[i], again[i]
			if !a.Time.Equal(b.Time) {
				t.Fatalf("decision %d time %v, want %v", i, b.Time, a.Time)
			}
			a.Time, b.Time = time.Time{}, time.Time{}
			if a != b {
				t.Fatalf("decision %d = %+v, want %+v", i, b, a)
			}
		}
		// And a run with them must not fail.
		ms := []Mention{{Name: "A"}, {Name: "B"}, {Name: "OOO TEKHKRIM"}}
		if _, err := Cluster(context.Background(), ms, ds, Options{}, nil); err != nil {
			t.Fatalf("Cluster with decisions: %v", err)
		}
	})
}

func clusterWith(t *testing.T, ms []Mention, ds []Decision) *Result {
	t.Helper()
	res, err := Cluster(context.Background(), ms, ds, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestDecisionsApplied(t *testing.T) {
	t.Parallel()
	ms := []Mention{
		{Name: "OOO TEKHKRIM", Role: Consignee, Count: 5},
		{Name: "ООО «Техкрим»", Role: Consignee, Count: 2},
		{Name: "Tehkrim LLC", Role: Consignee, Count: 1},
		{Name: "TEKHKOM LLC", Role: Consignee, Count: 1},
	}
	same := func(r *Result, a, b int) bool { return r.EntityOf[a] == r.EntityOf[b] }
	base := clusterWith(t, ms, nil)
	if !same(base, 0, 2) || same(base, 0, 3) {
		t.Fatalf("baseline: want TEKHKRIM variants together and TEKHKOM apart")
	}

	t.Run("confirm joins", func(t *testing.T) {
		r := clusterWith(t, ms, []Decision{{Op: OpConfirm, Name: "TEKHKOM LLC", Other: "OOO TEKHKRIM", Time: t0}})
		if !same(r, 0, 3) {
			t.Errorf("confirmed pair apart")
		}
		e := r.Entities[r.EntityOf[3]]
		if why := e.Reasons[slices.Index(e.Members, 3)]; why != "confirmed by user" {
			t.Errorf("reason = %q, want %q", why, "confirmed by user")
		}
	})
	t.Run("not_same separates", func(t *testing.T) {
		r := clusterWith(t, ms, []Decision{{Op: OpNotSame, Name: "Tehkrim LLC", Other: "OOO TEKHKRIM", Time: t0}})
		if same(r, 0, 2) {
			t.Errorf("pair marked not the same is still together")
		}
	})
	t.Run("later decision wins", func(t *testing.T) {
		r := clusterWith(t, ms, []Decision{
			{Op: OpConfirm, Name: "TEKHKOM LLC", Other: "OOO TEKHKRIM", Time: t0.Add(time.Hour)},
			{Op: OpNotSame, Name: "TEKHKOM LLC", Other: "OOO TEKHKRIM", Time: t0},
		})
		if !same(r, 0, 3) {
			t.Errorf("the later confirm should win over the earlier not_same")
		}
	})
	t.Run("split stands alone", func(t *testing.T) {
		r := clusterWith(t, ms, []Decision{{Op: OpSplit, Name: "ООО «Техкрим»", Role: Consignee, Time: t0}})
		if same(r, 1, 0) || same(r, 1, 2) {
			t.Errorf("split mention still shares an entity")
		}
		if !same(r, 0, 2) {
			t.Errorf("split broke up the rest")
		}
	})
	t.Run("merge joins entities", func(t *testing.T) {
		r := clusterWith(t, ms, []Decision{{Op: OpMerge, Name: "TEKHKOM LLC", Other: "Tehkrim LLC", Time: t0}})
		if !same(r, 3, 0) {
			t.Errorf("merged entities apart")
		}
	})
	t.Run("merge keeps the reasons of names it did not join", func(t *testing.T) {
		// The spelling the merge names is written twice (with and without
		// the tax ID); the untaxed one was matched by the engine and must
		// keep its own reason, and only the cut name the user joined says
		// "merged by user". The cut name is one the engine does not join
		// (a name cut inside its legal form with the register's core now
		// merges on its own).
		ms := []Mention{
			{Name: "АО «НПП «Радиотехника»", Role: Consignee, TaxID: "5003128760", Count: 7},
			{Name: "АО «НПП «Радиотехника»", Role: Consignee, Count: 1},
			{Name: "RADIOPRIBOR SUPPLY JOINT STOCK COMP", Role: Consignee, Count: 3},
		}
		base := clusterWith(t, ms, nil)
		if !same(base, 0, 1) {
			t.Fatalf("baseline: both spellings of the register name should be one entity")
		}
		be := base.Entities[base.EntityOf[1]]
		auto := be.Reasons[slices.Index(be.Members, 1)]
		r := clusterWith(t, ms, []Decision{{Op: OpMerge, Name: "RADIOPRIBOR SUPPLY JOINT STOCK COMP", Role: Consignee,
			Other: "АО «НПП «Радиотехника»", OtherRole: Consignee, Time: t0}})
		if !same(r, 0, 2) || !same(r, 1, 2) {
			t.Fatalf("merged entities apart")
		}
		e := r.Entities[r.EntityOf[2]]
		// The only Latin spelling is cut at 35 characters: the complete
		// register spelling names the firm.
		if e.Canonical != "АО «НПП «Радиотехника»" {
			t.Errorf("canonical = %q, want the complete spelling", e.Canonical)
		}
		for _, c := range []struct {
			mention int
			want    string
		}{{1, auto}, {2, "merged by user"}} {
			if got := e.Reasons[slices.Index(e.Members, c.mention)]; got != c.want {
				t.Errorf("reason of %q = %q, want %q", ms[c.mention].Name, got, c.want)
			}
		}
	})
	t.Run("rename", func(t *testing.T) {
		r := clusterWith(t, ms, []Decision{{Op: OpRename, Name: "Tehkrim LLC", Target: "Tekhkrim (Simferopol)", Time: t0}})
		if got := r.Entities[r.EntityOf[0]].Canonical; got != "Tekhkrim (Simferopol)" {
			t.Errorf("canonical = %q, want the new name", got)
		}
	})
	t.Run("assign to existing entity", func(t *testing.T) {
		target := base.Entities[base.EntityOf[3]].ID // TEKHKOM's entity
		r := clusterWith(t, ms, []Decision{{Op: OpAssign, Name: "Tehkrim LLC", Target: target, Time: t0}})
		if !same(r, 2, 3) || same(r, 2, 0) {
			t.Errorf("assigned mention not moved to %s", target)
		}
		if got := r.Entities[r.EntityOf[2]].ID; got != target {
			t.Errorf("entity ID = %s, want %s", got, target)
		}
	})
	t.Run("assign to a new ID splits out", func(t *testing.T) {
		r := clusterWith(t, ms, []Decision{
			{Op: OpAssign, Name: "Tehkrim LLC", Target: "E-NEW1", Time: t0},
			{Op: OpAssign, Name: "ООО «Техкрим»", Target: "E-NEW1", Time: t0},
		})
		if !same(r, 1, 2) || same(r, 1, 0) {
			t.Errorf("mentions assigned to a new ID should form their own entity")
		}
		if got := r.Entities[r.EntityOf[2]].ID; got != "E-NEW1" {
			t.Errorf("entity ID = %s, want E-NEW1", got)
		}
	})
	t.Run("unknown names are reported", func(t *testing.T) {
		d := Decision{Op: OpSplit, Name: "NOBODY", Time: t0}
		r := clusterWith(t, ms, []Decision{d})
		if len(r.Unapplied) != 1 || r.Unapplied[0].Name != "NOBODY" {
			t.Errorf("Unapplied = %v, want the decision about NOBODY", r.Unapplied)
		}
	})
	t.Run("IDs stable without decisions", func(t *testing.T) {
		again := clusterWith(t, ms, nil)
		for i := range ms {
			if a, b := base.Entities[base.EntityOf[i]].ID, again.Entities[again.EntityOf[i]].ID; a != b {
				t.Errorf("%q: ID %s then %s", ms[i].Name, a, b)
			}
		}
	})
}

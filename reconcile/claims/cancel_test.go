package claims

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

// bigData repeats the armour shipments n times.
func bigData(n int) *Data {
	ships := make([]ship, 0, n)
	for i := 0; i < n; i++ {
		ships = append(ships, armour(fmt.Sprintf("A%d", i), "2022-07-18", 1))
	}
	return testData(ships)
}

func TestCheckCancelled(t *testing.T) {
	d := bigData(3 * checkEvery)
	c := claim(Tonnes, MoreThan, 1, armourJuneDec)
	t.Run("cancelled before the check", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		v, err := NewChecker(d).CheckContext(ctx, c)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		// It stopped at once: no shipment was read into the verdict.
		if len(v.InScope) != 0 || v.Kind != "" {
			t.Errorf("cancelled check read %d shipments and decided %q", len(v.InScope), v.Kind)
		}
	})
	t.Run("not cancelled", func(t *testing.T) {
		v, err := NewChecker(d).CheckContext(context.Background(), c)
		if err != nil || len(v.InScope) != len(d.Shipments) || v.Kind != Supported {
			t.Errorf("got %d in scope, %s, err %v; want %d, supported, nil", len(v.InScope), v.Kind, err, len(d.Shipments))
		}
	})
	t.Run("cancelled between claims", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var seen [][2]int
		cs := []Claim{c, c, c}
		vs, err := NewChecker(d).CheckAll(ctx, cs, func(done, total int) {
			seen = append(seen, [2]int{done, total})
			cancel() // the user pressed Cancel after the first claim
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if len(vs) != 1 || len(seen) != 1 || seen[0] != [2]int{1, 3} {
			t.Errorf("got %d verdicts, progress %v; want 1 verdict, progress [[1 3]]", len(vs), seen)
		}
	})
	t.Run("progress counts every claim", func(t *testing.T) {
		var last [2]int
		vs, err := NewChecker(d).CheckAll(context.Background(), []Claim{c, c}, func(done, total int) { last = [2]int{done, total} })
		if err != nil || len(vs) != 2 || last != [2]int{2, 2} {
			t.Errorf("got %d verdicts, last progress %v, err %v; want 2, [2 2], nil", len(vs), last, err)
		}
	})
}

// TestCheckStopsMidClaim cancels while one claim is read: the check
// returns within checkEvery shipments of the cancel, not at the end.
func TestCheckStopsMidClaim(t *testing.T) {
	d := bigData(4 * checkEvery)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	k := NewChecker(d)
	// Cancel from inside the scan: Listed is asked once per shipment
	// for a claim about listed parties.
	n := 0
	d.Listed = func(int32) bool {
		n++
		if n == checkEvery+10 {
			cancel()
		}
		return true
	}
	f := armourJuneDec
	f.PartyListed = PartyEither
	_, err := k.CheckContext(ctx, claim(Tonnes, MoreThan, 1, f))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n > 2*checkEvery+10 || n >= len(d.Shipments) {
		t.Errorf("read %d of %d shipments after asking to stop at %d", n, len(d.Shipments), checkEvery+10)
	}
}

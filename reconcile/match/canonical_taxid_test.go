package match

import (
	"context"
	"testing"
)

// Between two spellings as common as each other, the entity is named by
// the one written beside a tax ID: after a confirmed review pair the firm
// was shown under a B/L feed's misspelling.
func TestCanonicalPrefersTheSpellingWithATaxID(t *testing.T) {
	ms := []Mention{
		{Name: "LLC TSTO DETA-AERO", Role: Consignee, Count: 2},
		{Name: "OOO TSTO DELTA-AERO", Role: Consignee, TaxID: "7701000011", Count: 2},
	}
	ds := []Decision{{Op: OpConfirm, Name: ms[0].Name, Role: Consignee, Other: ms[1].Name, OtherRole: Consignee}}
	res, err := Cluster(context.Background(), ms, ds, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntityOf[0] != res.EntityOf[1] {
		t.Fatalf("the confirmed pair is not one entity")
	}
	if got := res.Entities[res.EntityOf[0]].Canonical; got != "OOO TSTO DELTA-AERO" {
		t.Errorf("entity named %q, want the register's spelling with the tax ID", got)
	}
	// A spelling on more rows still wins: the count comes first.
	ms[0].Count = 5
	res, err = Cluster(context.Background(), ms, ds, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Entities[res.EntityOf[0]].Canonical; got != "LLC TSTO DETA-AERO" {
		t.Errorf("entity named %q, want the spelling on more rows", got)
	}
}

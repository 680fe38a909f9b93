package claims

import (
	"strings"
	"testing"
)

func TestParseListColumns(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in, party, goods string
		bad              bool
	}{
		{in: ""},
		{in: "consignee", party: PartyConsignee},
		{in: "Shipper", party: PartyShipper},
		{in: "either", party: PartyEither},
		{in: "both", party: PartyEither},
		{in: "maybe", bad: true},
	} {
		t.Run("party "+c.in, func(t *testing.T) {
			got, err := ParsePartyListed(c.in)
			if (err != nil) != c.bad || got != c.party {
				t.Errorf("ParsePartyListed(%q) = %q, %v", c.in, got, err)
			}
		})
	}
	for _, c := range []struct {
		in, want string
		bad      bool
	}{
		{in: "", want: ""},
		{in: "chpl", want: "chpl"},
		{in: "CHPL:3a", want: "chpl:3.A"},
		{in: "chpl:3", want: "chpl:3.A,3.B"},
		{in: "chpl:9", bad: true},
		{in: "dualuse", want: "dualuse"},
		{in: "Dual:II", want: "dual:II"},
		{in: "dual use", bad: true},
	} {
		t.Run("goods "+c.in, func(t *testing.T) {
			got, err := ParseGoodsList(c.in)
			if (err != nil) != c.bad || got != c.want {
				t.Errorf("ParseGoodsList(%q) = %q, %v", c.in, got, err)
			}
		})
	}
}

func TestReadListColumns(t *testing.T) {
	t.Parallel()
	csv := "claim,measure,comparator,figure,party_listed,goods_list\n" +
		"Listed firms got CHPL chips,shipments,at_least,1,consignee,chpl:1\n" +
		"Bad party,shipments,at_least,1,nobody,\n"
	cs, errs := ReadCSV(strings.NewReader(csv), "c.csv")
	if len(cs) != 1 || cs[0].Filters.PartyListed != PartyConsignee || cs[0].Filters.GoodsList != "chpl:1" {
		t.Fatalf("claims = %+v", cs)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "party_listed") || !strings.Contains(errs[0].Error(), "row 3") {
		t.Errorf("errors = %v", errs)
	}
	if s := cs[0].Filters.String(); !strings.Contains(s, "goods on chpl:1") || !strings.Contains(s, "consignee listed") {
		t.Errorf("String() = %q", s)
	}
}

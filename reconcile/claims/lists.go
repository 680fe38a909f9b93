package claims

import (
	"fmt"
	"strings"

	"tradecheck/reconcile/goods"
)

// ParsePartyListed reads the party_listed column: consignee, shipper or
// either ("" for none). "both" and "any" read as either: a shipment with
// a listed party on either side.
func ParsePartyListed(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case PartyConsignee, "importer", "buyer":
		return PartyConsignee, nil
	case PartyShipper, "exporter", "supplier":
		return PartyShipper, nil
	case PartyEither, "any", "both", "yes":
		return PartyEither, nil
	}
	return "", fmt.Errorf("party_listed %q: want consignee, shipper or either", s)
}

// ParseGoodsList reads the goods_list column: a list's short name and
// optional tiers ("chpl", "chpl:1", "chpl:3.A"). The CHPL's tiers are
// checked here; a user list's name is checked when the claim is checked,
// against the lists loaded then.
func ParseGoodsList(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	name, _, _ := strings.Cut(s, ":")
	if strings.EqualFold(strings.TrimSpace(name), chpl.Short) {
		sel, err := goods.ParseSelector(s, chpl)
		if err != nil {
			return "", err
		}
		return sel.String(), nil
	}
	if strings.TrimSpace(name) == "" || strings.ContainsAny(name, " \t") {
		return "", fmt.Errorf("goods_list %q: want a list name such as chpl, with tiers after a colon (chpl:3.A)", s)
	}
	return strings.ToLower(strings.TrimSpace(name)) + strings.TrimPrefix(s, name), nil
}

// chpl is the bundled Common High Priority List, read once; only read.
var chpl = goods.CHPL()

// goodsSelector resolves a claim's goods_list against the CHPL and the
// data's goods lists.
func (k *Checker) goodsSelector(s string) (goods.Selector, error) {
	lists := []*goods.List{chpl}
	for _, l := range k.d.GoodsLists {
		if l != nil && l.Short != chpl.Short {
			lists = append(lists, l)
		}
	}
	return goods.ParseSelector(s, lists...)
}

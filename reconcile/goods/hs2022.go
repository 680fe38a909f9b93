package goods

import (
	_ "embed"
	"fmt"
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

//go:embed hs2022.csv
var hs2022CSV string

// HS2022 is when the 2022 edition of the Harmonized System came into
// force.
var HS2022 = time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)

// NewSubheading is an HS 2022 subheading that HS 2017 did not have.
type NewSubheading struct {
	Code   string   // HS 2022, six digits
	HS2017 []string // where the goods were classified in HS 2017
	Label  string
}

// NewIn2022 reports whether a code (six digits or more; national codes
// are cut to six) falls in an HS 2022 subheading that did not exist in
// HS 2017. The table covers the CHPL's new subheadings and unmanned
// aircraft (8806, 8807).
func NewIn2022(code string) (NewSubheading, bool) {
	c, ok := values.HSCode(code)
	if !ok || len(c) < 6 {
		return NewSubheading{}, false
	}
	it, ok := newCodes.Lookup(c[:6])
	if !ok {
		return NewSubheading{}, false
	}
	// The hs2017 column is read into Tier (see hs2022).
	return NewSubheading{Code: it.Code, HS2017: strings.Fields(it.Tier), Label: it.Label}, true
}

// newCodes is the bundled table, read once at start and never changed.
var newCodes = hs2022()

// hs2022 reads the bundled table; its hs2017 column is read into Tier.
func hs2022() *List {
	text := strings.Replace(hs2022CSV, "\ncode,hs2017,label\n", "\ncode,tier,label\n", 1)
	l, err := ReadList(strings.NewReader(text), "hs2022.csv")
	if err != nil {
		panic("goods: bundled hs2022.csv is broken: " + err.Error()) // a build defect, caught by the tests
	}
	return l
}

// Check returns a warning when a record dated before HS 2022 came into
// force uses a code that exists only from HS 2022 (such as 880730): the
// code was re-coded later, by the vendor or the source, or the date is
// wrong. "" when there is nothing to say, or the date is unknown.
func Check(code string, date reconcile.Date) string {
	if !date.Known() || !date.Time.Before(HS2022) {
		return ""
	}
	ns, ok := NewIn2022(code)
	if !ok {
		return ""
	}
	was := strings.Join(ns.HS2017, " or ")
	return fmt.Sprintf("HS code %s is an HS 2022 subheading (%s) that did not exist before 1 January 2022, but the record is dated %s; in HS 2017 these goods were under %s — the code was probably re-coded later by the data vendor, or the date is wrong",
		code, ns.Label, date, was)
}

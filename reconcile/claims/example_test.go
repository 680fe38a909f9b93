package claims

import (
	"fmt"
	"strings"
)

func ExampleCheck() {
	d := testData(baseShips()) // five body-armour shipments, rifles and sights
	c, errs := ReadCSV(stringsReader(`claim,measure,comparator,figure,origin,dispatch,hs_prefixes,date_from,date_to
More than 5 t of Chinese body armour via Turkey in June–December 2022,tonnes,more_than,5,CN,TR,63079098,2022-06,2022-12
`), "claims.csv")
	if len(errs) > 0 {
		fmt.Println(errs)
		return
	}
	v := Check(d, c[0])
	fmt.Println(v.Kind.Label())
	fmt.Println(v.Reason)
	fmt.Println("in scope:", v.IDs())
	for _, n := range v.Near {
		fmt.Printf("near: %s misses %s (%s)\n", n.ID, n.Filter, n.Detail)
	}
	// Output:
	// Supported
	// Supported: 5.9 t in 3 shipments, and the claim says more than 5 t.
	// in scope: [A1 A2 A3]
	// near: A-MAY misses date (date 2022-05-16, before the range)
	// near: A-KZ misses dispatch (dispatched from KZ)
	// near: MASK misses hs (HS 6307909100)
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

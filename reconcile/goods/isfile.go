package goods

import (
	"bufio"
	"os"
	"strings"
)

// IsListFile reports whether the file at path is a list of HS codes
// ReadList reads: after "#" lines, a header whose cells are all list
// columns (a code column, and label, description, tier or confirmed).
// A shipment export always has other columns (dates, parties, weights),
// so the app can take such a file as a goods list, not as shipments.
func IsListFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	for n := 0; sc.Scan() && n < 50; n++ {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		sep := ","
		if strings.Count(line, ";") > strings.Count(line, ",") {
			sep = ";"
		} else if strings.Count(line, "\t") > strings.Count(line, ",") {
			sep = "\t"
		}
		code := false
		for _, c := range strings.Split(line, sep) {
			switch strings.ToLower(strings.Trim(strings.TrimSpace(c), `"`)) {
			case "code", "hs", "hs6", "hs_code", "hs code", "hs-code", "tn ved", "tnved", "cn", "cn code", "hts":
				code = true
			case "label", "description", "name", "tier", "confirmed":
			default:
				return false
			}
		}
		return code
	}
	return false
}

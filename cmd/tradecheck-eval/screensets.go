package main

import (
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"tradecheck/reconcile/names"
	"tradecheck/reconcile/screen"
)

// The sets of names the screening evaluation uses, read from the shared
// data: INN links between EU and OFAC records, the trade samples' party
// names, and the OFAC list split in two for held-out names.

// euLinks maps EU group IDs to the OFAC ent_nums that share their INN.
func euLinks(path string) (map[string]map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]map[string]bool{}
	for i, r := range recs {
		if i == 0 || len(r) < 3 {
			continue
		}
		ofac := map[string]bool{}
		for _, g := range strings.Fields(r[2]) {
			ofac[strings.TrimPrefix(g, "ofac:")] = true
		}
		if len(ofac) == 0 {
			continue
		}
		for _, g := range strings.Fields(r[1]) {
			if out[g] == nil {
				out[g] = map[string]bool{}
			}
			for o := range ofac {
				out[g][o] = true
			}
		}
	}
	return out, nil
}

// tradeNames collects the distinct party names of the trade samples: the
// columns whose header names a party (importer, exporter, supplier,
// buyer, consignee, shipper, seller, notify party) and a name.
func tradeNames(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no trade samples in %s", dir)
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		var cols []int
		for line := 0; ; line++ {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if line == 0 {
				for i, h := range rec {
					h = strings.ToUpper(h)
					if !strings.Contains(h, "NAME") {
						continue
					}
					for _, p := range []string{"IMPORTER", "EXPORTER", "SUPPLIER", "BUYER", "CONSIGNEE", "SHIPPER", "SELLER", "NOTIFY"} {
						if strings.Contains(h, p) {
							cols = append(cols, i)
							break
						}
					}
				}
				continue
			}
			for _, c := range cols {
				if c < len(rec) {
					n := strings.Join(strings.Fields(rec[c]), " ")
					if len([]rune(n)) >= 3 && !seen[n] {
						seen[n] = true
						out = append(out, n)
					}
				}
			}
		}
		f.Close()
	}
	sort.Strings(out)
	return out, nil
}

// splitOFAC splits the OFAC organisations in two by a hash of ent_num and
// leaves out of half B the records that are A's firm filed again (same
// name up to case and punctuation, same core name and legal kind, or a
// shared identifier). Individuals and the rest stay out of both.
func splitOFAC(l *screen.List) (a, b *screen.List) {
	a = &screen.List{Source: l.Source, Name: l.Name + " (half A)"}
	b = &screen.List{Source: l.Source, Name: l.Name + " (half B)"}
	for _, e := range l.Entries {
		if e.Kind != screen.KindOrganization {
			continue
		}
		h := fnv.New32a()
		h.Write([]byte(e.ID))
		if h.Sum32()%2 == 0 {
			a.Entries = append(a.Entries, e)
		} else {
			b.Entries = append(b.Entries, e)
		}
	}
	aKeys := map[string]bool{}
	for _, e := range a.Entries {
		for _, k := range firmKeys(e) {
			aKeys[k] = true
		}
	}
	kept := b.Entries[:0]
	dropped := 0
	for _, e := range b.Entries {
		same := false
		for _, k := range firmKeys(e) {
			if aKeys[k] {
				same = true
				break
			}
		}
		if same {
			dropped++
			continue
		}
		kept = append(kept, e)
	}
	b.Entries = kept
	b.Notes = append(b.Notes, fmt.Sprintf("%d records of B that A files again", dropped))
	return a, b
}

// firmKeys are the keys under which two records are one firm for the
// held-out split.
func firmKeys(e screen.Entry) []string {
	var out []string
	for _, n := range e.Names {
		out = append(out, "="+plainFold(n.Text))
		an := names.Analyze(n.Text)
		if an.Distinctive {
			out = append(out, "~"+an.CoreKey())
		}
	}
	for _, id := range e.IDs {
		if v := strings.ToUpper(digitsOnly(id.Value)); len(v) >= 8 {
			out = append(out, "#"+v)
		}
	}
	return out
}

// ofacTwins maps each OFAC organisation's ent_num to the ent_nums of the
// records that are the same firm filed again (firmKeys).
func ofacTwins(l *screen.List) map[string][]string {
	sets := groupSets{}
	first := map[string]string{}
	for _, e := range l.Entries {
		if e.Kind != screen.KindOrganization {
			continue
		}
		for _, k := range firmKeys(e) {
			if g, ok := first[k]; ok {
				sets.union(g, e.ID)
			} else {
				first[k] = e.ID
			}
		}
	}
	members := map[string][]string{}
	for _, e := range l.Entries {
		if e.Kind == screen.KindOrganization {
			r := sets.find(e.ID)
			members[r] = append(members[r], e.ID)
		}
	}
	out := map[string][]string{}
	for _, ids := range members {
		if len(ids) < 2 {
			continue
		}
		for _, id := range ids {
			out[id] = ids
		}
	}
	return out
}

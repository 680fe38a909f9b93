package screen

import (
	"io"
	"slices"
	"strings"
)

// The UK's consolidated list of financial sanctions targets (OFSI,
// ConList.csv) starts with a line "Last Updated,DD/MM/YYYY", then a header
// row ("Name 6, Name 1, …, Group Type, Alias Type, Regime, Listed On, …,
// Group ID"), then one row per name: all names of one target share a
// Group ID. The reader finds columns by header name. Entities carry their
// whole name in "Name 6"; individuals their surname there and given names
// in "Name 1"–"Name 5".

// isUKHeader reports whether a row is ConList's header row.
func isUKHeader(rec []string) bool {
	has6, hasGroup := false, false
	for _, h := range rec {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "name 6":
			has6 = true
		case "group id":
			hasGroup = true
		}
	}
	return has6 && hasGroup
}

func ukKind(t string) Kind {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "entity":
		return KindOrganization
	case "individual":
		return KindPerson
	case "ship":
		return KindVessel
	}
	return KindOther
}

// readUK reads ConList.csv.
func readUK(r io.Reader, path string) (*List, error) {
	cr := newCSV(openText(r), ',')
	l := &List{Source: SourceUK, Name: "UK OFSI consolidated list", Format: FormatUKOFSI, Files: []string{path}}
	var bad rowErrors
	col := map[string]int{}
	at := map[string]int{}
	for {
		rec, line, ok, err := readRecord(cr, &bad)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fileError(path, line, err, "the file could not be read to the end")
		}
		if !ok || blank(rec) {
			continue
		}
		if len(col) == 0 {
			if isUKHeader(rec) {
				for i, h := range rec {
					col[strings.ToLower(strings.TrimSpace(h))] = i
				}
			} else if strings.HasPrefix(strings.ToLower(field(rec[0])), "last updated") {
				for _, c := range rec[1:] {
					if c = field(c); c != "" {
						l.Version = isoDate(c)
						break
					}
				}
			}
			continue
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return field(rec[i])
			}
			return ""
		}
		gid := get("group id")
		if gid == "" {
			bad.add(line)
			continue
		}
		i, seen := at[gid]
		if !seen {
			i = len(l.Entries)
			at[gid] = i
			l.Entries = append(l.Entries, Entry{ID: gid, Kind: ukKind(get("group type")), Row: line})
		}
		e := &l.Entries[i]
		typ := strings.ToLower(get("alias type"))
		if strings.HasPrefix(typ, "primary name") && typ != "primary name" {
			typ = "primary variation"
		} else if typ == "primary name" || typ == "" {
			typ = "primary"
		}
		var given []string
		for _, k := range []string{"name 1", "name 2", "name 3", "name 4", "name 5"} {
			if v := get(k); v != "" {
				given = append(given, v)
			}
		}
		name := get("name 6")
		if e.Kind != KindOrganization || name == "" {
			name = strings.TrimSpace(strings.Join(given, " ") + " " + name)
		}
		e.addName(name, typ)
		e.addName(get("name non-latin script"), "non-latin")
		e.Programs = addUnique(e.Programs, get("regime"))
		if d := isoDate(get("listed on")); d != "" && (e.Listed == "" || d < e.Listed) {
			e.Listed = d
		}
		e.Countries = addUnique(e.Countries, get("country"))
		if info := get("other information"); info != "" && !strings.Contains(e.Remarks, info) {
			e.Remarks = strings.TrimSpace(e.Remarks + " " + info)
		}
	}
	if len(col) == 0 {
		return nil, fileError(path, 0, ErrUnknownFormat, "no header row with \"Name 6\" and \"Group ID\" was found")
	}
	for i := range l.Entries {
		e := &l.Entries[i]
		// The primary name first, whatever the order of the rows.
		slices.SortStableFunc(e.Names, func(a, b Name) int { return nameRank(a.Type) - nameRank(b.Type) })
		e.IDs = parenIDs(e.Remarks)
	}
	if n := bad.note("rows without a Group ID"); n != "" {
		l.Notes = append(l.Notes, n)
	}
	return l, nil
}

func nameRank(t string) int {
	switch t {
	case "primary":
		return 0
	case "primary variation":
		return 1
	}
	return 2
}

// isoDate turns DD/MM/YYYY (the UK and EU lists' form) into YYYY-MM-DD;
// dates already in ISO form keep their first ten characters; anything
// else comes back as written.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		return s[:10]
	}
	if len(s) == 10 && (s[2] == '/' || s[2] == '.') && s[5] == s[2] && allDigits(s[:2]+s[3:5]+s[6:]) {
		return s[6:] + "-" + s[3:5] + "-" + s[:2]
	}
	return s
}

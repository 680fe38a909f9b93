package screen

import (
	"io"
	"strings"
)

// targets.simple.csv has the columns id, schema, name, aliases,
// birth_date, countries, addresses, identifiers, sanctions, phones, emails,
// dataset, first_seen, last_seen, last_change. The reader finds them by
// header name, so added or reordered columns do not matter; id, schema and
// name must be there.

// isOpenSanctionsHeader reports whether a header row is targets.simple.csv's.
func isOpenSanctionsHeader(rec []string) bool {
	have := map[string]bool{}
	for _, h := range rec {
		have[strings.ToLower(strings.TrimSpace(h))] = true
	}
	return have["id"] && have["schema"] && have["name"] && have["aliases"] && have["identifiers"]
}

// osKind maps FollowTheMoney schemata to kinds.
func osKind(schema string) Kind {
	switch strings.ToLower(schema) {
	case "company", "organization", "legalentity", "publicbody":
		return KindOrganization
	case "person":
		return KindPerson
	case "vessel":
		return KindVessel
	case "airplane":
		return KindAircraft
	}
	return KindOther
}

// readOpenSanctions reads targets.simple.csv: one row per entity, several
// values in a cell joined by ";". first_seen is when OpenSanctions first
// saw the entity, the closest the file has to a listing date.
func readOpenSanctions(r io.Reader, path string) (*List, error) {
	cr := newCSV(openText(r), ',')
	l := &List{Source: SourceOpenSanctions, Name: "OpenSanctions", Format: FormatOpenSanctions, Files: []string{path}}
	var bad rowErrors
	col := map[string]int{}
	datasets := map[string]int{}
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
			for i, h := range rec {
				col[strings.ToLower(strings.TrimSpace(h))] = i
			}
			continue
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return field(rec[i])
			}
			return ""
		}
		e := Entry{ID: get("id"), Kind: osKind(get("schema")), Row: line}
		if e.ID == "" {
			bad.add(line)
			continue
		}
		e.addName(get("name"), "primary")
		for _, a := range splitList(get("aliases")) {
			e.addName(a, "aka")
		}
		for _, v := range splitList(get("identifiers")) {
			e.IDs = append(e.IDs, ID{Label: classifyBare(v), Value: v})
		}
		e.Programs = splitList(get("sanctions"))
		e.Countries = splitList(get("countries"))
		e.Addresses = splitList(get("addresses"))
		if fs := get("first_seen"); len(fs) >= 10 {
			e.Listed = fs[:10]
		}
		for _, d := range splitList(get("dataset")) {
			datasets[d]++
		}
		l.Entries = append(l.Entries, e)
	}
	if len(col) == 0 {
		return nil, fileError(path, 0, ErrUnknownFormat, "the file is empty")
	}
	if n := bad.note("rows"); n != "" {
		l.Notes = append(l.Notes, n)
	}
	l.Notes = append(l.Notes, "OpenSanctions gives first_seen (when it first saw an entry), not the listing date; it is shown as the listing date")
	if len(datasets) == 1 {
		for d := range datasets {
			l.Name = "OpenSanctions: " + d
		}
	}
	return l, nil
}

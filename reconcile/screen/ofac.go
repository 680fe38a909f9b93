package screen

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// OFAC's legacy CSVs (sdn.csv, alt.csv, add.csv, sdn_comments.csv) have no
// header row, write "-0-" for empty and tie the files together by ent_num.
// Their columns, as Treasury documents them:
//
//	sdn.csv:          ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks
//	alt.csv:          ent_num, alt_num, alt_type, alt_name, alt_remarks
//	add.csv:          ent_num, add_num, Address, City/State/Province/Postal Code, Country, Add_remarks
//	sdn_comments.csv: ent_num, Remarks_Extended
//
// The legacy files give no listing date.

// ofacPart is one OFAC file, read.
type ofacPart struct {
	path   string
	format Format
	sdn    []Entry             // sdn.csv, in file order
	alts   map[string][]Name   // alt.csv by ent_num
	adds   map[string][]string // add.csv: addresses by ent_num
	ctry   map[string][]string // add.csv: countries by ent_num
	more   map[string]string   // sdn_comments.csv: remarks continued
	order  []string            // ent_nums in first-seen order (alt/add/comments)
	lineOf map[string]int
	notes  []string
}

// readOFACPart reads one OFAC file of a known format.
func readOFACPart(r io.Reader, path string, f Format) (*ofacPart, error) {
	p := &ofacPart{path: path, format: f, alts: map[string][]Name{}, adds: map[string][]string{},
		ctry: map[string][]string{}, more: map[string]string{}, lineOf: map[string]int{}}
	cr := newCSV(openText(r), ',')
	var bad rowErrors
	noID := 0
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
		id := field(rec[0])
		if _, err := strconv.Atoi(id); err != nil {
			if line == 1 && strings.EqualFold(id, "ent_num") {
				continue // a header row some copies add
			}
			noID++
			bad.add(line)
			continue
		}
		if _, seen := p.lineOf[id]; !seen {
			p.lineOf[id] = line
			p.order = append(p.order, id)
		}
		get := func(i int) string {
			if i < len(rec) {
				return field(rec[i])
			}
			return ""
		}
		switch f {
		case FormatOFACSDN:
			e := Entry{ID: id, Kind: ofacKind(get(2)), Row: line, Remarks: get(11)}
			e.addName(get(1), "primary")
			for _, prog := range strings.Split(get(3), "] [") {
				e.Programs = addUnique(e.Programs, strings.Trim(prog, "[] "))
			}
			p.sdn = append(p.sdn, e)
		case FormatOFACAlt:
			typ := strings.ToLower(strings.Trim(get(2), ". "))
			typ = strings.ReplaceAll(typ, ".", "")
			if name := get(3); name != "" {
				p.alts[id] = append(p.alts[id], Name{Text: name, Type: typ})
			}
		case FormatOFACAdd:
			var parts []string
			for _, i := range []int{2, 3, 4} {
				if v := get(i); v != "" {
					parts = append(parts, v)
				}
			}
			if len(parts) > 0 {
				p.adds[id] = append(p.adds[id], strings.Join(parts, ", "))
			}
			p.ctry[id] = addUnique(p.ctry[id], get(4))
		case FormatOFACComments:
			p.more[id] += get(1)
		}
	}
	if n := bad.note("rows"); n != "" {
		p.notes = append(p.notes, filepath.Base(path)+": "+n)
	}
	return p, nil
}

func ofacKind(t string) Kind {
	switch strings.ToLower(t) {
	case "":
		return KindOrganization // "-0-": OFAC's entity type
	case "individual":
		return KindPerson
	case "vessel":
		return KindVessel
	case "aircraft":
		return KindAircraft
	}
	return KindOther
}

// joinOFAC joins the parts of one OFAC download into a list: aliases,
// addresses and continued remarks go to the sdn.csv entry with their
// ent_num. Aliases whose ent_num is not in sdn.csv (an alt.csv newer than
// the sdn.csv) become untyped entries, kept and counted but not
// screened, since OFAC lists people and vessels under aliases too.
func joinOFAC(parts []*ofacPart) (*List, error) {
	var sdn *ofacPart
	for _, p := range parts {
		if p.format == FormatOFACSDN {
			if sdn != nil {
				return nil, fileError(p.path, 0, ErrOFACParts, fmt.Sprintf("two sdn.csv files were given (%s and %s); give the files of one download, or one folder per download", sdn.path, p.path))
			}
			sdn = p
		}
	}
	if sdn == nil {
		return nil, fileError(parts[0].path, 0, ErrOFACParts, "an OFAC alt.csv, add.csv or sdn_comments.csv needs the sdn.csv of the same download: give them together, or the folder that holds them")
	}
	l := &List{Source: SourceOFAC, Name: ofacListName(sdn.path), Format: FormatOFACSDN, Files: []string{sdn.path}}
	l.Notes = append(l.Notes, sdn.notes...)
	l.Notes = append(l.Notes, "OFAC's legacy CSV files give no listing date")
	at := map[string]int{}
	for _, e := range sdn.sdn {
		if _, dup := at[e.ID]; dup {
			l.Notes = append(l.Notes, fmt.Sprintf("%s: ent_num %s appears twice; the second row (line %d) was read as another entry", filepath.Base(sdn.path), e.ID, e.Row))
		}
		at[e.ID] = len(l.Entries)
		l.Entries = append(l.Entries, e)
	}
	orphans := 0
	for _, p := range parts {
		if p == sdn {
			continue
		}
		l.Files = append(l.Files, p.path)
		l.Notes = append(l.Notes, p.notes...)
		for _, id := range p.order {
			i, ok := at[id]
			if !ok {
				if p.format != FormatOFACAlt {
					orphans++
					continue
				}
				// An alias of an entry this sdn.csv does not have.
				at[id] = len(l.Entries)
				i = len(l.Entries)
				l.Entries = append(l.Entries, Entry{ID: id, Kind: KindUnknown, Row: p.lineOf[id]})
				orphans++
			}
			e := &l.Entries[i]
			for _, n := range p.alts[id] {
				e.addName(n.Text, n.Type)
			}
			e.Addresses = append(e.Addresses, p.adds[id]...)
			for _, c := range p.ctry[id] {
				e.Countries = addUnique(e.Countries, c)
			}
			if m := p.more[id]; m != "" {
				// sdn_comments.csv goes on where sdn.csv cut the remarks,
				// mid-word if need be.
				e.Remarks += m
			}
		}
		if orphans > 0 {
			what := "rows name an ent_num that is not in " + filepath.Base(sdn.path) + " and were left out"
			if p.format == FormatOFACAlt {
				what = "ent_nums have aliases but no row in " + filepath.Base(sdn.path) + " (it may be older than " + filepath.Base(p.path) + "); they are kept untyped and not screened"
			}
			l.Notes = append(l.Notes, fmt.Sprintf("%s: %d %s", filepath.Base(p.path), orphans, what))
			orphans = 0
		}
	}
	for i := range l.Entries {
		e := &l.Entries[i]
		e.IDs = remarkIDs(e.Remarks)
	}
	return l, nil
}

// ofacListName labels the list for people. The format is the same for the
// SDN list and the consolidated non-SDN lists, so only the file name can
// tell them apart; it is used for the label, never for the format.
func ofacListName(path string) string {
	base := strings.ToLower(filepath.Base(path))
	switch {
	case strings.Contains(base, "cons"):
		return "OFAC consolidated (non-SDN)"
	case strings.Contains(base, "sdn"):
		return "OFAC SDN"
	}
	return "OFAC (legacy CSV)"
}

// ofacOrder sorts parts so that sdn.csv comes first, for stable notes.
func ofacOrder(parts []*ofacPart) {
	rank := map[Format]int{FormatOFACSDN: 0, FormatOFACAlt: 1, FormatOFACAdd: 2, FormatOFACComments: 3}
	slices.SortStableFunc(parts, func(a, b *ofacPart) int { return rank[a.format] - rank[b.format] })
}

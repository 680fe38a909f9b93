package screen

import (
	"io"
	"strings"
)

// The EU's consolidated financial sanctions file (FSF), CSV edition:
// ";"-separated, UTF-8 (often with a byte-order mark), one row per name,
// address, identification, birth date or citizenship of an entity, all
// rows of one entity sharing Entity_LogicalId. Columns are found by
// header name (fileGenerationDate, Entity_LogicalId,
// Entity_EU_ReferenceNumber, Entity_SubjectType…, Entity_Regulation_Programme,
// Entity_DesignationDate, NameAlias_WholeName, Identification_Number, …).

func isEUHeader(rec []string) bool {
	id, name := false, false
	for _, h := range rec {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "entity_logicalid":
			id = true
		case "namealias_wholename":
			name = true
		}
	}
	return id && name
}

func euKind(t string) Kind {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "enterprise", "e":
		return KindOrganization
	case "person", "p":
		return KindPerson
	}
	return KindOther
}

// euIDType reports whether an EU identification type names a tax or
// registration number.
func euIDType(code, desc string) bool {
	switch strings.ToLower(code) {
	case "regnumber", "tax", "fiscalcode", "imo":
		return true
	case "passport", "id", "swiftbic", "birthcert", "drivinglicence", "ssn", "travel":
		return false
	}
	return isIDLabel(desc)
}

// readEUCSV reads the EU FSF CSV.
func readEUCSV(r io.Reader, path string) (*List, error) {
	cr := newCSV(openText(r), ';')
	l := &List{Source: SourceEU, Name: "EU consolidated list", Format: FormatEUCSV, Files: []string{path}}
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
			if isEUHeader(rec) {
				for i, h := range rec {
					col[strings.ToLower(strings.TrimSpace(h))] = i
				}
			} else if strings.EqualFold(field(rec[0]), "fileGenerationDate") && len(rec) > 1 {
				l.Version = isoDate(field(rec[1]))
			}
			continue
		}
		get := func(name string) string {
			if i, ok := col[strings.ToLower(name)]; ok && i < len(rec) {
				return field(rec[i])
			}
			return ""
		}
		lid := get("Entity_LogicalId")
		if lid == "" {
			bad.add(line)
			continue
		}
		if l.Version == "" {
			l.Version = isoDate(get("fileGenerationDate"))
		}
		i, seen := at[lid]
		if !seen {
			i = len(l.Entries)
			at[lid] = i
			id := get("Entity_EU_ReferenceNumber")
			if id == "" {
				id = lid
			}
			kind := euKind(get("Entity_SubjectType"))
			if kind == KindOther {
				kind = euKind(get("Entity_SubjectType_ClassificationCode"))
			}
			l.Entries = append(l.Entries, Entry{ID: id, Kind: kind, Row: line, Remarks: get("Entity_Remark")})
		}
		e := &l.Entries[i]
		name := get("NameAlias_WholeName")
		if name == "" {
			name = strings.Join(strings.Fields(get("NameAlias_FirstName")+" "+get("NameAlias_MiddleName")+" "+get("NameAlias_LastName")), " ")
		}
		typ := "aka"
		if len(e.Names) == 0 {
			typ = "primary"
		}
		e.addName(name, typ)
		e.Programs = addUnique(e.Programs, get("Entity_Regulation_Programme"))
		d := isoDate(get("Entity_DesignationDate"))
		if d == "" {
			d = isoDate(get("Entity_Regulation_PublicationDate"))
		}
		if d != "" && (e.Listed == "" || d < e.Listed) {
			e.Listed = d
		}
		if n := get("Identification_Number"); n != "" && euIDType(get("Identification_TypeCode"), get("Identification_TypeDescription")) {
			e.IDs = appendID(e.IDs, ID{Label: firstNonEmpty(get("Identification_TypeDescription"), get("Identification_TypeCode")), Value: n, Country: get("Identification_CountryDescription")})
		}
		c := get("Address_CountryDescription")
		if c == "" {
			c = get("Address_CountryIso2Code")
		}
		e.Countries = addUnique(e.Countries, c)
	}
	if len(col) == 0 {
		return nil, fileError(path, 0, ErrUnknownFormat, "no header row with Entity_LogicalId and NameAlias_WholeName was found")
	}
	if n := bad.note("rows without an Entity_LogicalId"); n != "" {
		l.Notes = append(l.Notes, n)
	}
	for i := range l.Entries {
		for _, id := range remarkIDs(l.Entries[i].Remarks) {
			l.Entries[i].IDs = appendID(l.Entries[i].IDs, id)
		}
	}
	return l, nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// appendID adds an identifier unless the same value is there already.
func appendID(ids []ID, id ID) []ID {
	n := normID(id.Value)
	for _, x := range ids {
		if normID(x.Value) == n {
			return ids
		}
	}
	return append(ids, id)
}

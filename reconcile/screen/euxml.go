package screen

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// The EU FSF in XML: <export generationDate=…> holding <sanctionEntity
// logicalId=… euReferenceNumber=… designationDate=…> elements, each with
// <regulation programme=… publicationDate=…>, <subjectType code=…>,
// <nameAlias wholeName=…>, <identification number=…
// identificationTypeCode=…>, <address countryDescription=…> and <remark>
// children. Namespaces are ignored; only local names count.

// readEUXML reads the EU FSF XML as a stream of tokens.
func readEUXML(r io.Reader, path string) (*List, error) {
	dec := xml.NewDecoder(openText(r))
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		// The file declares UTF-8; anything else is read as bytes and
		// repaired field by field.
		return in, nil
	}
	l := &List{Source: SourceEU, Name: "EU consolidated list", Format: FormatEUXML, Files: []string{path}}
	var stack []string
	var e *Entry
	var text strings.Builder
	sawExport := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fileError(path, line, ErrBadRow, "the XML is damaged here ("+err.Error()+"); download the file again")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, name)
			attr := func(k string) string {
				for _, a := range t.Attr {
					if a.Name.Local == k {
						return field(a.Value)
					}
				}
				return ""
			}
			switch {
			case name == "export":
				sawExport = true
				l.Version = isoDate(attr("generationDate"))
			case name == "sanctionEntity":
				id := attr("euReferenceNumber")
				if id == "" {
					id = attr("logicalId")
				}
				line, _ := dec.InputPos()
				l.Entries = append(l.Entries, Entry{ID: id, Kind: KindOther, Row: line, Listed: isoDate(attr("designationDate"))})
				e = &l.Entries[len(l.Entries)-1]
			case e == nil || parent != "sanctionEntity":
			case name == "subjectType":
				e.Kind = euKind(attr("code"))
				if e.Kind == KindOther {
					e.Kind = euKind(attr("classificationCode"))
				}
			case name == "regulation":
				e.Programs = addUnique(e.Programs, attr("programme"))
				if d := isoDate(attr("publicationDate")); d != "" && e.Listed == "" {
					e.Listed = d
				}
			case name == "nameAlias":
				n := attr("wholeName")
				if n == "" {
					n = strings.Join(strings.Fields(attr("firstName")+" "+attr("middleName")+" "+attr("lastName")), " ")
				}
				typ := "aka"
				if len(e.Names) == 0 {
					typ = "primary"
				}
				e.addName(n, typ)
			case name == "identification":
				if n := attr("number"); n != "" && euIDType(attr("identificationTypeCode"), attr("identificationTypeDescription")) {
					e.IDs = appendID(e.IDs, ID{Label: firstNonEmpty(attr("identificationTypeDescription"), attr("identificationTypeCode")), Value: n, Country: attr("countryDescription")})
				}
			case name == "address":
				e.Countries = addUnique(e.Countries, firstNonEmpty(attr("countryDescription"), attr("countryIso2Code")))
			case name == "remark":
				text.Reset()
			}
		case xml.CharData:
			if len(stack) > 0 && stack[len(stack)-1] == "remark" {
				text.Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				break
			}
			name := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case name == "sanctionEntity":
				e = nil
			case name == "remark" && e != nil && len(stack) > 0 && stack[len(stack)-1] == "sanctionEntity":
				e.Remarks = strings.TrimSpace(e.Remarks + " " + field(text.String()))
			}
		}
	}
	if !sawExport {
		return nil, fileError(path, 0, ErrUnknownFormat, "no <export> element: this XML is not the EU consolidated list")
	}
	for i := range l.Entries {
		for _, id := range remarkIDs(l.Entries[i].Remarks) {
			l.Entries[i].IDs = appendID(l.Entries[i].IDs, id)
		}
	}
	return l, nil
}

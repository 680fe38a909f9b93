package screen

import (
	"errors"
	"strconv"
	"strings"
)

// Format is a list file format, recognised by content.
type Format string

// The formats the readers know.
const (
	FormatOpenSanctions Format = "opensanctions" // targets.simple.csv
	FormatOFACSDN       Format = "ofac-sdn"      // sdn.csv (or cons_prim.csv): primary records
	FormatOFACAlt       Format = "ofac-alt"      // alt.csv: aliases by ent_num
	FormatOFACAdd       Format = "ofac-add"      // add.csv: addresses by ent_num
	FormatOFACComments  Format = "ofac-comments" // sdn_comments.csv: remarks continued
	FormatUKOFSI        Format = "uk-ofsi"       // ConList.csv
	FormatEUCSV         Format = "eu-csv"        // EU consolidated financial sanctions file, CSV
	FormatEUXML         Format = "eu-xml"        // the same, XML
)

// Source codes name a list in decisions and outputs. They stay the same
// from one download of a list to the next, so decisions keyed by them
// carry over.
const (
	SourceOFAC          = "ofac"
	SourceOpenSanctions = "opensanctions"
	SourceUK            = "uk_ofsi"
	SourceEU            = "eu_fsf"
)

// Kind is what a list entry is.
type Kind string

// Kinds. Only KindOrganization is screened against company names.
const (
	KindOrganization Kind = "organization"
	KindPerson       Kind = "person"
	KindVessel       Kind = "vessel"
	KindAircraft     Kind = "aircraft"
	// KindUnknown is an entry the file does not type, such as an OFAC
	// alias whose ent_num is missing from an older sdn.csv.
	KindUnknown Kind = "unknown"
	KindOther   Kind = "other"
)

// Name is one name of a list entry.
type Name struct {
	Text string
	Type string // "primary", "aka", "fka", "nka", "weak", "non-latin" …
}

// ID is an identifier a list gives for an entry: a tax ID, a registration
// number, an IMO number.
type ID struct {
	Label   string // as the list labels it: "Tax ID No.", "INN", "USCC"
	Value   string // as written
	Country string // when the list says, as written
}

// Entry is one listed person, organisation, vessel or aircraft.
type Entry struct {
	ID        string // the list's own ID: OFAC ent_num, OpenSanctions id, OFSI group ID, EU reference number
	Kind      Kind
	Names     []Name // primary name first
	IDs       []ID
	Programs  []string // sanctions programmes or regimes
	Listed    string   // listing date, ISO when the list gives a date, "" when it gives none
	Countries []string
	Addresses []string
	Remarks   string
	Row       int // 1-based line or record of the first row in the file
}

// Primary is the entry's first name.
func (e *Entry) Primary() string {
	if len(e.Names) == 0 {
		return ""
	}
	return e.Names[0].Text
}

// List is one sanctions list as read from one file or one set of OFAC
// files.
type List struct {
	Source  string   // SourceOFAC, SourceOpenSanctions, SourceUK, SourceEU
	Name    string   // for people: "OFAC SDN", "OpenSanctions", "UK OFSI consolidated list", "EU consolidated list"
	Format  Format   // of the main file
	Files   []string // paths read, main file first
	Version string   // date or version the file states, "" when none
	Entries []Entry
	// Notes say what was skipped or could not be used, with counts: no
	// row is dropped without a note.
	Notes []string
}

// Count returns how many entries are of kind k.
func (l *List) Count(k Kind) int {
	n := 0
	for i := range l.Entries {
		if l.Entries[i].Kind == k {
			n++
		}
	}
	return n
}

// Summary is a one-line account of the list for a CLI or a Sources sheet.
func (l *List) Summary() string {
	var b strings.Builder
	b.WriteString(l.Name)
	if l.Version != "" {
		b.WriteString(" (" + l.Version + ")")
	}
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(len(l.Entries)) + " entries, " + strconv.Itoa(l.Count(KindOrganization)) + " organisations screened")
	if n := len(l.Entries) - l.Count(KindOrganization); n > 0 {
		b.WriteString("; " + strconv.Itoa(n) + " individuals, vessels, aircraft and untyped entries kept but not screened against company names")
	}
	return b.String()
}

// Errors of the list readers. They come wrapped in a *reconcile.Error that
// names the file and row.
var (
	ErrUnknownFormat = errors.New("not a sanctions list format Tradecheck reads")
	ErrBadRow        = errors.New("row cannot be read")
	ErrOFACParts     = errors.New("OFAC files do not fit together")
)

package read

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"tradecheck/reconcile"
)

// MaxInMemorySize bounds the HTML and Excel 2003 XML files that are read
// whole into memory.
const MaxInMemorySize = 256 << 20

// readSmallFile reads a file that is parsed whole, refusing huge ones.
func readSmallFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}
	}
	if fi.Size() > MaxInMemorySize {
		return nil, &reconcile.Error{File: path, Err: fmt.Errorf("%w: HTML and XML spreadsheets are read in memory, limit %s", reconcile.ErrTooLarge, humanBytes(MaxInMemorySize)),
			Hint: "open it in Excel or LibreOffice and save it as .xlsx"}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}
	}
	return b, nil
}

// decodeMarkup turns HTML or XML bytes into UTF-8: a BOM or a declared
// charset (<meta charset>, <?xml encoding?>) settles it, otherwise the
// letter statistics of detectEncoding. It returns the encoding's name.
func decodeMarkup(b []byte) (string, string) {
	enc, name, certain := charset.DetermineEncoding(b[:min(len(b), 4096)], "text/html")
	if !certain || name == "windows-1252" {
		// DetermineEncoding falls back to windows-1252 when nothing is
		// declared: the letters decide instead.
		if ch := detectEncodingChoice(b[:min(len(b), csvSniffBytes)]); ch.name != "utf-8" || !certain {
			name = ch.name
			if d := decoderFor(name); d != nil {
				enc = d
			} else {
				enc = nil
			}
		}
	}
	if enc == nil || name == "utf-8" {
		return strings.TrimPrefix(string(b), "\ufeff"), "utf-8"
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD"), name
	}
	return strings.TrimPrefix(string(out), "\ufeff"), name
}

// openHTML reads the tables of an HTML page saved as .xls (web portals'
// "Excel" exports): every innermost <table> with rows becomes a sheet
// named "Table 1", "Table 2" …; colspan and rowspan keep later cells in
// their columns; rows hidden with display:none are marked hidden.
func openHTML(path string, data []byte) (*memBook, string, error) {
	text, enc := decodeMarkup(data)
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, "", &reconcile.Error{File: path, Err: reconcile.ErrCorrupt, Hint: "the HTML cannot be parsed (" + err.Error() + "); open it in Excel and save it as .xlsx"}
	}
	var tables []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "table" && !hasDescendant(n, "table") {
			tables = append(tables, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	b := &memBook{}
	for _, t := range tables {
		rows := htmlRows(t)
		if len(rows) == 0 {
			continue
		}
		b.sheets = append(b.sheets, memSheet{name: "Table " + strconv.Itoa(len(b.sheets)+1), rows: rows})
	}
	if len(b.sheets) == 0 {
		return nil, "", &reconcile.Error{File: path, Err: fmt.Errorf("%w (an HTML page without a table)", reconcile.ErrNotSheet), Hint: "export the data from the portal again"}
	}
	return b, enc, nil
}

func hasDescendant(n *html.Node, tag string) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == tag || hasDescendant(c, tag) {
			return true
		}
	}
	return false
}

func htmlRows(table *html.Node) []rawRow {
	var rows []rawRow
	spans := map[int]int{} // column → rows still covered by a rowspan above
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.Data != "tr" {
				visit(c) // thead, tbody, tfoot
				continue
			}
			var rb rowBuilder
			col := 0
			skipSpanned := func() {
				for spans[col] > 0 {
					spans[col]--
					col++
				}
			}
			for td := c.FirstChild; td != nil; td = td.NextSibling {
				if td.Type != html.ElementNode || td.Data != "td" && td.Data != "th" {
					continue
				}
				skipSpanned()
				s := strings.Join(strings.Fields(nodeText(td)), " ")
				k := kindString
				if s == "" {
					k = kindEmpty
				}
				rb.put(col, cell{s: s, k: k})
				cs := max(1, min(atoiAttr(td, "colspan"), 1000))
				rs := max(1, min(atoiAttr(td, "rowspan"), 100000))
				for i := 0; i < cs; i++ {
					if rs > 1 {
						spans[col+i] = rs - 1
					}
				}
				col += cs
			}
			skipSpanned()
			style := strings.ToLower(strings.ReplaceAll(htmlAttr(c, "style"), " ", ""))
			rows = append(rows, rawRow{num: len(rows) + 1, cells: rb.cells, hidden: strings.Contains(style, "display:none")})
		}
	}
	visit(table)
	return rows
}

func nodeText(n *html.Node) string {
	var b bytes.Buffer
	var f func(*html.Node)
	f = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "br" || n.Data == "p" || n.Data == "div"):
			b.WriteByte(' ')
		case n.Type == html.ElementNode && (n.Data == "style" || n.Data == "script"):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func atoiAttr(n *html.Node, key string) int {
	v, err := strconv.Atoi(strings.TrimSpace(htmlAttr(n, key)))
	if err != nil {
		return 1
	}
	return v
}

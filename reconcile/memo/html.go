package memo

import (
	"bytes"
	"html/template"
)

// HTML renders the memo as one self-contained page that prints cleanly:
// no scripts, no external files, a print stylesheet that keeps each
// claim's heading with its text and repeats table headers across pages.
// html/template escapes every value, so a cell from a source file cannot
// inject markup.
func (m *Memo) HTML() (string, error) {
	var b bytes.Buffer
	if err := page.Execute(&b, m); err != nil {
		return "", err
	}
	return b.String(), nil
}

var page = template.Must(template.New("memo").Funcs(template.FuncMap{
	"add":    func(a, b int) int { return a + b },
	"sub":    func(a, b int) int { return a - b },
	"dash":   orDash,
	"size":   fileSize,
	"byline": func(m *Memo) string { return m.byline() },
	"verdictClass": func(c Claim) string {
		return "v-" + string(c.Kind)
	},
}).Parse(pageHTML))

const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{if eq (len .Claims) 1}}Verification memo: claim {{(index .Claims 0).ID}}{{else}}Verification memo{{end}}</title>
<style>
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.4;
  color: #1a1a1a; background: #fff; max-width: 60em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .2em; }
h2 { font-size: 15pt; margin: 1.6em 0 .4em; border-bottom: 1px solid #999; padding-bottom: .15em; }
h3 { font-size: 12pt; margin: 1.1em 0 .3em; }
.byline { color: #444; margin: 0 0 1em; }
blockquote { margin: .4em 0 .8em; padding: .3em .8em; border-left: 4px solid #666; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; font-size: 9.5pt; }
th, td { border: 1px solid #bbb; padding: .2em .4em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
td.src, code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; word-break: break-all; }
table.facts th { width: 11em; }
.verdict { font-weight: bold; padding: 0 .3em; border: 1px solid; }
.v-supported { color: #0a5c2b; }
.v-contradicted { color: #9b1c1c; }
.v-insufficient_data { color: #7a4b00; }
.v-nothing_found { color: #333; }
ul { margin: .2em 0 .6em; padding-left: 1.4em; }
.more { color: #444; font-style: italic; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-before: auto; break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  blockquote, table.facts { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
</style>
</head>
<body>
{{if eq (len .Claims) 1}}<h1>Verification memo: claim {{(index .Claims 0).ID}}</h1>{{else}}<h1>Verification memo</h1>{{end}}
<p class="byline">{{byline .}}</p>
{{if gt (len .Claims) 1}}
<table>
<thead><tr><th>Claim</th><th>Sentence</th><th>Verdict</th><th>Figure found</th></tr></thead>
<tbody>
{{range .Claims}}<tr><td>{{.ID}}</td><td>{{.Text}}</td><td class="{{verdictClass .}}"><b>{{.Verdict}}</b></td><td class="num">{{dash .Figure}}</td></tr>
{{end}}</tbody>
</table>
{{end}}
{{range .Claims}}
<section class="claim">
<h2>{{.ID}}: <span class="verdict {{verdictClass .}}">{{.Verdict}}</span></h2>
<blockquote>{{.Text}}</blockquote>
<p>{{.Reason}}</p>
<table class="facts">
<tr><th>Verdict</th><td class="{{verdictClass .}}"><b>{{.Verdict}}</b></td></tr>
<tr><th>The claim says</th><td>{{.Expected}}</td></tr>
<tr><th>Figure found</th><td>{{dash .Figure}}</td></tr>
{{if .Bounds}}<tr><th>Bounds</th><td>{{.Bounds}}</td></tr>{{end}}
{{if .Tolerance}}<tr><th>Tolerance</th><td>{{.Tolerance}}</td></tr>{{end}}
<tr><th>Filters</th><td>{{.Filters}}</td></tr>
{{if .Coverage}}<tr><th>Dates</th><td>{{.Coverage}}</td></tr>{{end}}
</table>
{{if .Note}}<p>Fact-checker's note: {{.Note}}</p>{{end}}
{{if .Notes}}<h3>Notes</h3>
<ul>{{range .Notes}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .Names}}<h3>Company names</h3>
<ul>{{range .Names}}<li>{{.Role}} “{{.Query}}” matched {{if .Entities}}{{len .Entities}} {{if eq (len .Entities) 1}}entity{{else}}entities{{end}} by the rule <i>{{.Rule}}</i>:
<ul>{{range .Entities}}<li>{{.Canonical}} ({{.ID}}), spelled:
<ul>{{range .Members}}<li>“{{.Name}}”{{if .TaxID}}, tax ID {{.TaxID}}{{end}}: {{.Reason}}</li>{{end}}</ul></li>{{end}}</ul>
{{else}}no entity ({{.Rule}}){{end}}</li>{{end}}</ul>{{end}}
{{if .Decisions}}<h3>Your decisions that affect it</h3>
<ul>{{range .Decisions}}<li>{{.}}</li>{{end}}</ul>{{end}}
<h3>Shipments in scope ({{add (len .InScope) .MoreIn}})</h3>
{{if .InScope}}<table>
<thead><tr><th>Shipment</th><th>Date</th><th>Value</th><th>Source rows</th></tr></thead>
<tbody>
{{range .InScope}}<tr><td>{{.ID}}</td><td class="date">{{.Date}}</td><td class="num">{{.Value}}</td><td class="src">{{.Sources}}</td></tr>
{{end}}</tbody>
</table>
{{if .MoreIn}}<p class="more">… and {{.MoreIn}} more: the Claims sheet of the audit workbook lists every one.</p>{{end}}
{{else}}<p>None.</p>{{end}}
{{if .Files}}<p>Files these rows come from:</p>
<ul>{{range .Files}}<li>{{.Name}}: SHA-256 <code>{{.SHA256}}</code></li>{{end}}</ul>{{end}}
<h3>Near the boundary: {{.NearBy}}</h3>
{{if .Near}}<p>Shipments that pass every filter but one.</p>
<table>
<thead><tr><th>Shipment</th><th>Date</th><th>Value</th><th>Misses</th><th>Source rows</th></tr></thead>
<tbody>
{{range .Near}}<tr><td>{{.ID}}</td><td class="date">{{.Date}}</td><td class="num">{{.Value}}</td><td>{{.Missed}}</td><td class="src">{{.Sources}}</td></tr>
{{end}}</tbody>
</table>
{{if gt .NearTotal (len .Near)}}<p class="more">… and {{sub .NearTotal (len .Near)}} more.</p>{{end}}{{end}}
</section>
{{end}}
<h2>Rules applied</h2>
<ul>{{range .Rules}}<li><b>{{.Name}}:</b> {{.Value}}</li>{{end}}</ul>
<h2>Source files of the run</h2>
<table>
<thead><tr><th>File</th><th>SHA-256</th><th>Size</th></tr></thead>
<tbody>
{{range .Files}}<tr><td>{{.Name}}</td><td class="src">{{.SHA256}}</td><td>{{size .}}</td></tr>
{{end}}</tbody>
</table>
</body>
</html>
`

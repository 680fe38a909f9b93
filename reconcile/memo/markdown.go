package memo

import (
	"strconv"
	"strings"
)

// Markdown renders the memo for pasting into a chat, an e-mail or a
// document. Text from source files is escaped, so a company name with
// "*" or "|" cannot break the tables or the emphasis.
func (m *Memo) Markdown() string {
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	if len(m.Claims) == 1 {
		c := &m.Claims[0]
		w("# Verification memo: claim ", esc(c.ID), "\n\n")
	} else {
		w("# Verification memo\n\n")
	}
	w(m.byline(), "\n\n")
	if len(m.Claims) > 1 {
		w("| Claim | Sentence | Verdict | Figure found |\n|---|---|---|---|\n")
		for _, c := range m.Claims {
			w("| ", cell(c.ID), " | ", cell(c.Text), " | **", cell(c.Verdict), "** | ", cell(orDash(c.Figure)), " |\n")
		}
		w("\n")
	}
	for i := range m.Claims {
		m.claimMarkdown(&b, &m.Claims[i])
	}
	w("## Rules applied\n\n")
	for _, r := range m.Rules {
		w("- **", esc(r.Name), ":** ", esc(r.Value), "\n")
	}
	w("\n## Source files of the run\n\n| File | SHA-256 | Size |\n|---|---|---|\n")
	for _, f := range m.Files {
		w("| ", code(f.Name), " | `", f.SHA256, "` | ", cell(fileSize(f)), " |\n")
	}
	return b.String()
}

func (m *Memo) byline() string {
	s := "Checked with Tradecheck " + m.Version
	if m.Generated != "" {
		s += " on " + m.Generated
	}
	return s + ". Every figure traces to a file, sheet and row; the SHA-256 identifies the exact file."
}

func (m *Memo) claimMarkdown(b *strings.Builder, c *Claim) {
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	w("## ", esc(c.ID), ": ", esc(c.Verdict), "\n\n")
	w("> ", esc(oneLine(c.Text)), "\n\n")
	w(esc(c.Reason), "\n\n")
	w("| | |\n|---|---|\n")
	w("| Verdict | **", cell(c.Verdict), "** |\n")
	w("| The claim says | ", cell(c.Expected), " |\n")
	w("| Figure found | ", cell(orDash(c.Figure)), " |\n")
	if c.Bounds != "" {
		w("| Bounds | ", cell(c.Bounds), " |\n")
	}
	if c.Tolerance != "" {
		w("| Tolerance | ", cell(c.Tolerance), " |\n")
	}
	w("| Filters | ", cell(c.Filters), " |\n")
	if c.Coverage != "" {
		w("| Dates | ", cell(c.Coverage), " |\n")
	}
	w("\n")
	if c.Note != "" {
		w("Fact-checker's note: ", esc(oneLine(c.Note)), "\n\n")
	}
	if len(c.Notes) > 0 {
		w("### Notes\n\n")
		for _, n := range c.Notes {
			w("- ", esc(n), "\n")
		}
		w("\n")
	}
	if len(c.Names) > 0 {
		w("### Company names\n\n")
		for _, n := range c.Names {
			w("- ", esc(n.Role), " “", esc(n.Query), "” matched ")
			if len(n.Entities) == 0 {
				w("no entity (", esc(n.Rule), ")\n")
				continue
			}
			w(plural(len(n.Entities), "entity", "entities"), " by the rule *", esc(n.Rule), "*:\n")
			for _, e := range n.Entities {
				w("  - ", esc(e.Canonical), " (", esc(e.ID), "), spelled:\n")
				for _, mb := range e.Members {
					w("    - “", esc(mb.Name), "”")
					if mb.TaxID != "" {
						w(", tax ID ", esc(mb.TaxID))
					}
					w(": ", esc(mb.Reason), "\n")
				}
			}
		}
		w("\n")
	}
	if len(c.Decisions) > 0 {
		w("### Your decisions that affect it\n\n")
		for _, d := range c.Decisions {
			w("- ", esc(d), "\n")
		}
		w("\n")
	}
	w("### Shipments in scope (", strconv.Itoa(len(c.InScope)+c.MoreIn), ")\n\n")
	if len(c.InScope) == 0 {
		w("None.\n\n")
	} else {
		w("| Shipment | Date | Value | Source rows |\n|---|---|---|---|\n")
		for _, s := range c.InScope {
			w("| ", cell(s.ID), " | ", cell(s.Date), " | ", cell(s.Value), " | ", code(s.Sources), " |\n")
		}
		if c.MoreIn > 0 {
			w("\n… and ", strconv.Itoa(c.MoreIn), " more: the Claims sheet of the audit workbook lists every one.\n")
		}
		w("\n")
	}
	if len(c.Files) > 0 {
		w("Files these rows come from:\n\n")
		for _, f := range c.Files {
			w("- ", code(f.Name), ": SHA-256 `", f.SHA256, "`\n")
		}
		w("\n")
	}
	w("### Near the boundary: ", esc(c.NearBy), "\n\n")
	if len(c.Near) > 0 {
		w("Shipments that pass every filter but one.\n\n")
		w("| Shipment | Date | Value | Misses | Source rows |\n|---|---|---|---|---|\n")
		for _, s := range c.Near {
			w("| ", cell(s.ID), " | ", cell(s.Date), " | ", cell(s.Value), " | ", cell(s.Missed), " | ", code(s.Sources), " |\n")
		}
		if more := c.NearTotal - len(c.Near); more > 0 {
			w("\n… and ", strconv.Itoa(more), " more.\n")
		}
		w("\n")
	}
}

func fileSize(f File) string {
	if f.Error != "" {
		return "not read: " + f.Error
	}
	return f.Size
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// mdSpecial are the characters Markdown could read as markup.
var mdSpecial = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`)

// esc escapes text for Markdown.
func esc(s string) string { return mdSpecial.Replace(s) }

// cell escapes text for a table cell, where a line break would end the row.
func cell(s string) string { return esc(oneLine(s)) }

// code puts text (file names, source rows) in a code span, where Markdown
// reads nothing as markup; a backtick in the text gets a longer fence. A
// "|" is still escaped because tables split on it even inside code.
func code(s string) string {
	s = strings.ReplaceAll(oneLine(s), "|", `\|`)
	if s == "" {
		return ""
	}
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}

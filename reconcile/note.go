package reconcile

// Note is something the engine found that whoever reads the figures must
// know: a sheet's warning, a read note of the Summary, a column's reason,
// a possible double counting. Text says what is wrong and what there is
// to decide in words that fit every output: the app shows it word for
// word and the workbook puts it before an editor, so it names no flag
// and no screen. When a step of the user's settles it, Step names that
// step and where it applies, and each front end adds where to take it
// with its own controls (With), as it does for an Error's Fix.
type Note struct {
	Text string
	Step
}

// Step is the kind of step a Note or an Error asks for, with what a front
// end needs to word it: which source, sheet and column, and the value in
// question. Zero fields do not apply.
type Step struct {
	Fix    Fix
	File   string // the source's path as given; "" when the user must pick the file
	Sheet  string // "" for a text file, or every sheet
	Column int    // 1-based, as Excel shows it; 0 for none
	// Value is what the step is about: the currency label to give a rate
	// (FixCurrencyRate), the field to map Column to (FixMapColumns), the
	// flow whose declaring country to give (FixTradeFlow: "export" when
	// empty, or "import"), the declaring country an import register's
	// rows took as their destination (FixImportDestination).
	Value string
}

// String is the note's text, as the workbook shows it.
func (n Note) String() string { return n.Text }

// With is n's text followed by how(n.Step), a front end's words for where
// to take the step n.Fix names; just the text when how has none.
func (n Note) With(how func(Step) string) string {
	if n.Fix == FixNone || how == nil {
		return n.Text
	}
	if w := how(n.Step); w != "" {
		return n.Text + " — " + w
	}
	return n.Text
}

// NoteTexts are the notes' texts, in order, as the workbook shows them.
func NoteTexts(ns []Note) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Text
	}
	return out
}

// NotesWith are the notes, each completed by how (Note.With), in order.
func NotesWith(ns []Note, how func(Step) string) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.With(how)
	}
	return out
}

package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
)

// humanMessage is the one-line message a user sees for err: the file's
// base name rather than its full path, the position, what went wrong and
// what to do. The full text goes to the details.
func humanMessage(err error) string {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range j.Unwrap() {
			lines = append(lines, humanMessage(e))
		}
		return strings.Join(lines, "\n")
	}
	var re *reconcile.Error
	if errors.As(err, &re) {
		short := *re
		short.Hint = re.HintWith(how)
		short.File = filepath.Base(re.File)
		if re.File == "" {
			short.File = "input"
		}
		return short.Error()
	}
	if errors.Is(err, reconcile.ErrCanceled) {
		return "Cancelled."
	}
	return err.Error()
}

// how is the app's wording for where to take a step the engine asks
// for, in an error (its Fix) or a note: the engine names no control, the
// app names its own. It is the one place that turns a Fix into a
// control.
func how(s reconcile.Step) string {
	switch s.Fix {
	case reconcile.FixPassword:
		return "add the file again (Add files… on the Sources screen) and enter the password when asked"
	case reconcile.FixOutputFile, reconcile.FixOutputFolder:
		return "save again and pick another place in the dialog"
	case reconcile.FixMapColumns:
		if s.Column > 0 && s.Value != "" {
			return fmt.Sprintf("choose %s above column %s on the Sources screen", s.Value, reconcile.ColumnName(s.Column))
		}
		return "select the sheet on the Sources screen and click its columns to choose their fields"
	case reconcile.FixCheckClaims:
		return "add the claims on the Claims screen, then export the audit workbook"
	case reconcile.FixDateOrder:
		return "choose it in Date order on the Sources screen"
	case reconcile.FixTradeFlow:
		if s.File == "" {
			label := flowExport
			if s.Value == reconcile.FlowImport {
				label = flowImport
			}
			return "select the file on the Sources screen, set its Trade flow to " + label + " and enter the declaring country"
		}
		return "enter the declaring country beside Trade flow on the Sources screen"
	case reconcile.FixImportDestination:
		return "if they are export declarations, set the file's Trade flow to " + flowExport + " on the Sources screen; if they are imports into another country, give it as the sheet's Fixed value destination_country"
	case reconcile.FixIncludeRows:
		return "select each such row on the Shipments screen (listed as excluded) and click Count again"
	case reconcile.FixTonUnit:
		return "choose what \"tons\" mean beside Date order on the Sources screen (metric tonne, short ton or long ton)"
	case reconcile.FixCurrencyRate:
		if s.Value != "" {
			return "enter the rate for " + s.Value + " in Rates and rules… (on the Totals screen or beside the sheet on the Sources screen)"
		}
		return "enter the rate in Rates and rules… (on the Totals screen or beside the sheet on the Sources screen)"
	case reconcile.FixShipmentRules:
		return "change them in Rates and rules… (on the Totals screen)"
	case reconcile.FixLeaveOutSheet:
		return "select the sheet on the Sources screen and click " + leaveOutLabel
	case reconcile.FixDecimalSeparator:
		// The app has no control for it yet; say what works rather than
		// leave the note without a step.
		return "the app cannot set a column's decimal separator yet: in the spreadsheet, store the column as numbers (or write every weight with one separator) and add the file again"
	}
	return ""
}

// withControls is a note as the app shows it: the engine's words, then
// the app's control for the step the note asks for.
func withControls(n reconcile.Note) string { return n.With(how) }

// errorDetails lists every error in err's chain, outermost first, with the
// position fields of any reconcile.Error, for the expandable details.
func errorDetails(err error) string {
	var b strings.Builder
	for e, depth := err, 0; e != nil && depth < 20; depth++ {
		fmt.Fprintf(&b, "%T: %s\n", e, e.Error())
		var re *reconcile.Error
		if errors.As(e, &re) && re == e {
			fmt.Fprintf(&b, "  file: %s\n", re.File)
			if re.Sheet != "" {
				fmt.Fprintf(&b, "  sheet: %s\n", re.Sheet)
			}
			if re.Row > 0 {
				fmt.Fprintf(&b, "  row: %d\n", re.Row)
			}
			if re.Column > 0 {
				fmt.Fprintf(&b, "  column: %s\n", reconcile.ColumnName(re.Column))
			}
			if h := re.HintWith(how); h != "" {
				fmt.Fprintf(&b, "  hint: %s\n", h)
			}
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, sub := range j.Unwrap() {
				fmt.Fprintf(&b, "  + %s\n", sub.Error())
			}
			break
		}
		e = errors.Unwrap(e)
	}
	return strings.TrimRight(b.String(), "\n")
}

// errorContent builds the body of an error dialog: the human message and
// an accordion with the details, closed by default.
func errorContent(err error) fyne.CanvasObject {
	msg := widget.NewLabel(humanMessage(err))
	msg.Wrapping = fyne.TextWrapWord
	details := widget.NewEntry()
	details.MultiLine = true
	details.Wrapping = fyne.TextWrapWord
	details.SetText(errorDetails(err))
	// Read-only in spirit but still selectable, so users can copy it into
	// a bug report; edits are simply discarded.
	details.SetMinRowsVisible(6)
	acc := widget.NewAccordion(widget.NewAccordionItem("Details", details))
	return container.NewVBox(msg, acc)
}

// showError shows err in a dialog with its human message and details.
func showError(title string, err error, w fyne.Window) {
	if title == "" {
		title = "Something went wrong"
	}
	d := dialog.NewCustom(title, "Close", errorContent(err), w)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// askPassword asks for the password of an encrypted workbook. wrong says
// the previous attempt failed, so the prompt says so. done gets the
// password, or ok=false when the user cancelled.
func askPassword(file string, wrong bool, w fyne.Window, done func(password string, ok bool)) {
	pw := widget.NewPasswordEntry()
	pw.SetPlaceHolder("Password")
	text := fmt.Sprintf("%s is password-protected.", filepath.Base(file))
	if wrong {
		text = fmt.Sprintf("Wrong password for %s. Try again.", filepath.Base(file))
	}
	items := []*widget.FormItem{
		{Text: "", Widget: widget.NewLabel(text)},
		{Text: "Password", Widget: pw},
	}
	d := dialog.NewForm("Password needed", "Open", "Skip this file", items, func(ok bool) {
		done(pw.Text, ok)
	}, w)
	pw.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	w.Canvas().Focus(pw)
}

package cli

import (
	"path/filepath"
	"strings"

	"tradecheck/reconcile"
)

// explain is err's message as the command line prints it: the engine's
// hints, which name no flag, completed with the flag that takes the step.
func explain(err error) string { return reconcile.Explain(err, how) }

// withFlags is a note as the command line prints it: the engine's words,
// then the flag that takes the step the note asks for.
func withFlags(n reconcile.Note) string { return n.With(how) }

// how is the command line's wording for where to take a step the engine
// asks for, in an error (its Fix) or a note: the flag, with an argument
// the user can copy. It is the one place that turns a Fix into a flag.
func how(s reconcile.Step) string {
	switch s.Fix {
	case reconcile.FixPassword:
		return "give it with --password"
	case reconcile.FixOutputFile:
		return "name the output with -o"
	case reconcile.FixOutputFolder:
		return "give --parquet a folder"
	case reconcile.FixMapColumns:
		if s.Column > 0 && s.Value != "" {
			return "with --map " + shellQuote(sheetArg(s.File, s.Sheet)+":"+reconcile.ColumnName(s.Column)+"="+s.Value)
		}
		return mapHow(s.File, s.Sheet, "COLUMN")
	case reconcile.FixCheckClaims:
		return "run tradecheck-cli check --claims CLAIMS.csv -o OUT.xlsx FILE..., which writes them into the audit workbook"
	case reconcile.FixDateOrder:
		arg := sheetArg(s.File, s.Sheet)
		return "with --date-order " + shellQuote(arg+":dmy") + " (day first) or " + shellQuote(arg+":mdy") + " (month first, US style)"
	case reconcile.FixTonUnit:
		arg := sheetArg(s.File, s.Sheet)
		return "with --unit " + shellQuote(arg+":tons=t") + " (metric), " + shellQuote(arg+":tons=short ton") + " or " + shellQuote(arg+":tons=long ton")
	case reconcile.FixCurrencyRate:
		return "with --rate " + shellQuote(s.Value+"=RATE")
	case reconcile.FixTradeFlow:
		flow := reconcile.FlowExport
		if s.Value != "" {
			flow = s.Value
		}
		if s.File == "" {
			return "with --flow 'FILE=" + flow + ":CC' for the file of " + flow + " declarations (CC: the declaring country's ISO code)"
		}
		return "with --flow " + shellQuote(sheetArg(s.File, s.Sheet)+"="+flow+":CC") + " (CC: the declaring country's ISO code)"
	case reconcile.FixImportDestination:
		// The declaring country is known (the rows took it, Value): the
		// undo is the export flow with that country, or the rows' own
		// destination. "export:CC" asked for a country the note already
		// names, and invited the destination's code in its place.
		arg := sheetArg(s.File, s.Sheet)
		flow := arg + "=export"
		if s.Value != "" {
			flow += ":" + s.Value
		}
		return "if they are export declarations, with --flow " + shellQuote(flow) + "; if they are imports into another country, with --map " +
			shellQuote(arg+":destination_country=CC") + " (CC: the destination's ISO code)"
	case reconcile.FixIncludeRows:
		return `write "include" in the Decision column of the audit workbook's Shipments sheet for each shipment, then run again with --decisions WORKBOOK.xlsx`
	case reconcile.FixShipmentRules:
		return "set with --bl-window, --packaging-band and --export-window"
	case reconcile.FixLeaveOutSheet:
		return "with --skip-sheet " + shellQuote(sheetArg(s.File, s.Sheet))
	case reconcile.FixDecimalSeparator:
		arg := sheetArg(s.File, s.Sheet) + ":" + reconcile.ColumnName(s.Column)
		return "with --decimal " + shellQuote(arg+"=comma") + " or " + shellQuote(arg+"=point") + ", or --unit " + shellQuote(arg+"=t")
	}
	return ""
}

// sheetArg names a file, or one sheet of it, as the flags that take
// FILE[!SHEET] do: the file's base name, "!sheet" for a workbook sheet;
// "FILE" when the step names no file.
func sheetArg(path, sheet string) string {
	arg := "FILE"
	if path != "" {
		arg = filepath.Base(path)
	}
	if sheet != "" {
		arg += "!" + sheet
	}
	return arg
}

// shellQuote quotes s for a POSIX shell in single quotes, so that "!"
// (a sheet) and spaces ("short ton") reach the flag as written.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// mapHow says how to map column col (letters, or a placeholder) of a
// sheet with --map, as an argument the user can copy.
func mapHow(path, sheet, col string) string {
	return "with --map " + shellQuote(sheetArg(path, sheet)+":"+col+"=consignee") + " (fields: consignee, shipper, date, consignee_id, shipper_id)"
}

// firstUnmapped is the letters of the first column with a header but no
// field, the natural example for --map; "COLUMN" when there is none.
func firstUnmapped(headers []string, fields []reconcile.Field) string {
	for i, h := range headers {
		if strings.TrimSpace(h) != "" && (i >= len(fields) || fields[i] == reconcile.FieldNone) {
			return reconcile.ColumnName(i + 1)
		}
	}
	return "COLUMN"
}

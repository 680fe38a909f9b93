package cli

import (
	"path/filepath"
	"strconv"
	"strings"

	"tradecheck/reconcile"
)

// explain is err's message as the command line prints it: the engine's
// hints, which name no flag, completed with the flag that takes the step.
func explain(err error) string { return reconcile.Explain(err, how) }

// how is the command line's wording for where to take an error's Fix.
func how(re *reconcile.Error) string {
	switch re.Fix {
	case reconcile.FixPassword:
		return "give it with --password"
	case reconcile.FixOutputFile:
		return "name the output with -o"
	case reconcile.FixOutputFolder:
		return "give --parquet a folder"
	case reconcile.FixMapColumns:
		return mapHow(re.File, re.Sheet, "COLUMN")
	case reconcile.FixCheckClaims:
		return "run tradecheck-cli check --claims CLAIMS.csv -o OUT.xlsx FILE..., which writes them into the audit workbook"
	}
	return ""
}

// mapHow says how to map column col (letters, or a placeholder) of a
// sheet with --map, as an argument the user can copy.
func mapHow(path, sheet, col string) string {
	arg := filepath.Base(path)
	if sheet != "" {
		arg += "!" + sheet
	}
	return "with --map " + strconv.Quote(arg+":"+col+"=consignee") + " (fields: consignee, shipper, date, consignee_id, shipper_id)"
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

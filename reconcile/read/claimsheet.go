package read

import (
	"fmt"
	"strings"

	"tradecheck/reconcile"
)

// ClaimsSheetName is the sheet where a fact-checker types claims to check
// (package claims reads it). Its rows are claims, not shipments: reading
// it as a shipment table would count claims as goods.
const ClaimsSheetName = "Claims"

// claimsSheet refuses a sheet named Claims (any case) as a shipment
// source. The error wraps ErrNoTable, so callers list the sheet as holding
// no shipment table.
func claimsSheet(path, name string) error {
	if !strings.EqualFold(strings.TrimSpace(name), ClaimsSheetName) {
		return nil
	}
	return &reconcile.Error{File: path, Sheet: name, Err: fmt.Errorf("%w: a Claims sheet holds claims to check, not shipments", reconcile.ErrNoTable),
		Hint: "its rows are read as claims to check, not as shipments"}
}

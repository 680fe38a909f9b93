package pipeline

import (
	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/values"
)

// sheetSetting applies an override that names no column (Column -1): a
// date order or a fixed value for the sheet (every sheet when o.Sheet is
// ""), leaving the sheet out or including a summary sheet, or the reading
// of "tons" alone (Unit "t", "short ton" or "long
// ton"). Settings that do not parse are ignored here; the CLI and the app
// refuse them when they are given.
func sheetSetting(opt *read.Options, o ColumnOverride) {
	if o.SheetUse == read.SheetLeaveOut || o.SheetUse == read.SheetInclude {
		if opt.SheetUse == nil {
			opt.SheetUse = map[string]string{}
		}
		opt.SheetUse[o.Sheet] = o.SheetUse
	}
	if d, ok := ParseDateOrder(o.DateOrder); ok {
		if o.Sheet == "" {
			opt.DateOrder = d
		} else {
			if opt.SheetDateOrder == nil {
				opt.SheetDateOrder = map[string]values.DateOrder{}
			}
			opt.SheetDateOrder[o.Sheet] = d
		}
	}
	if _, ok := read.TonUnits[o.Unit]; ok {
		if o.Sheet == "" {
			opt.TonUnit = o.Unit
		} else {
			if opt.SheetTonUnit == nil {
				opt.SheetTonUnit = map[string]string{}
			}
			opt.SheetTonUnit[o.Sheet] = o.Unit
		}
	}
	if o.Field != "" && o.Value != "" {
		if o.Sheet == "" {
			if opt.Constants == nil {
				opt.Constants = map[reconcile.Field]string{}
			}
			opt.Constants[o.Field] = o.Value
			return
		}
		if opt.SheetConstants == nil {
			opt.SheetConstants = map[string]map[reconcile.Field]string{}
		}
		if opt.SheetConstants[o.Sheet] == nil {
			opt.SheetConstants[o.Sheet] = map[reconcile.Field]string{}
		}
		opt.SheetConstants[o.Sheet][o.Field] = o.Value
	}
}

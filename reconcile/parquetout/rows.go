package parquetout

import (
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
)

// records emits one Record per input row, sheet by sheet in row order:
// every record, every skipped row, the header row and the rows above it,
// as the workbook's per-source sheets list them. A file that could not be
// read at all gets one row (row 0) carrying its error, so it is not lost.
func records(r *pipeline.Result, emit func(Record) error) error {
	for _, f := range r.Files {
		if f.Err != nil {
			if err := emit(fileError(&f)); err != nil {
				return err
			}
			continue
		}
		for _, sh := range f.Sheets {
			if err := sheetRows(r, &f, &sh, emit); err != nil {
				return err
			}
		}
	}
	return nil
}

// fileError is the one row of a file that could not be read.
func fileError(f *pipeline.FileResult) Record {
	return Record{File: f.Path, SHA256: f.SHA256, Fate: FateSkipped, FateDetail: "file not read: " + f.Err.Error()}
}

func sheetRows(r *pipeline.Result, f *pipeline.FileResult, sh *pipeline.SheetResult, emit func(Record) error) error {
	end := sh.First + sh.Rows
	last := sh.TotalRows
	if sh.Rows > 0 {
		last = max(last, r.Records[end-1].Source.Row)
	}
	if n := len(sh.Skips); n > 0 {
		last = max(last, sh.Skips[n-1].Row)
	}
	k, si := sh.First, 0
	for row := 1; row <= last; row++ {
		for si < len(sh.Skips) && sh.Skips[si].Row < row {
			si++
		}
		for k < end && r.Records[k].Source.Row < row {
			k++
		}
		var out Record
		if k < end && r.Records[k].Source.Row == row {
			out = record(r, k)
			k++
		} else {
			out = otherRow(sh, row, si)
		}
		provenance(&out, f, sh, row)
		if err := emit(out); err != nil {
			return err
		}
	}
	return nil
}

// provenance fills the row's file, sheet, row and row key.
func provenance(out *Record, f *pipeline.FileResult, sh *pipeline.SheetResult, row int) {
	p := reconcile.Provenance{File: f.Path, Sheet: sh.Sheet, Row: row}
	out.File, out.SHA256, out.Sheet, out.Row, out.RowKey = f.Path, f.SHA256, sh.Sheet, int32(row), merge.RowKey(p)
}

// otherRow is the fate of a row that holds no record: skipped (why),
// the header, or above it; si is the first of sh.Skips not before row.
func otherRow(sh *pipeline.SheetResult, row, si int) Record {
	var out Record
	switch {
	case si < len(sh.Skips) && sh.Skips[si].Row == row:
		out.Fate, out.FateDetail = FateSkipped, string(sh.Skips[si].Reason)
		if d := sh.Skips[si].Detail; d != "" {
			out.FateDetail += " (" + d + ")"
		}
	case row == sh.HeaderRow:
		out.Fate = FateHeader
	case sh.NoTable:
		out.Fate, out.FateDetail = FateSkipped, "no table found in this sheet"
	case row < sh.HeaderRow:
		out.Fate, out.FateDetail = FateSkipped, string(reconcile.SkipBanner)
	default:
		out.Fate, out.FateDetail = FateSkipped, "not read (no reason given by the reader)"
	}
	return out
}

// record converts record k with its fate and entity IDs.
func record(r *pipeline.Result, k int) Record {
	rec := &r.Records[k]
	out := Record{
		DeclarationID: rec.DeclarationID, ItemNo: rec.ItemNo,
		BillOfLading: rec.BillOfLading, Container: rec.Container, Invoice: rec.Invoice,
		OriginCountry: rec.OriginCountry, DispatchCountry: rec.DispatchCountry, DestinationCountry: rec.DestinationCountry,
		HSCode: rec.HSCode, Description: rec.Description,
		Quantity: num(rec.Quantity), QuantityUnit: rec.QuantityUnit,
		NetKg: num(rec.NetKg), GrossKg: num(rec.GrossKg),
		Value: num(rec.Value), Currency: rec.Currency, ValueUSD: num(rec.ValueUSD),
	}
	out.Date, out.DatePrecision = date(rec.Date)
	out.Consignee, out.ConsigneeAlt = partyNames(rec.Consignee)
	out.ConsigneeTaxID, out.ConsigneeKPP, out.ConsigneeCountry = rec.Consignee.TaxID, rec.Consignee.KPP, rec.Consignee.Country
	out.Shipper, out.ShipperAlt = partyNames(rec.Shipper)
	out.ShipperTaxID, out.ShipperKPP, out.ShipperCountry = rec.Shipper.TaxID, rec.Shipper.KPP, rec.Shipper.Country
	out.ConsigneeEntityID = entityAt(r, r.ConsigneeEntity, k)
	out.ShipperEntityID = entityAt(r, r.ShipperEntity, k)
	for _, fl := range rec.Flags {
		out.Flags = append(out.Flags, fl.String())
	}
	out.ShipmentID, out.Fate, out.FateDetail = fate(r.Merge, k)
	return out
}

// fate says what became of record k, as the per-source sheets' Fate
// column does.
func fate(m *merge.Result, k int) (id, code, detail string) {
	if m == nil || k >= len(m.ShipmentOf) || m.ShipmentOf[k] < 0 {
		return "", FateNoShipment, "not counted: not part of any shipment"
	}
	sh := &m.Shipments[m.ShipmentOf[k]]
	switch {
	case k < len(m.DuplicateOf) && m.DuplicateOf[k] >= 0:
		return sh.ID, FateDuplicate, "duplicate of " + sh.ID
	case sh.Excluded:
		return sh.ID, FateExcluded, sh.ExcludeReason
	case sh.Superseded:
		return sh.ID, FateSuperseded, "not counted: monthly aggregate covered by shipment-level data"
	}
	return sh.ID, FateCounted, ""
}

func entityAt(r *pipeline.Result, ents []int32, k int) string {
	if k >= len(ents) {
		return ""
	}
	return entityID(r, ents[k])
}

func entityID(r *pipeline.Result, e int32) string {
	if e < 0 || r.Names == nil || int(e) >= len(r.Names.Entities) {
		return ""
	}
	return r.Names.Entities[e].ID
}

func entityName(r *pipeline.Result, e int32) string {
	if e < 0 || r.Names == nil || int(e) >= len(r.Names.Entities) {
		return ""
	}
	return r.Names.Entities[e].Canonical
}

func partyNames(p reconcile.Party) (first, rest string) {
	if len(p.Names) == 0 {
		return "", ""
	}
	return p.Names[0], strings.Join(p.Names[1:], " | ")
}

func num(n reconcile.Number) *float64 {
	if !n.Valid {
		return nil
	}
	v := n.Value
	return &v
}

// date returns d as days since 1970-01-01, the Parquet DATE value, and
// its precision.
func date(d reconcile.Date) (*int32, string) {
	if !d.Known() {
		return nil, ""
	}
	t := d.Time
	days := int32(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
	if d.Precision == reconcile.PrecisionMonth {
		return &days, "month"
	}
	return &days, "day"
}

// shipments emits one Shipment per reconciled shipment, in the order of
// the workbook's Shipments sheet.
func shipments(r *pipeline.Result, emit func(Shipment) error) error {
	if r.Merge == nil {
		return nil
	}
	lab := r.Labels()
	recs := r.Records
	key := func(g totals.GroupBy, sh *merge.Shipment) string {
		k, _ := totals.Key(g, sh, lab)
		return k
	}
	for i := range r.Merge.Shipments {
		sh := &r.Merge.Shipments[i]
		out := Shipment{
			ID:                sh.ID,
			ConsigneeEntityID: entityID(r, sh.Consignee), ConsigneeEntity: entityName(r, sh.Consignee), Consignee: sh.ConsigneeName,
			ShipperEntityID: entityID(r, sh.Shipper), ShipperEntity: entityName(r, sh.Shipper), Shipper: sh.ShipperName,
			Origin: sh.Origin, Dispatch: sh.Dispatch, Destination: sh.Destination,
			HSCode: sh.HSCode, Description: sh.Description,
			NetKg: num(sh.NetKg(recs)), GrossKg: num(sh.GrossKg(recs)),
			Tonnes: num(sh.Tonnes), TonnesBasis: sh.TonnesBasis, ValueUSD: num(sh.USD), USDBasis: sh.USDBasis,
			Quantity: num(sh.Quantity), QuantityUnit: sh.QuantityUnit,
			Counted: sh.Counted(), Granularity: string(reconcile.GranularityShipment), Status: sh.Status(),
			Excluded: sh.Excluded, Superseded: sh.Superseded,
			OriginKey: key(totals.ByOrigin, sh), DispatchKey: key(totals.ByDispatch, sh), DestinationKey: key(totals.ByDestination, sh),
			RouteKey: key(totals.ByRoute, sh), HS2Key: key(totals.ByHSChapter, sh), HS4Key: key(totals.ByHSHeading, sh),
			HS6Key: key(totals.ByHSSub, sh), MonthKey: key(totals.ByMonth, sh), CHPLKey: key(totals.ByCHPLTier, sh),
			MergeReasons: sh.Reasons,
		}
		if sh.Monthly {
			out.Granularity = string(reconcile.GranularityMonthly)
		}
		out.Date, out.DatePrecision = date(sh.Date)
		v, cur := sh.Value(recs)
		out.Value, out.Currency = num(v), cur
		out.DeclarationID, out.ItemNo = sh.Declaration(recs)
		out.Consignment = sh.Consignment
		out.SourceRows = rowKeys(recs, sh.Rows)
		out.DuplicateRows = rowKeys(recs, sh.Duplicates)
		if err := emit(out); err != nil {
			return err
		}
	}
	return nil
}

func rowKeys(recs []reconcile.Record, rows []int32) []string {
	if len(rows) == 0 {
		return nil
	}
	out := make([]string, 0, len(rows))
	for _, x := range rows {
		if int(x) < len(recs) {
			out = append(out, merge.RowKey(recs[x].Source))
		}
	}
	return out
}

// entities emits one Entity per entity and role.
func entities(r *pipeline.Result, emit func(Entity) error) error {
	if r.Names == nil {
		return nil
	}
	// Decisions naming a mention, by role and name, as text.
	byName := map[string][]string{}
	for _, d := range r.Project.Decisions {
		t := decisionText(d)
		byName[string(d.Role)+"\x1f"+d.Name] = append(byName[string(d.Role)+"\x1f"+d.Name], t)
		if d.Other != "" {
			role := d.OtherRole
			if role == "" {
				role = d.Role
			}
			byName[string(role)+"\x1f"+d.Other] = append(byName[string(role)+"\x1f"+d.Other], t)
		}
	}
	for _, e := range r.Names.Entities {
		for _, role := range []match.Role{match.Consignee, match.Shipper} {
			out := Entity{ID: e.ID, Canonical: e.Canonical, Role: string(role)}
			seenTax, seenDec := map[string]bool{}, map[string]bool{}
			for j, m := range e.Members {
				if m >= len(r.Names.Mentions) || r.Names.Mentions[m].Role != role {
					continue
				}
				mn := r.Names.Mentions[m]
				out.Names = append(out.Names, mn.Name)
				reason := ""
				if j < len(e.Reasons) {
					reason = e.Reasons[j]
				}
				out.Reasons = append(out.Reasons, reason)
				out.Rows += int64(mn.Count)
				if mn.TaxID != "" && !seenTax[mn.TaxID] {
					seenTax[mn.TaxID] = true
					out.TaxIDs = append(out.TaxIDs, mn.TaxID)
				}
				for _, t := range byName[string(role)+"\x1f"+mn.Name] {
					if !seenDec[t] {
						seenDec[t] = true
						out.Decisions = append(out.Decisions, t)
					}
				}
			}
			if len(out.Names) == 0 {
				continue
			}
			out.Listed = r.Screening.Status(e.ID)
			if err := emit(out); err != nil {
				return err
			}
		}
	}
	return nil
}

func decisionText(d match.Decision) string {
	s := d.Op + ": " + d.Name
	if d.Other != "" {
		s += " / " + d.Other
	}
	if d.Target != "" {
		s += " → " + d.Target
	}
	if !d.Time.IsZero() {
		s += " (" + d.Time.UTC().Format(time.RFC3339) + ")"
	}
	return s
}

// decisionRows reports which row keys named by the project's shipment
// decisions are records of r: one pass over the records, keeping only
// the decisions' keys.
func decisionRows(r *pipeline.Result) func(key string) bool {
	found := map[string]bool{}
	for _, d := range r.Project.ShipmentDecisions {
		found[d.Row] = false
		if d.Other != "" {
			found[d.Other] = false
		}
	}
	for i := 0; len(found) > 0 && i < len(r.Records); i++ {
		if k := merge.RowKey(r.Records[i].Source); !found[k] {
			if _, ok := found[k]; ok {
				found[k] = true
			}
		}
	}
	return func(key string) bool { return found[key] }
}

// decisions emits the project's name decisions, then its shipment
// decisions, in the order they were made; hasRow says whether a row key
// is a record of the run (a shipment decision applies when its rows are).
func decisions(r *pipeline.Result, hasRow func(key string) bool, emit func(Decision) error) error {
	unapplied := map[string]bool{}
	if r.Names != nil {
		for _, d := range r.Names.Unapplied {
			unapplied[decisionText(d)+"\x1f"+string(d.Role)] = true
		}
	}
	seq := int32(0)
	for _, d := range r.Project.Decisions {
		seq++
		out := Decision{Seq: seq, Kind: "name", Op: d.Op, Name: d.Name, Role: string(d.Role), TaxID: d.TaxID,
			Other: d.Other, OtherRole: string(d.OtherRole), Target: d.Target, Note: d.Note, Time: timePtr(d.Time),
			Applied: !unapplied[decisionText(d)+"\x1f"+string(d.Role)]}
		if err := emit(out); err != nil {
			return err
		}
	}
	for _, d := range r.Project.ShipmentDecisions {
		seq++
		// A pair decision (merge, apart) names its second row in Other.
		applied := hasRow(d.Row) && (d.Other == "" || hasRow(d.Other))
		if err := emit(Decision{Seq: seq, Kind: "shipment", Op: d.Op, Row: d.Row, Other: d.Other, Note: d.Reason, Time: timePtr(d.Time), Applied: applied}); err != nil {
			return err
		}
	}
	return nil
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

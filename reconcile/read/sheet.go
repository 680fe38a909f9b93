package read

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"tradecheck/reconcile"
)

// SheetReader reads the records of one sheet, one at a time.
type SheetReader struct {
	w           *Workbook
	name        string
	flow        FlowStatement // what the sheet states about its trade flow (detectFlow)
	src         rowSource
	headerRow   int
	headerEnd   int // last header row (two-row headers)
	columns     []Column
	plan        *plan
	buffered    []*rawRow // rows read ahead for sampling
	preview     [][]string
	previewLast int
	skipped     []reconcile.Skip
	counts      map[reconcile.SkipReason]int
	warnings    []string
	records     int
	rows        int
	layoutKey   string
	rowWarns    int
	gran        reconcile.Granularity
	lastRow     int // last row number given a fate (records, skips, gaps)
	sums        sums
	totals      []TotalCheck
	sumTotals   int   // total rows recognised by their figures alone
	needs       error // ErrNeedsMapping: no row is read until it is mapped
	// leftOut says why no row is read although the table is found (the
	// user left the sheet out, or it is a summary sheet: sheetuse.go);
	// its rows get the fate leftReason with leftDetail.
	leftOut    string
	leftReason reconcile.SkipReason
	leftDetail string
	summary    bool
	hiddenRows int
	// ambiguousDates counts records whose date was left unread because
	// day and month cannot be told apart (see dates.go).
	ambiguousDates int
	constants      []Constant // fixed values of fields (constants.go)
	period         Period     // the period the banner states (period.go)
	// unidentifiedRows are the rows read with an unidentified_row flag.
	unidentifiedRows []int
	done             bool
	err              error
}

// Sheet finds the header of the named sheet, maps its columns and
// returns a reader positioned at the first row below the header. A sheet
// without a recognisable header gives ErrNoTable.
func (w *Workbook) Sheet(name string) (*SheetReader, error) {
	if err := claimsSheet(w.path, name); err != nil {
		return nil, err
	}
	src, err := w.rows(name)
	if err != nil {
		return nil, err
	}
	sr := &SheetReader{w: w, name: name, src: src, counts: map[reconcile.SkipReason]int{}}
	if err := sr.init(); err != nil {
		src.close()
		return nil, err
	}
	return sr, nil
}

func copyRow(r *rawRow) *rawRow {
	c := *r
	c.cells = append([]cell(nil), r.cells...)
	return &c
}

func (s *SheetReader) init() error {
	opt := s.w.opt
	nSample := opt.SampleRows
	if nSample <= 0 {
		nSample = 200
	}
	var top []*rawRow
	for len(top) < headerScanRows {
		r, err := s.src.next()
		if err != nil {
			if len(top) == 0 {
				return err
			}
			s.err = err // reported after the rows read so far
			break
		}
		if r == nil {
			break
		}
		if r.num > headerScanRows && len(top) > 0 {
			s.buffered = append(s.buffered, copyRow(r))
			break
		}
		top = append(top, copyRow(r))
	}
	for _, r := range top {
		s.preview = append(s.preview, r.strings())
		s.previewLast = r.num
	}
	h := findHeader(top)
	if h < 0 {
		hint := "no row in the first 30 looks like a table header; check the sheet or map the columns by hand"
		if len(top) == 0 {
			hint = "the sheet is empty"
		} else if doubt := s.textSplitDoubt(); doubt != "" {
			return s.splitError("no row looks like a table header", doubt)
		}
		return &reconcile.Error{File: s.w.path, Sheet: s.name, Err: reconcile.ErrNoTable, Hint: hint}
	}
	header := top[h]
	s.headerRow, s.headerEnd = header.num, header.num
	n := len(header.cells)
	headers := make([]string, n)
	for i := range headers {
		headers[i] = strings.TrimSpace(header.text(i))
	}
	var lower *rawRow
	if h+1 < len(top) {
		lower = top[h+1]
	} else if len(s.buffered) > 0 {
		lower = s.buffered[0]
	}
	rest := top[h+1:]
	banners := top[:h]
	down, okDown := joinHeader(header, lower)
	var up []string
	okUp := false
	if h > 0 && top[h-1].num == header.num-1 {
		// The detected row may be the lower half of a two-row header
		// ("Parties" above "Consignee" and "Shipper"); the upper half must
		// be more than a one-cell banner, hold no numbers, and add mapped
		// columns.
		us := scoreHeader(top[h-1])
		if us.filled >= 2 && us.nums == 0 {
			if j, ok := joinHeader(top[h-1], header); ok && mappedCount(j) > mappedCount(headers) {
				up, okUp = j, true
			}
		}
	}
	switch {
	case okUp && (!okDown || mappedCount(up) >= mappedCount(down)):
		headers = up
		s.headerRow = top[h-1].num
		banners = top[:h-1]
	case okDown:
		headers = down
		s.headerEnd = lower.num
		if len(rest) > 0 {
			rest = rest[1:]
		} else {
			s.buffered = s.buffered[1:]
		}
	}
	for _, r := range banners {
		if !r.blank() {
			s.skip(r.num, reconcile.SkipBanner, clipDetail(strings.Join(nonEmpty(r.strings()), " | ")))
		} else {
			s.skip(r.num, reconcile.SkipBanner, "")
		}
	}
	if s.headerEnd > s.headerRow {
		s.skip(s.headerEnd, reconcile.SkipBanner, "second header row, joined to row "+fmt.Sprint(s.headerRow))
	}
	s.buffered = append(rest, s.buffered...)
	s.lastRow = s.headerEnd
	// Read ahead for samples.
	for s.err == nil && len(s.buffered) < nSample {
		r, err := s.src.next()
		if err != nil {
			s.err = err
			break
		}
		if r == nil {
			break
		}
		s.buffered = append(s.buffered, copyRow(r))
	}
	width := len(headers)
	for _, r := range s.buffered {
		width = max(width, min(len(r.cells), 1024))
	}
	for len(headers) < width {
		headers = append(headers, "")
	}
	// A repeated header row's text is no sample of its column: it would
	// show as a value in inspect and the field picker, and vote in the
	// sniffing of dates and numbers.
	headerRaw, headerFilled := make([]string, len(header.cells)), 0
	for i := range header.cells {
		if headerRaw[i] = strings.TrimSpace(header.text(i)); headerRaw[i] != "" {
			headerFilled++
		}
	}
	samples := make([][]string, width)
	for _, r := range s.buffered {
		if repeatsHeader(r, headerRaw, headerFilled) {
			continue
		}
		for i := 0; i < width && i < len(r.cells); i++ {
			if t := strings.TrimSpace(r.cells[i].s); t != "" && !nullText(t) {
				samples[i] = append(samples[i], t)
			}
		}
	}
	s.layoutKey = layoutKey(trimTrailingEmpty(headers))
	over := map[int]ColumnOverride{}
	if opt.Mappings != nil {
		for k, v := range opt.Mappings.Get(s.layoutKey) {
			over[k] = v
		}
	}
	for k, v := range opt.Mapping {
		over[k] = v
	}
	for k, v := range opt.SheetMapping[s.name] {
		over[k] = v
	}
	var hidden []bool
	if h, ok := s.src.(interface{ hiddenColumns() []bool }); ok {
		hidden = h.hiddenColumns()
	}
	cols, warns := resolveColumns(headers, samples, over, hidden)
	portCountries(cols)
	shipperCountryReason(cols)
	var bannerText []string
	for _, r := range banners {
		if t := strings.Join(nonEmpty(r.strings()), " "); t != "" {
			bannerText = append(bannerText, t)
		}
	}
	s.flow = detectFlow(s.name, bannerText, headers, samples)
	for _, k := range []string{"", s.name} { // the sheet's own setting last: it wins
		if f := opt.Flow[k]; f != "" {
			s.flow.Flow, s.flow.Why = f, "set by the user"
		}
	}
	flowRoles(cols, s.flow)
	// Keep only a few samples per column for display; the plan (date
	// order, decimal separator) is decided on all of them below: a file
	// whose first five dates are all ambiguous but whose 20th says
	// "08/15/2022" is month-first.
	full := make([][]string, len(cols))
	for i := range cols {
		full[i] = cols[i].Samples
		if len(cols[i].Samples) > 5 {
			cols[i].Samples = distinctFirst(cols[i].Samples, 5)
		}
	}
	s.columns = cols
	s.warnings = append(s.warnings, warns...)
	s.sheetConstants(bannerConstants(banners))
	s.period = bannerPeriod(banners)
	s.dropRepeatedTotals()
	// A read error while sampling (a cell over the size limit) is the
	// sheet's real problem: the samples it cut short decide nothing.
	if s.err == nil {
		if err := s.checkData(); errors.Is(err, reconcile.ErrNeedsMapping) {
			// The sheet stays open, its columns shown for mapping, and
			// every row below the header is skipped with this reason.
			s.needs = err
		} else if err != nil {
			return err
		}
	}
	s.decideUse()
	s.currencyFromFormats()
	for i := range cols {
		full[i], cols[i].Samples = cols[i].Samples, full[i]
	}
	s.plan = newPlan(s.w.path, s.name, cols)
	for i := range cols {
		cols[i].Samples = full[i]
	}
	s.plan.settleDateOrder(s.buffered)
	if s.w.x != nil {
		s.plan.date1904 = s.w.x.date1904
	}
	s.plan.headerRaw, s.plan.headerFilled = headerRaw, headerFilled
	s.plan.curLabels = currencyLabels(opt.CurrencyLabels)
	s.settleTons(unitEvidence(headers, banners, cols))
	s.userDateOrder()
	s.warnings = append(s.warnings, s.plan.unsettledWarnings()...)
	s.gran = granularity(cols)
	s.plan.monthly = s.gran == reconcile.GranularityMonthly
	s.checkMapping()
	return nil
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if t := strings.TrimSpace(s); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func trimTrailingEmpty(h []string) []string {
	n := len(h)
	for n > 0 && strings.TrimSpace(h[n-1]) == "" {
		n--
	}
	return h[:n]
}

func distinctFirst(ss []string, n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// granularity: a sheet whose date is a month column and that has no
// declaration number is a vendor aggregate.
func granularity(cols []Column) reconcile.Granularity {
	monthCol, decl := false, false
	for _, c := range cols {
		switch c.Field {
		case reconcile.FieldDate:
			if strings.HasPrefix(c.Reason, "month (aggregate period)") {
				monthCol = true
			}
		case reconcile.FieldDeclarationID:
			decl = true
		}
	}
	if monthCol && !decl {
		return reconcile.GranularityMonthly
	}
	return reconcile.GranularityShipment
}

// checkMapping warns about mappings a reader of the figures must know.
func (s *SheetReader) checkMapping() {
	has := map[reconcile.Field]bool{}
	for _, c := range s.columns {
		has[c.Field] = true
	}
	if !has[reconcile.FieldConsignee] && !has[reconcile.FieldShipper] {
		s.warnings = append(s.warnings, "no consignee or shipper column found")
	}
	if !has[reconcile.FieldNetWeight] && !has[reconcile.FieldGrossWeight] && !has[reconcile.FieldValue] && !has[reconcile.FieldValueUSD] && !has[reconcile.FieldQuantity] {
		s.warnings = append(s.warnings, "no weight, value or quantity column found")
	}
	var assumed []string
	for _, c := range s.columns {
		if strings.HasSuffix(c.Reason, "kg assumed") {
			assumed = append(assumed, fmt.Sprintf("%s %q", reconcile.ColumnName(c.Index+1), c.Header))
		}
		if (c.Field == reconcile.FieldValue) && c.Currency == "" && !has[reconcile.FieldCurrency] && !s.hasConstant(reconcile.FieldCurrency) {
			s.warnings = append(s.warnings, fmt.Sprintf("column %s %q: currency not stated; values are flagged unknown_currency until you set it", reconcile.ColumnName(c.Index+1), c.Header))
		}
	}
	if len(assumed) > 0 {
		s.warnings = append(s.warnings, "weight unit not stated, kilograms assumed for "+strings.Join(assumed, ", "))
	}
	if s.gran == reconcile.GranularityMonthly {
		s.warnings = append(s.warnings, "monthly aggregates (one row per party, product and month), not shipments")
	}
	if s.w.x != nil && s.w.SheetHidden(s.name) {
		s.warnings = append(s.warnings, "the sheet is hidden in Excel")
	}
	if s.w.x != nil {
		s.warnings = append(s.warnings, s.w.x.warnings...)
	}
}

// maxRowWarnings caps per-row warnings; the rest are counted.
const maxRowWarnings = 50

func (s *SheetReader) rowWarning(w string) {
	if s.rowWarns < maxRowWarnings {
		s.warnings = append(s.warnings, w)
	}
	s.rowWarns++
}

func (s *SheetReader) skip(row int, reason reconcile.SkipReason, detail string) {
	s.skipped = append(s.skipped, reconcile.Skip{Row: row, Reason: reason, Detail: detail})
	s.counts[reason]++
}

// maxGapSkips is the longest run of rows absent from the sheet XML that is
// listed row by row; a longer run is one Skip at its first row whose
// Detail names the whole run, so a sheet with one cell at row 1,048,576
// costs one entry, not a million. SkipCounts and Rows still count every
// row of the run.
const maxGapSkips = 1000

// gap gives rows first..last, absent from the sheet XML (Excel does not
// write rows it never used), their fate: blank.
func (s *SheetReader) gap(first, last int) {
	n := last - first + 1
	s.rows += n
	if n <= maxGapSkips {
		for r := first; r <= last; r++ {
			s.skip(r, reconcile.SkipBlank, "")
		}
		return
	}
	s.skipped = append(s.skipped, reconcile.Skip{Row: first, Reason: reconcile.SkipBlank,
		Detail: fmt.Sprintf("rows %d–%d blank", first, last)})
	s.counts[reconcile.SkipBlank] += n
}

// Read returns the next record, or io.EOF after the last row. Rows that
// are not records are added to Skipped. A read error ends the sheet; the
// records before it stay valid.
func (s *SheetReader) Read() (reconcile.Record, error) {
	for {
		var r *rawRow
		if len(s.buffered) > 0 {
			r = s.buffered[0]
			s.buffered[0] = nil
			s.buffered = s.buffered[1:]
		} else {
			if s.err != nil {
				err := s.err
				s.err = nil
				s.done = true
				return reconcile.Record{}, err
			}
			if s.done {
				return reconcile.Record{}, io.EOF
			}
			var err error
			r, err = s.src.next()
			if err != nil {
				s.done = true
				return reconcile.Record{}, err
			}
			if r == nil {
				s.done = true
				return reconcile.Record{}, io.EOF
			}
		}
		if r.num > s.lastRow+1 {
			s.gap(s.lastRow+1, r.num-1)
		}
		s.lastRow = max(s.lastRow, r.num)
		s.rows++
		if r.hidden && s.w.opt.SkipHidden {
			s.skip(r.num, reconcile.SkipHidden, "")
			continue
		}
		if s.needs != nil || s.leftOut != "" {
			reason, detail := s.plan.classifyRow(r)
			switch {
			case s.leftOut != "" && reason == "":
				// A total row keeps its own fate: the rows left out are
				// the sheet's data rows.
				reason, detail = s.leftReason, s.leftDetail
			case s.leftOut == "" && (reason == "" || reason == reconcile.SkipTotal):
				reason, detail = reconcile.SkipNeedsMapping, ""
			}
			s.skip(r.num, reason, detail)
			continue
		}
		if reason, detail := s.plan.classifyRow(r); reason != "" {
			if reason == reconcile.SkipTotal {
				s.labelTotal(r, detail)
			}
			s.skip(r.num, reason, detail)
			continue
		}
		rec, ok := s.plan.build(r)
		if !ok {
			s.skip(r.num, reconcile.SkipNoData, "no party, weight, value or quantity")
			continue
		}
		s.applyConstants(&rec)
		q := s.plan.quanta(r, &rec)
		isBare := bare(&rec)
		c, ok := s.sumTotal(&rec, &q)
		if !ok && isBare {
			c, ok = s.bareSubtotal(&rec, &q)
		}
		if ok {
			s.totals = append(s.totals, c)
			s.sums.endGroup()
			s.skip(r.num, reconcile.SkipTotal, fmt.Sprintf("%s (%d rows)", c.How, c.Rows))
			continue
		}
		s.countAmbiguousDates(&rec)
		if isBare {
			// Not summed: until decided it is not a shipment, and a total
			// row below is checked against the shipments.
			s.unidentified(&rec)
		} else {
			s.sums.add(&rec, &q)
		}
		if r.hidden {
			// A filter is a view, not a deletion: the row is read, but the
			// user may have hidden it on purpose, so it says so.
			rec.Flags = append(rec.Flags, reconcile.Flag{Code: reconcile.FlagHiddenRow, Column: -1, Detail: "row hidden in Excel; read and counted", Kept: true})
			s.hiddenRows++
		}
		if r.bad != "" {
			s.rowWarning(r.bad)
		}
		s.records++
		return rec, nil
	}
}

// NeedsMapping returns the ErrNeedsMapping error of a table whose party
// and date columns were not recognised, nil otherwise. Such a sheet reads
// no record: every row below its header is a "columns need mapping" skip.
func (s *SheetReader) NeedsMapping() error { return s.needs }

// Close releases the sheet's stream.
func (s *SheetReader) Close() error { return s.src.close() }

// Name returns the sheet name ("" for text files).
func (s *SheetReader) Name() string { return s.name }

// HeaderRow returns the 1-based header row (the first of a two-row header).
func (s *SheetReader) HeaderRow() int { return s.headerRow }

// Columns returns the column mapping.
func (s *SheetReader) Columns() []Column { return s.columns }

// Granularity returns "shipment" or "monthly".
func (s *SheetReader) Granularity() reconcile.Granularity { return s.gran }

// Warnings returns what the reader noticed about the sheet so far.
func (s *SheetReader) Warnings() []string {
	out := append([]string(nil), s.warnings...)
	if s.rowWarns > maxRowWarnings {
		out = append(out, fmt.Sprintf("… and %d more lines with the same kind of problem (malformed quotes or over-long lines)", s.rowWarns-maxRowWarnings))
	}
	if cs, ok := s.src.(*csvSource); ok && cs.encWarn != "" {
		out = append(out, cs.encWarn)
	}
	if s.hiddenRows > 0 {
		out = append(out, fmt.Sprintf("%d rows hidden in Excel (by a filter or by hand) were read and counted; they are flagged hidden_row", s.hiddenRows))
	}
	for _, c := range s.totals {
		if !c.Matches {
			out = append(out, c.String())
		}
	}
	if w := s.ambiguousDatesWarning(); w != "" {
		out = append(out, w)
	}
	if w := s.unidentifiedWarning(); w != "" {
		out = append(out, w)
	}
	if cs, ok := s.src.(*csvSource); ok && cs.nulSeen {
		out = append(out, "the file contains NUL bytes or bytes that are not text in its encoding; NULs were dropped, other bytes shown as �")
	}
	return out
}

// LayoutKey identifies the header layout for saved mapping overrides.
func (s *SheetReader) LayoutKey() string { return s.layoutKey }

// Preview returns up to n raw rows from the top of the sheet (banner and
// header included), for the app's mapping editor.
func (s *SheetReader) Preview(n int) [][]string {
	out := s.preview
	if n < len(out) {
		out = out[:n]
	}
	if len(out) < n {
		for _, r := range s.buffered {
			if len(out) >= n {
				break
			}
			if r.num > s.previewLast {
				out = append(out, r.strings())
			}
		}
	}
	return out
}

// Skipped returns the rows skipped so far, in row order.
func (s *SheetReader) Skipped() []reconcile.Skip {
	out := append([]reconcile.Skip(nil), s.skipped...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Row < out[b].Row })
	return out
}

// SkipCounts returns the number of skipped rows by reason.
func (s *SheetReader) SkipCounts() map[reconcile.SkipReason]int {
	out := make(map[reconcile.SkipReason]int, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out
}

// RowsHint estimates the rows left in the sheet (0 when unknown), for
// callers that preallocate.
func (s *SheetReader) RowsHint() int {
	if h, ok := s.src.(interface{ rowsHint() int }); ok {
		return max(0, h.rowsHint()-s.headerEnd)
	}
	return 0
}

// Rows returns how many rows below the header have been read.
func (s *SheetReader) Rows() int { return s.rows }

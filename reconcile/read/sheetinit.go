package read

import (
	"errors"
	"fmt"
	"strings"

	"tradecheck/reconcile"
)

// copyRow keeps a row past the next call of the row source, which may
// reuse its cells.
func copyRow(r *rawRow) *rawRow {
	c := *r
	c.cells = append([]cell(nil), r.cells...)
	return &c
}

// init finds the header (one row or two), maps the columns from the
// samples below it and the user's overrides, and settles what the
// sheet says once for all rows: trade flow, constants, date order,
// tons, granularity. Sheet calls it before the first Read.
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
			return s.splitError(errors.New("no row looks like a table header"), doubt)
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
	kinds := make([]sampleKinds, width)
	for _, r := range s.buffered {
		if repeatsHeader(r, headerRaw, headerFilled) {
			continue
		}
		for i := 0; i < width && i < len(r.cells); i++ {
			if t := strings.TrimSpace(r.cells[i].s); t != "" && !nullText(t) {
				kinds[i].add(r.cells[i].k, t)
				if r.cells[i].k == kindNumber {
					t = shownNumber(t)
				}
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
	if n := applyBannerUnits(cols, bannerUnits(banners)); n.Text != "" {
		warns = append(warns, n.Text)
	}
	for i := range cols {
		if i < len(kinds) {
			cols[i].kinds = kinds[i]
		}
	}
	portCountries(cols)
	shipperCountryReason(cols, s.w.path, s.name)
	var bannerText []string
	for _, r := range banners {
		if t := strings.Join(nonEmpty(r.strings()), " "); t != "" {
			bannerText = append(bannerText, t)
		}
	}
	s.flow = detectFlow(s.name, bannerText, headers, samples)
	s.statistics = tradeStatistics(cols)
	if s.statistics {
		// Statistics are no declarations: each line's flow gives its
		// reporter and partner their roles (findTradeRoles), and no
		// line pairs with another register's as an export would.
		s.flow = FlowStatement{}
	}
	for _, k := range []string{"", s.name} { // the sheet's own setting last: it wins
		if f := opt.Flow[k]; f != "" {
			s.flow.Flow, s.flow.Why = f, "set by the user"
		}
	}
	if s.flow.Country == "" {
		s.flow.Country, s.flow.CountryWhy = declaringCountry(cols)
	}
	flowRoles(cols, s.flow)
	roles := findTradeRoles(cols)
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
	s.warnings = append(s.warnings, notes(warns...)...)
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
	s.plan.roles = roles
	for i := range cols {
		cols[i].Samples = full[i]
	}
	s.plan.settleDateOrder(s.buffered)
	if s.w.x != nil {
		s.plan.date1904 = s.w.x.date1904
	}
	s.plan.headerRaw, s.plan.headerFilled = headerRaw, headerFilled
	s.plan.curLabels = currencyLabels(opt.CurrencyLabels)
	s.plan.rated = map[string]bool{"USD": true}
	for _, c := range opt.RateCurrencies {
		s.plan.rated[c] = true
	}
	s.settleTons(unitEvidence(headers, banners, cols))
	s.userDateOrder()
	s.plan.settleByTotal(s.buffered)
	s.warnings = append(s.warnings, s.plan.unsettledWarnings()...)
	s.gran = granularity(cols)
	if s.statistics {
		// UN Comtrade, Comext: every line sums a period's trade between
		// two countries, never one shipment, be the period a month or a
		// year ("2022", which no month filter can place).
		s.gran = reconcile.GranularityMonthly
		s.warnings = append(s.warnings, reconcile.Note{Text: "trade statistics (a reporter and a partner country per line): every line is an aggregate of a month or a year, not a shipment"})
	}
	s.plan.monthly = s.gran == reconcile.GranularityMonthly
	s.decideKeySummary(bannerText)
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

package ui

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/values"
)

// currencyUse is one currency or label found in the run's values: how
// many values are in it and their total in that currency, so the user
// sees what a rate would convert before giving it.
type currencyUse struct {
	label string
	n     int
	total float64
}

// currencyUses lists every non-USD currency and every unknown label
// ("у.е.") the records' values are in, most values first.
func currencyUses(res *pipeline.Result) []currencyUse {
	if res == nil {
		return nil
	}
	idx := map[string]int{}
	var out []currencyUse
	add := func(label string, v float64) {
		i, ok := idx[label]
		if !ok {
			i = len(out)
			idx[label] = i
			out = append(out, currencyUse{label: label})
		}
		out[i].n++
		out[i].total += v
	}
	for i := range res.Records {
		r := &res.Records[i]
		if !r.Value.Valid {
			continue
		}
		label := r.Currency
		for _, f := range r.Flags {
			if l, ok := read.UnknownCurrencyLabel(f); ok {
				label = l
			}
		}
		if label == "" || label == "USD" {
			continue
		}
		add(label, r.Value.Value)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].n > out[j].n })
	return out
}

// rateText writes a project's rates for one currency as the panel shows
// them: the all-months rate first, then per-month ones.
func rateText(rates []totals.Rate, cur string) (all string, months []string) {
	for _, r := range rates {
		if r.Currency != cur {
			continue
		}
		v := strconv.FormatFloat(r.ToUSD, 'g', -1, 64)
		if r.Month == "" {
			all = v
		} else {
			months = append(months, cur+":"+r.Month+"="+v)
		}
	}
	return all, months
}

// settingsPanel is the dialog for the run's rates and shipment rules:
// what the CLI sets with --rate, --bl-window, --export-window,
// --packaging-band and the date tolerance. Applying stores them in the
// project (so the audit workbook's Rates sheet and Parameters record
// them, and --decisions replays them) and reads the sources again.
type settingsPanel struct {
	u      *UI
	rates  map[string]*widget.Entry // all-months rate by currency label
	months *widget.Entry            // CUR:YYYY-MM=USD, one a line
	bl     *widget.Entry
	export *widget.Entry
	band   *widget.Entry
	dateTo *widget.Entry
	d      dialog.Dialog
}

// showSettings opens the Rates and rules panel.
func (u *UI) showSettings() {
	if u.project == nil {
		u.setStatus("Load sources first: rates and rules apply to a run.")
		return
	}
	p := newSettingsPanel(u)
	p.d = dialog.NewCustomConfirm("Rates and shipment rules", "Apply and recount", "Cancel", p.content(), func(ok bool) {
		if ok {
			p.apply()
		}
	}, u.win)
	p.d.Resize(fyne.NewSize(760, 640))
	p.d.Show()
}

func newSettingsPanel(u *UI) *settingsPanel {
	return &settingsPanel{u: u, rates: map[string]*widget.Entry{}}
}

func (p *settingsPanel) content() fyne.CanvasObject {
	proj := p.u.project
	rows := container.NewVBox()
	seen := map[string]bool{}
	for _, c := range currencyUses(p.u.result) {
		seen[c.label] = true
		rows.Add(p.rateRow(c.label, fmt.Sprintf("%s, total %s %s", plural(c.n, "value"), values.FormatNumber(c.total, 0), c.label)))
	}
	// Rates given for currencies not in this run stay editable: they are
	// the user's and would otherwise be dropped on Apply.
	for _, r := range proj.Rates {
		if !seen[r.Currency] {
			seen[r.Currency] = true
			rows.Add(p.rateRow(r.Currency, "no values in the loaded sources"))
		}
	}
	if len(seen) == 0 {
		rows.Add(widget.NewLabel("Every value in the loaded sources is in US dollars: no rate is needed."))
	}
	var months []string
	for _, r := range proj.Rates {
		if r.Month != "" {
			months = append(months, r.Currency+":"+r.Month+"="+strconv.FormatFloat(r.ToUSD, 'g', -1, 64))
		}
	}
	p.months = widget.NewMultiLineEntry()
	p.months.SetPlaceHolder("RUB:2022-06=0.0165 (one a line)")
	p.months.SetText(strings.Join(months, "\n"))
	p.months.SetMinRowsVisible(3)

	o := merge.DefaultOptions()
	par := proj.Params
	bb, ba, eb, ea, band := o.BLDaysBefore, o.BLDaysAfter, o.ExportDaysBefore, o.ExportDaysAfter, o.PackagingBandPct
	if par.BLDaysBefore > 0 {
		bb, ba = par.BLDaysBefore, par.BLDaysAfter
	}
	if par.ExportDaysBefore > 0 {
		eb, ea = par.ExportDaysBefore, par.ExportDaysAfter
	}
	if par.PackagingBandPct > 0 {
		band = par.PackagingBandPct
	}
	entry := func(v string) *widget.Entry { e := widget.NewEntry(); e.SetText(v); return e }
	p.bl = entry(fmt.Sprintf("-%d,+%d", bb, ba))
	p.export = entry(fmt.Sprintf("-%d,+%d", eb, ea))
	p.band = entry(strconv.FormatFloat(band/100, 'g', -1, 64))
	p.dateTo = entry(strconv.Itoa(par.DateToleranceDays))
	help := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		return l
	}
	rules := widget.NewForm(
		widget.NewFormItem("B/L window (days)", container.NewVBox(p.bl, help(fmt.Sprintf("How far a bill-of-lading date may fall before and after a declaration's date for the two rows to be one shipment, as -BEFORE,+AFTER (default -%d,+%d).", o.BLDaysBefore, o.BLDaysAfter)))),
		widget.NewFormItem("Export window (days)", container.NewVBox(p.export, help(fmt.Sprintf("How far an export declaration may come before and after the import declaration of the same goods, as -BEFORE,+AFTER (default -%d,+%d).", o.ExportDaysBefore, o.ExportDaysAfter)))),
		widget.NewFormItem("Packaging band", container.NewVBox(p.band, help(fmt.Sprintf("How much heavier a gross-only weight may be than a net-only one and still match, as a fraction: gross ≤ net × (1 + this) (default %g).", o.PackagingBandPct/100)))),
		widget.NewFormItem("Date tolerance (days)", container.NewVBox(p.dateTo, help("How far apart two rows' dates may be for rows without declaration numbers to be one shipment (default 3)."))),
	)
	ratesHelp := help("Rates are in US dollars per one unit. Values without a rate are left out of the value totals and counted, never guessed; a label such as у.е. is converted only once you give it a rate (1 if it means US dollars). Rates are saved with the project and written to the workbook's Rates sheet.")
	body := container.NewVBox(
		widget.NewLabelWithStyle("Currencies in the data", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), ratesHelp, rows,
		widget.NewLabel("Rates for one month (they win over the all-months rate that month):"), p.months,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Shipment rules", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), rules,
	)
	return container.NewVScroll(body)
}

// rateRow is one currency's line: its label and use, the rate in use and
// an entry for USD per one unit, for every month.
func (p *settingsPanel) rateRow(label, use string) fyne.CanvasObject {
	all, months := rateText(p.u.project.Rates, label)
	inUse := "rate: none"
	switch {
	case all != "":
		inUse = "rate: " + all + " USD"
	case len(months) > 0:
		inUse = fmt.Sprintf("rate: given for %s", plural(len(months), "month"))
	}
	e := widget.NewEntry()
	e.SetPlaceHolder("USD per one " + label)
	e.SetText(all)
	p.rates[label] = e
	name := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, name, container.NewGridWrap(fyne.NewSize(180, e.MinSize().Height), e),
		widget.NewLabel(use+" — "+inUse))
}

// read turns the panel into rates and parameters, or the first error,
// naming the field, so nothing is applied half-way.
func (p *settingsPanel) read() ([]totals.Rate, pipeline.Params, error) {
	par := p.u.project.Params
	var rates []totals.Rate
	labels := make([]string, 0, len(p.rates))
	for l := range p.rates {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		v := strings.TrimSpace(p.rates[l].Text)
		if v == "" {
			continue
		}
		r, err := totals.ParseRate(l + "=" + v)
		if err != nil {
			return nil, par, fmt.Errorf("rate for %s: %v", l, err)
		}
		rates = append(rates, r)
	}
	for _, line := range strings.Split(p.months.Text, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if k, _, _ := strings.Cut(line, "="); !strings.Contains(k, ":") {
			return nil, par, fmt.Errorf("monthly rate %q: want CUR:YYYY-MM=USD (the all-months rate goes beside the currency above)", line)
		}
		r, err := totals.ParseRate(line)
		if err != nil {
			return nil, par, fmt.Errorf("monthly rate %q: %v", line, err)
		}
		rates = append(rates, r)
	}
	var err error
	if par.BLDaysBefore, par.BLDaysAfter, err = pipeline.ParseWindow(p.bl.Text, pipeline.MaxBLDaysBefore); err != nil {
		return nil, par, fmt.Errorf("B/L window %q: %v", p.bl.Text, err)
	}
	if par.ExportDaysBefore, par.ExportDaysAfter, err = pipeline.ParseWindow(p.export.Text, pipeline.MaxExportDaysBefore); err != nil {
		return nil, par, fmt.Errorf("export window %q: %v", p.export.Text, err)
	}
	if par.PackagingBandPct, err = pipeline.ParseBand(strings.TrimSpace(p.band.Text)); err != nil {
		return nil, par, fmt.Errorf("packaging band %q: %v", p.band.Text, err)
	}
	d, err := strconv.Atoi(strings.TrimSpace(p.dateTo.Text))
	if err != nil || d < 0 || d > 60 {
		return nil, par, fmt.Errorf("date tolerance %q: want whole days, 0 to 60", p.dateTo.Text)
	}
	par.DateToleranceDays = d
	// The defaults are stored as 0 ("the default"), as the CLI leaves
	// them when no flag is given: a project then follows the documented
	// defaults and the Summary does not call them the user's rules.
	def := merge.DefaultOptions()
	if par.BLDaysBefore == def.BLDaysBefore && par.BLDaysAfter == def.BLDaysAfter {
		par.BLDaysBefore, par.BLDaysAfter = 0, 0
	}
	if par.ExportDaysBefore == def.ExportDaysBefore && par.ExportDaysAfter == def.ExportDaysAfter {
		par.ExportDaysBefore, par.ExportDaysAfter = 0, 0
	}
	if par.PackagingBandPct == def.PackagingBandPct {
		par.PackagingBandPct = 0
	}
	return rates, par, nil
}

// apply stores the panel in the project and reads the sources again, in
// the background: a label's rate changes how its values are read.
func (p *settingsPanel) apply() {
	rates, par, err := p.read()
	if err != nil {
		showError("Rates and rules not applied", errors.New(err.Error()+". Nothing was changed."), p.u.win)
		return
	}
	p.u.project.Rates, p.u.project.Params = rates, par
	p.u.runProject()
}

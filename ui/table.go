package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// headed is a column description that knows its header title and width.
type headed interface {
	head() (title string, width float32)
}

func (c claimColumn) head() (string, float32)  { return c.title, c.width }
func (c provColumn) head() (string, float32)   { return c.title, c.width }
func (c totalsColumn) head() (string, float32) { return c.title, c.width }

// newLabelTable is a virtualised table of ellipsised labels under a header
// row of the columns' titles. rows is read on every refresh, so the table
// never holds a widget per data row; update fills one cell.
func newLabelTable[C headed](cols []C, rows func() int, update func(widget.TableCellID, fyne.CanvasObject)) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("template")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		update)
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			title, _ := cols[id.Col].head()
			o.(*widget.Label).SetText(title)
		}
	}
	for i, c := range cols {
		_, w := c.head()
		t.SetColumnWidth(i, w)
	}
	return t
}

// filterEntry is a filter box of the Shipments and Totals screens: a
// placeholder saying what it takes, and a re-filter on every change.
func filterEntry(placeholder string, onChange func()) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { onChange() }
	return e
}

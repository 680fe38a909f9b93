package read

// memBook holds the sheets of a file read whole into memory: HTML tables
// and Excel 2003 XML, which have no streaming structure worth keeping.
type memBook struct {
	sheets []memSheet
}

type memSheet struct {
	name   string
	hidden bool
	rows   []rawRow
}

// memSource yields a memSheet's rows.
type memSource struct {
	rows []rawRow
	i    int
}

func (m *memSource) next() (*rawRow, error) {
	if m.i >= len(m.rows) {
		return nil, nil
	}
	m.i++
	return &m.rows[m.i-1], nil
}

func (m *memSource) close() error { return nil }

// rowBuilder assembles a row from cells placed by column, padding gaps
// (a merged or spanned cell keeps its text in its first column, as an
// xlsx sheet does).
type rowBuilder struct {
	cells []cell
}

func (b *rowBuilder) put(col int, c cell) {
	if col >= MaxColumns {
		return
	}
	for len(b.cells) < col {
		b.cells = append(b.cells, cell{})
	}
	if col < len(b.cells) {
		b.cells[col] = c
		return
	}
	b.cells = append(b.cells, c)
}

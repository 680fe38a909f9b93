package workbook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tradecheck/internal/testenv"
	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/totals"
)

// hostile names that must stay text in every output cell.
var hostile = []string{`=HYPERLINK("http://evil","click")`, "+7 (495) 123", "-SUM(A1)", "@SUM(1+1)", "=1+1"}

func testData(t testing.TB) *Data {
	t.Helper()
	var recs []reconcile.Record
	for i, n := range hostile {
		recs = append(recs, reconcile.Record{
			Source:    reconcile.Provenance{File: "/in/Summary.csv", Row: i + 2},
			Date:      reconcile.Date{Time: time.Date(2022, 6, 14+i, 0, 0, 0, 0, time.UTC), Precision: reconcile.PrecisionDay},
			Consignee: reconcile.Party{Names: []string{n}}, Description: n, HSCode: "6307909800",
			NetKg: reconcile.Num(float64(1000 * (i + 1))), ValueUSD: reconcile.Num(float64(100 * (i + 1))),
			OriginCountry: "CN", DispatchCountry: "TR", DestinationCountry: "RU",
		})
	}
	names := &match.Result{}
	cons := make([]int32, len(recs))
	ments := make([]int32, len(recs))
	ship := make([]int32, len(recs))
	for i, n := range hostile {
		names.Mentions = append(names.Mentions, match.Mention{Name: n, Role: match.Consignee, Count: 1})
		names.Entities = append(names.Entities, match.Entity{ID: "E-00000" + string(rune('A'+i)), Canonical: n, Members: []int{i}, Reasons: []string{"core"}, Scores: []float64{1}})
		names.EntityOf = append(names.EntityOf, i)
		cons[i], ments[i], ship[i] = int32(i), int32(i), -1
	}
	in := merge.Input{Records: recs, SourceOf: make([]int32, len(recs)), Sources: []merge.Source{{Name: "Summary.csv", Granularity: reconcile.GranularityShipment}},
		Consignee: cons, Shipper: ship}
	m, err := merge.Reconcile(context.Background(), in, merge.DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	m.Discrepancies = append(m.Discrepancies, totals.Apply(m.Shipments, recs, totals.WeightNet, nil)...)
	lab := totals.Labels{EntityID: func(e int32) string { return names.Entities[e].ID }, EntityName: func(e int32) string { return names.Entities[e].Canonical }}
	d := &Data{Version: "test", Started: time.Now(), Finished: time.Now(),
		Files: []File{{Path: "/in/Summary.csv", SHA256: "abc"}},
		Sheets: []Sheet{{FileIndex: 0, SheetResult: read.SheetResult{Sheet: "", HeaderRow: 1, Columns: []read.Column{{Header: "Name", Field: reconcile.FieldConsignee}},
			Granularity: reconcile.GranularityShipment, Rows: len(recs), TotalRows: len(recs) + 1}}},
		Records: recs, Names: names, ConsigneeEntity: cons, ShipperEntity: ship, ConsigneeMention: ments, ShipperMention: ship,
		Merge: m, WeightBasis: "net",
		ByConsignee: totals.Compute(m.Shipments, totals.ByConsignee, totals.Filter{}, lab),
		ByShipper:   totals.Compute(m.Shipments, totals.ByShipper, totals.Filter{}, lab),
		Overall:     totals.Compute(m.Shipments, totals.ByNone, totals.Filter{}, lab),
		Tables:      []*totals.Table{totals.Compute(m.Shipments, totals.ByRoute, totals.Filter{}, lab)},
		Raw: func(ctx context.Context, s int, fn func(int, []string) error) error {
			if err := fn(1, []string{"Name"}); err != nil {
				return err
			}
			for i, n := range hostile {
				if err := fn(i+2, []string{n}); err != nil {
					return err
				}
			}
			return nil
		},
	}
	return d
}

// writeAndOpen writes d to a temporary workbook and opens it with excelize.
func writeAndOpen(t *testing.T, d *Data) *excelize.File {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.xlsx")
	if _, err := Write(context.Background(), d, out, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestFormulaInjection(t *testing.T) {
	t.Parallel()
	f := writeAndOpen(t, testData(t))
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				for _, h := range hostile {
					if v != h {
						continue
					}
					found++
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
						t.Errorf("%s!%s: name %q became formula %q", sheet, cell, h, fm)
					}
					if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
						t.Errorf("%s!%s: name %q has cell type %v, want a string", sheet, cell, h, typ)
					}
				}
			}
		}
	}
	if found < len(hostile)*3 {
		t.Errorf("found the hostile names %d times, want them on Summary, Shipments, Entities and the source sheet", found)
	}
	// The source sheet is named after the file and does not take a fixed name.
	if idx, _ := f.GetSheetIndex("Summary.csv"); idx < 0 {
		t.Errorf("sheets %v: want the source sheet named Summary.csv", f.GetSheetList())
	}
}

func TestSheetName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		want  string
		taken []string
	}{
		{"Summary.csv", "Summary.csv", nil},
		{"Summary", "Summary (source)", nil},
		{"summary", "summary (source)", nil},
		{"a[1]:b*c?d/e\\f.xlsx", "a_1__b_c_d_e_f.xlsx", nil},
		{"'quoted'", "quoted", nil},
		{"", "Source", nil},
		{"History", "History (source)", nil},
		{"aggregator_export_2022_ILLUSTRATIVE.xlsx", "aggregator_export_2022_ILLUSTRA", nil},
		{"aggregator_export_2022_ILLUSTRATIVE.xlsx", "aggregator_export_2022_ILLU (2)", []string{"aggregator_export_2022_ILLUSTRA"}},
		{"Декларации_очень_длинное_имя_файла.xlsx", "Декларации_очень_длинное_имя_фа", nil},
		{"a.csv", "a.csv (2)", []string{"A.CSV"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			taken := map[string]bool{}
			for _, x := range tc.taken {
				taken[strings.ToLower(x)] = true
			}
			got := SheetName(tc.name, taken)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			checkSheetName(t, got)
		})
	}
}

func checkSheetName(t *testing.T, got string) {
	if n := len([]rune(got)); n == 0 || n > 31 || strings.ContainsAny(got, `[]:*?/\`) || strings.HasPrefix(got, "'") || strings.HasSuffix(got, "'") || isFixed(got) {
		t.Errorf("invalid sheet name %q", got)
	}
}

func FuzzSheetName(f *testing.F) {
	for _, s := range []string{"Summary.csv", "Summary", "a[1]:b*c?d/e\\f.xlsx", "'quoted'", "", "Декларации_очень_длинное_имя_файла.xlsx", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		taken := map[string]bool{}
		a := SheetName(s, taken)
		b := SheetName(s, taken)
		checkSheetName(t, a)
		checkSheetName(t, b)
		if strings.EqualFold(a, b) {
			t.Errorf("two sheets named %q and %q", a, b)
		}
		if _, err := excelize.NewFile().NewSheet(a); err != nil {
			t.Errorf("excelize refuses %q: %v", a, err)
		}
	})
}

func TestLocation(t *testing.T) {
	t.Parallel()
	tests := []struct{ row, part, at int }{
		{1, 0, 1}, {1048576, 0, 1048576}, {1048577, 1, 2}, {1048577 + 1048574, 1, 1048576}, {1048577 + 1048575, 2, 2},
	}
	for _, tc := range tests {
		if p, r := location(tc.row); p != tc.part || r != tc.at {
			t.Errorf("location(%d): got part %d row %d, want %d, %d", tc.row, p, r, tc.part, tc.at)
		}
	}
}

func TestMappingRoundTrip(t *testing.T) {
	t.Parallel()
	hdr := []string{"Дата", `Weird "quoted" → header`, "", "Value USD"}
	m := []reconcile.Field{reconcile.FieldDate, reconcile.FieldConsignee, "", reconcile.FieldValueUSD}
	got := ParseMapping(MappingText(hdr, m))
	if len(got) != 4 {
		t.Fatalf("got %d columns, want 4: %+v", len(got), got)
	}
	for i, c := range got {
		if c.Column != i || c.Header != hdr[i] || c.Field != m[i] {
			t.Errorf("column %d: got %+v, want %q → %q", i, c, hdr[i], m[i])
		}
	}
}

func FuzzParseMapping(f *testing.F) {
	f.Add(MappingText([]string{"A", "B"}, []reconcile.Field{reconcile.FieldDate, ""}))
	f.Add("A \"x\" → date\nZZZ \"\" → (none)")
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range ParseMapping(s) {
			if c.Column < 0 {
				t.Errorf("negative column from %q", s)
			}
		}
	})
}

func TestFormulaString(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 600)
	tests := []struct{ in, want string }{
		{"", `""`},
		{`a"b`, `"a""b"`},
		{long, `"` + long[:250] + `"&"` + long[250:500] + `"&"` + long[500:] + `"`},
	}
	for _, tc := range tests {
		if got := formulaString(tc.in); got != tc.want {
			t.Errorf("formulaString(%.20q): got %.60q, want %.60q", tc.in, got, tc.want)
		}
	}
}

func TestAtomicWrite(t *testing.T) {
	t.Parallel()
	d := testData(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.xlsx")
	if err := os.WriteFile(out, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	intact := func(t *testing.T) {
		t.Helper()
		if b, _ := os.ReadFile(out); string(b) != "previous" {
			t.Errorf("previous file changed: %.20q", b)
		}
		if m, _ := filepath.Glob(filepath.Join(dir, ".*tmp")); len(m) > 0 {
			t.Errorf("temp files left: %v", m)
		}
	}
	t.Run("disk full", func(t *testing.T) {
		full := func(*excelize.File, io.Writer) error {
			return &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
		}
		_, err := Write(context.Background(), d, out, WriteOptions{writeTo: full})
		if err == nil || !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), "unchanged") {
			t.Errorf("got %v, want a disk-full message", err)
		}
		intact(t)
	})
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := Write(ctx, d, out, WriteOptions{})
		if !errors.Is(err, reconcile.ErrCanceled) {
			t.Errorf("got %v, want ErrCanceled", err)
		}
		intact(t)
	})
	// A real read-only folder, full disk and missing folder are tested
	// end to end in hostile (as an unprivileged user: root ignores
	// permission bits); here, what each failure says.
	t.Run("write failures", func(t *testing.T) {
		for _, tc := range []struct {
			err  error
			want string
		}{
			{fs.ErrPermission, "read-only or locked"},
			{syscall.EROFS, "read-only or locked"},
			{syscall.ENOSPC, "the disk is full"},
			{fs.ErrNotExist, "the output folder does not exist"},
		} {
			err := writeErr(out, &fs.PathError{Op: "open", Path: out, Err: tc.err}, "cannot write the workbook")
			var re *reconcile.Error
			if !errors.As(err, &re) || !strings.Contains(re.Hint, tc.want) || re.Fix != reconcile.FixOutputFile || !errors.Is(err, tc.err) {
				t.Errorf("%v: got %#v, want hint %q and FixOutputFile", tc.err, err, tc.want)
			}
		}
	})
	t.Run("input is never overwritten", func(t *testing.T) {
		_, err := Write(context.Background(), d, out, WriteOptions{Inputs: []string{filepath.Join(dir, ".", "out.xlsx")}})
		if !errors.Is(err, reconcile.ErrOverwrite) {
			t.Errorf("got %v, want ErrOverwrite", err)
		}
		intact(t)
	})
	t.Run("no clobber adds a suffix", func(t *testing.T) {
		got, err := Write(context.Background(), d, out, WriteOptions{NoClobber: true})
		if err != nil {
			t.Fatal(err)
		}
		if got != filepath.Join(dir, "out-2.xlsx") {
			t.Errorf("wrote %s, want out-2.xlsx", got)
		}
		intact(t)
	})
	t.Run("replace", func(t *testing.T) {
		if _, err := Write(context.Background(), d, out, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		if f, err := excelize.OpenFile(out); err != nil {
			t.Errorf("replaced file does not open: %v", err)
		} else {
			f.Close()
		}
	})
}

func TestConcurrentNoClobber(t *testing.T) {
	t.Parallel()
	d := testData(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "reconciled.xlsx")
	const n = 4
	got := make(chan string, n)
	for i := 0; i < n; i++ {
		go func() {
			p, err := Write(context.Background(), d, out, WriteOptions{NoClobber: true})
			if err != nil {
				t.Error(err)
			}
			got <- p
		}()
	}
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		p := <-got
		if seen[p] {
			t.Errorf("two runs wrote %s", p)
		}
		seen[p] = true
	}
}

func TestReadRefusesOtherWorkbooks(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "plain.xlsx")
	f := excelize.NewFile()
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(context.Background(), p, nil); !errors.Is(err, ErrNotExported) {
		t.Errorf("got %v, want ErrNotExported", err)
	}
}

// FuzzRead feeds arbitrary bytes, and a real exported workbook with
// bytes flipped, to the reader of exported workbooks: it must return an
// error or a result, never panic or hang.
func FuzzRead(f *testing.F) {
	d := testData(f)
	p := filepath.Join(f.TempDir(), "seed.xlsx")
	if _, err := Write(context.Background(), d, p, WriteOptions{}); err != nil {
		f.Fatal(err)
	}
	seed, _ := os.ReadFile(p)
	f.Add(seed, 0, byte(0))
	f.Add(seed, len(seed)/2, byte(0xff))
	f.Add([]byte("PK\x03\x04 not really"), 0, byte(0))
	f.Add([]byte{}, 0, byte(0))
	f.Fuzz(func(t *testing.T, data []byte, at int, b byte) {
		if len(data) > 0 {
			data = append([]byte(nil), data...)
			if at < 0 {
				at = -at
			}
			data[at%len(data)] ^= b
		}
		path := filepath.Join(t.TempDir(), "x.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ex, err := Read(context.Background(), path, nil)
		if err == nil && ex == nil {
			t.Error("nil result without error")
		}
	})
}

// The workbook is made to be shared: a new one is readable by others
// (0644, not os.CreateTemp's 0600), and one that replaces a file keeps
// that file's permissions.
func TestOutputMode(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		testenv.Skip(t, "no Unix permissions")
	}
	d := testData(t)
	dir := t.TempDir()
	tests := []struct {
		name     string
		existing os.FileMode // 0: no file there before
		want     os.FileMode
	}{
		{"new file", 0, 0o644},
		{"replaces a 0640 file", 0o640, 0o640},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, fmt.Sprintf("out%d.xlsx", i))
			if tt.existing != 0 {
				if err := os.WriteFile(out, []byte("old"), tt.existing); err != nil {
					t.Fatal(err)
				}
				os.Chmod(out, tt.existing) // past the umask
			}
			if _, err := Write(context.Background(), d, out, WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(out)
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != tt.want {
				t.Errorf("mode %v, want %v", got, tt.want)
			}
		})
	}
}

package read

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

func bigCSV(t *testing.T, rows int) string {
	var b strings.Builder
	b.WriteString("Importer;Net weight, kg\n")
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&b, "Firm %d;%d\n", i, i+1)
	}
	return writeFile(t, "big.csv", []byte(b.String()))
}

func TestReadAllProgressAndCancel(t *testing.T) {
	t.Parallel()
	path := bigCSV(t, 20000)
	var seen []int
	f, err := ReadAll(context.Background(), path, Options{}, func(n int) { seen = append(seen, n) })
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Sheets) != 1 || len(f.Sheets[0].Records) != 20000 || f.Sheets[0].Scanned != 20000 {
		t.Fatalf("sheets %d, records %d, rows %d; want 1, 20000, 20000", len(f.Sheets), len(f.Sheets[0].Records), f.Sheets[0].Scanned)
	}
	if len(seen) < 2 || seen[len(seen)-1] != 20000 {
		t.Errorf("progress calls %v, want several ending at 20000", seen)
	}
	if len(f.SHA256) != 64 || f.Format != "csv" {
		t.Errorf("SHA256 %q format %q", f.SHA256, f.Format)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err = ReadAll(ctx, path, Options{}, func(n int) { cancel() })
	if !errors.Is(err, reconcile.ErrCanceled) {
		t.Errorf("after cancel: %v, want ErrCanceled", err)
	}
}

func TestEachRowCSV(t *testing.T) {
	t.Parallel()
	path := writeFile(t, "e.csv", []byte("a;b\n\n\"x\ny\";2\n3;4\n"))
	var got []string
	err := EachRow(context.Background(), path, "", Options{}, func(row int, cells []string) error {
		got = append(got, fmt.Sprintf("%d:%q", row, cells))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`1:["a" "b"]`, `2:[""]`, `3:["x\ny" "2"]`, `4:["3" "4"]`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %v, want %v (a quoted line break stays in one row)", got, want)
	}
	stop := errors.New("stop")
	if err := EachRow(context.Background(), path, "", Options{}, func(int, []string) error { return stop }); err != stop {
		t.Errorf("EachRow returned %v, want the callback's error", err)
	}
}

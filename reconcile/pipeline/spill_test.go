package pipeline

import (
	"bytes"
	"io"
	"reflect"
	"testing"
	"time"

	"tradecheck/reconcile"
)

// fill sets every field of v (a pointer) to a distinct non-zero value, so
// a field the spill codec forgets comes back zero and fails the test.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('A'+*n%26)) + string(rune('a'+*n/26)))
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Uint8:
		v.SetUint(uint64(1 + *n%2))
	case reflect.Float64:
		v.SetFloat(float64(*n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fill(s.Index(i), n)
		}
		v.Set(s)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2022, 6, 14, 0, 0, 0, 0, time.UTC)))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			fill(v.Field(i), n)
		}
	}
}

func TestSpillRoundTrip(t *testing.T) {
	var full reconcile.Record
	n := 0
	fill(reflect.ValueOf(&full).Elem(), &n)
	full.Date.Precision = reconcile.PrecisionDay
	month := reconcile.Record{Source: reconcile.Provenance{File: "a.csv", Row: 3},
		Date:  reconcile.Date{Time: time.Date(2023, 4, 1, 0, 0, 0, 0, time.UTC), Precision: reconcile.PrecisionMonth},
		NetKg: reconcile.Number{Raw: "n/a"}}
	for _, tc := range []struct {
		name string
		rec  reconcile.Record
	}{{"every field", full}, {"month, invalid number", month}, {"empty", reconcile.Record{}}} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := newSpillWriter(&buf)
			if err := w.write(SheetRef{2, 5}, 123456, &tc.rec); err != nil {
				t.Fatal(err)
			}
			if err := w.flush(); err != nil {
				t.Fatal(err)
			}
			r := newSpillReader(&buf, nil)
			ref, idx, got, err := r.read()
			if err != nil {
				t.Fatal(err)
			}
			if ref != (SheetRef{2, 5}) || idx != 123456 {
				t.Errorf("ref %v idx %d", ref, idx)
			}
			if !reflect.DeepEqual(got, tc.rec) {
				t.Errorf("round trip changed the record:\n got %+v\nwant %+v", got, tc.rec)
			}
			if _, _, _, err := r.read(); err != io.EOF {
				t.Errorf("after the last record: %v, want io.EOF", err)
			}
		})
	}
	t.Run("truncated", func(t *testing.T) {
		var buf bytes.Buffer
		w := newSpillWriter(&buf)
		w.write(SheetRef{}, 1, &full)
		w.flush()
		b := buf.Bytes()[:buf.Len()-5]
		if _, _, _, err := newSpillReader(bytes.NewReader(b), nil).read(); err == nil || err == io.EOF {
			t.Errorf("truncated spill read without error: %v", err)
		}
	})
}

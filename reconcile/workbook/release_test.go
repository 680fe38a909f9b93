package workbook

import (
	"bytes"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// TestFlushReleasesBuffer checks the reflection in flush still finds
// excelize's stream buffer: a stream past 16 MiB spills to a temp file and
// its buffer must be given back.
func TestFlushReleasesBuffer(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("x", 1000)
	for r := 1; r <= 20000; r++ { // about 20 MB of XML
		if err := sw.SetRow("A"+strconv.Itoa(r), []any{text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := flush(sw); err != nil {
		t.Fatal(err)
	}
	b := reflect.ValueOf(sw).Elem().FieldByName("rawData").FieldByName("buf")
	if !b.IsValid() {
		t.Fatal("excelize's StreamWriter no longer has rawData.buf: update flush")
	}
	buf := (*bytes.Buffer)(unsafe.Pointer(b.UnsafeAddr()))
	if buf.Cap() != 0 {
		t.Errorf("buffer capacity after flush: got %d, want 0", buf.Cap())
	}
	if n, _ := f.GetSheetIndex("Sheet1"); n < 0 {
		t.Fatal("sheet lost")
	}
	var out bytes.Buffer
	if err := writeTo(f, &out); err != nil || out.Len() < 1000 {
		t.Errorf("workbook after flush: %d bytes, %v", out.Len(), err)
	}
}

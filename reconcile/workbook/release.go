package workbook

import (
	"bytes"
	"reflect"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// flush ends a stream and gives back its in-memory buffer when the data
// went to excelize's temp file. excelize v2.11.1 keeps each stream's
// 16 MiB-plus buffer (emptied but with its capacity) until the workbook is
// closed; with a dozen large sheets that is hundreds of MB held for
// nothing. The buffer is reached through reflection because excelize does
// not export it; when the field is not where this version keeps it, or
// still holds data (a small sheet kept in memory), nothing is touched.
// There is no cleaner way in this version: the 16 MiB threshold is a
// constant (StreamChunkSize), Options has no say in it, and the File holds
// every StreamWriter until Close, which can only come after the workbook
// is saved.
func flush(sw *excelize.StreamWriter) error {
	if err := sw.Flush(); err != nil {
		return err
	}
	v := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !v.IsValid() {
		return nil
	}
	b := v.FieldByName("buf")
	tmp := v.FieldByName("tmp")
	if !b.IsValid() || b.Type() != reflect.TypeOf(bytes.Buffer{}) || !tmp.IsValid() || tmp.IsNil() {
		return nil
	}
	buf := (*bytes.Buffer)(unsafe.Pointer(b.UnsafeAddr()))
	if buf.Len() == 0 {
		*buf = bytes.Buffer{}
	}
	return nil
}

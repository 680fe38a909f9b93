package pipeline

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"tradecheck/reconcile"
)

// The bounded-memory path (stream.go) keeps records on disk between its
// passes, in this compact binary form: each record is its sheet, its
// global index and every field of reconcile.Record, strings as uvarint
// length and bytes. A field added to reconcile.Record must be added to
// both functions below; TestSpillRoundTrip fills every field by
// reflection and fails when one is missing.

// spillWriter writes records to a temporary file.
type spillWriter struct {
	w   *bufio.Writer
	buf []byte
}

func newSpillWriter(w io.Writer) *spillWriter {
	return &spillWriter{w: bufio.NewWriterSize(w, 1<<20)}
}

func (s *spillWriter) uvarint(v uint64) { s.buf = binary.AppendUvarint(s.buf, v) }
func (s *spillWriter) varint(v int64)   { s.buf = binary.AppendVarint(s.buf, v) }
func (s *spillWriter) str(v string) {
	s.uvarint(uint64(len(v)))
	s.buf = append(s.buf, v...)
}
func (s *spillWriter) num(n reconcile.Number) {
	b := byte(0)
	if n.Valid {
		b = 1
	}
	s.buf = append(s.buf, b)
	s.buf = binary.LittleEndian.AppendUint64(s.buf, math.Float64bits(n.Value))
	s.str(n.Raw)
}
func (s *spillWriter) party(p reconcile.Party) {
	s.uvarint(uint64(len(p.Names)))
	for _, n := range p.Names {
		s.str(n)
	}
	s.str(p.TaxID)
	s.str(p.KPP)
	s.str(p.Country)
}

// write appends one record of sheet ref with index idx.
func (s *spillWriter) write(ref SheetRef, idx int, rec *reconcile.Record) error {
	if err := s.encode(ref, idx, rec); err != nil {
		return err
	}
	return s.writeRaw(s.buf)
}

// encode puts the record's bytes in s.buf.
func (s *spillWriter) encode(ref SheetRef, idx int, rec *reconcile.Record) error {
	s.buf = s.buf[:0]
	s.uvarint(uint64(ref.File))
	s.uvarint(uint64(ref.Sheet))
	s.uvarint(uint64(idx))
	s.str(rec.Source.File)
	s.str(rec.Source.Sheet)
	s.varint(int64(rec.Source.Row))
	s.buf = append(s.buf, byte(rec.Date.Precision))
	if rec.Date.Precision != reconcile.PrecisionNone {
		t, err := rec.Date.Time.MarshalBinary()
		if err != nil {
			return err
		}
		s.str(string(t))
	}
	for _, v := range []string{rec.DeclarationID, rec.ItemNo, rec.BillOfLading, rec.Container, rec.Invoice} {
		s.str(v)
	}
	s.party(rec.Consignee)
	s.party(rec.Shipper)
	for _, v := range []string{rec.OriginCountry, rec.DispatchCountry, rec.DestinationCountry, rec.HSCode, rec.Description} {
		s.str(v)
	}
	s.num(rec.Quantity)
	s.str(rec.QuantityUnit)
	s.num(rec.NetKg)
	s.num(rec.GrossKg)
	s.num(rec.Value)
	s.str(rec.Currency)
	s.num(rec.ValueUSD)
	s.uvarint(uint64(len(rec.Flags)))
	for _, f := range rec.Flags {
		s.str(string(f.Field))
		s.str(string(f.Code))
		s.varint(int64(f.Column))
		s.str(f.Raw)
		s.str(f.Detail)
		if f.Kept {
			s.buf = append(s.buf, 1)
		} else {
			s.buf = append(s.buf, 0)
		}
	}
	return nil
}

// writeRaw appends a record as spillReader.next returned it.
func (s *spillWriter) writeRaw(b []byte) error {
	var n [binary.MaxVarintLen64]byte
	if _, err := s.w.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))]); err != nil {
		return err
	}
	_, err := s.w.Write(b)
	return err
}

func (s *spillWriter) flush() error { return s.w.Flush() }

// spillReader reads what spillWriter wrote. Strings that repeat (files,
// sheets, names, countries, units) are shared through an interner.
type spillReader struct {
	r   *bufio.Reader
	buf []byte
	p   int
	err error
	in  *interner
}

func newSpillReader(r io.Reader, in *interner) *spillReader {
	return &spillReader{r: bufio.NewReaderSize(r, 1<<20), in: in}
}

var errSpill = errors.New("temporary spill file damaged")

func (s *spillReader) uvarint() uint64 {
	v, n := binary.Uvarint(s.buf[s.p:])
	if n <= 0 {
		s.err = errSpill
		return 0
	}
	s.p += n
	return v
}
func (s *spillReader) varint() int64 {
	v, n := binary.Varint(s.buf[s.p:])
	if n <= 0 {
		s.err = errSpill
		return 0
	}
	s.p += n
	return v
}
func (s *spillReader) byte1() byte {
	if s.p >= len(s.buf) {
		s.err = errSpill
		return 0
	}
	s.p++
	return s.buf[s.p-1]
}
func (s *spillReader) str() string {
	n := int(s.uvarint())
	if s.err != nil || n > len(s.buf)-s.p {
		s.err = errSpill
		return ""
	}
	if n == 0 {
		return ""
	}
	v := string(s.buf[s.p : s.p+n])
	s.p += n
	return v
}
func (s *spillReader) num() reconcile.Number {
	var n reconcile.Number
	n.Valid = s.byte1() == 1
	if s.p+8 > len(s.buf) {
		s.err = errSpill
		return n
	}
	n.Value = math.Float64frombits(binary.LittleEndian.Uint64(s.buf[s.p:]))
	s.p += 8
	n.Raw = s.str()
	return n
}
func (s *spillReader) party() reconcile.Party {
	var p reconcile.Party
	if k := int(s.uvarint()); k > 0 && k < 1<<16 {
		p.Names = make([]string, k)
		for i := range p.Names {
			p.Names[i] = s.str()
		}
	}
	p.TaxID, p.KPP, p.Country = s.str(), s.str(), s.str()
	return p
}

// next reads the next record's bytes without decoding them; io.EOF at
// the end. They stay valid until the next call.
func (s *spillReader) next() ([]byte, error) {
	size, err := binary.ReadUvarint(s.r)
	if err != nil {
		return nil, err // io.EOF at a record boundary
	}
	if size > 1<<30 {
		return nil, errSpill
	}
	if cap(s.buf) < int(size) {
		s.buf = make([]byte, size)
	}
	s.buf, s.p, s.err = s.buf[:size], 0, nil
	if _, err := io.ReadFull(s.r, s.buf); err != nil {
		return nil, fmt.Errorf("%w: %v", errSpill, err)
	}
	return s.buf, nil
}

// head decodes the sheet and index of the record next returned.
func (s *spillReader) head() (SheetRef, int, error) {
	s.p = 0
	ref := SheetRef{File: int32(s.uvarint()), Sheet: int32(s.uvarint())}
	idx := int(s.uvarint())
	return ref, idx, s.err
}

// read returns the next record, its sheet and index; io.EOF at the end.
func (s *spillReader) read() (ref SheetRef, idx int, rec reconcile.Record, err error) {
	if _, err := s.next(); err != nil {
		return ref, 0, rec, err
	}
	return s.decode()
}

// decode decodes the record next returned.
func (s *spillReader) decode() (ref SheetRef, idx int, rec reconcile.Record, err error) {
	ref, idx, _ = s.head()
	rec.Source.File, rec.Source.Sheet, rec.Source.Row = s.str(), s.str(), int(s.varint())
	rec.Date.Precision = reconcile.DatePrecision(s.byte1())
	if rec.Date.Precision != reconcile.PrecisionNone {
		var t time.Time
		if err := t.UnmarshalBinary([]byte(s.str())); err != nil {
			return ref, 0, rec, fmt.Errorf("%w: %v", errSpill, err)
		}
		rec.Date.Time = t
	}
	for _, p := range []*string{&rec.DeclarationID, &rec.ItemNo, &rec.BillOfLading, &rec.Container, &rec.Invoice} {
		*p = s.str()
	}
	rec.Consignee, rec.Shipper = s.party(), s.party()
	for _, p := range []*string{&rec.OriginCountry, &rec.DispatchCountry, &rec.DestinationCountry, &rec.HSCode, &rec.Description} {
		*p = s.str()
	}
	rec.Quantity = s.num()
	rec.QuantityUnit = s.str()
	rec.NetKg, rec.GrossKg, rec.Value = s.num(), s.num(), s.num()
	rec.Currency = s.str()
	rec.ValueUSD = s.num()
	if k := int(s.uvarint()); k > 0 && k < 1<<16 {
		rec.Flags = make([]reconcile.Flag, k)
		for i := range rec.Flags {
			f := &rec.Flags[i]
			f.Field, f.Code = reconcile.Field(s.str()), reconcile.FlagCode(s.str())
			f.Column = int(s.varint())
			f.Raw, f.Detail = s.str(), s.str()
			f.Kept = s.byte1() == 1
		}
	}
	if s.err != nil {
		return ref, 0, rec, s.err
	}
	if s.in != nil {
		s.in.record(&rec)
	}
	return ref, idx, rec, nil
}

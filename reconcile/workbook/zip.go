package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"os"
	"runtime"
	"sync"

	"github.com/xuri/excelize/v2"
)

// parallelZip is the excelize.ZipWriter the workbook is saved through.
// excelize hands it the package parts one after another and deflating
// them as they come keeps one core busy while the other idles; the large
// sheets (a million-row sheet is over a gigabyte of XML) make that the
// longest single step of a big export. So the parts excelize streams from
// its temp files (it passes them as *io.SectionReader, readable until the
// workbook is closed) are only noted when handed over, and deflated on
// every core when the archive is closed (deflateParallel); the other
// parts are small (excelize holds them in memory already) and are
// deflated at once. The archive is then written in excelize's order with
// the precomputed sizes and CRCs.
type parallelZip struct {
	out     io.Writer
	tmpDir  string // for the deflated parts; "" is the system's
	entries []*zipEntry
	cur     *zipEntry
	err     error
}

// zipEntry is one part: deflated in memory (data) or deferred (src).
type zipEntry struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer
	crc  uint32
	size uint64

	src *io.SectionReader
}

func newParallelZip(out io.Writer, tmpDir string) *parallelZip {
	return &parallelZip{out: out, tmpDir: tmpDir}
}

var _ excelize.ZipWriter = (*parallelZip)(nil)

// Create starts the next part.
func (z *parallelZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	z.cur = &zipEntry{name: name}
	z.entries = append(z.entries, z.cur)
	return partWriter{z}, nil
}

// AddFS is part of excelize.ZipWriter; excelize does not call it when
// saving.
func (z *parallelZip) AddFS(fs.FS) error {
	return errors.New("workbook: AddFS is not supported")
}

// finish ends the in-memory deflate of the current part.
func (z *parallelZip) finish() error {
	e := z.cur
	z.cur = nil
	if e == nil || e.fw == nil || z.err != nil {
		return z.err
	}
	z.err = e.fw.Close()
	e.fw = nil
	return z.err
}

// partWriter receives one part's bytes.
type partWriter struct{ z *parallelZip }

func (p partWriter) Write(b []byte) (int, error) {
	z := p.z
	e := z.cur
	if z.err != nil {
		return 0, z.err
	}
	if e == nil || e.src != nil {
		return 0, errors.New("workbook: write to a finished zip part")
	}
	if e.fw == nil {
		e.fw, z.err = flate.NewWriter(&e.data, flate.BestSpeed)
		if z.err != nil {
			return 0, z.err
		}
	}
	e.crc = crc32.Update(e.crc, crc32.IEEETable, b)
	e.size += uint64(len(b))
	if _, err := e.fw.Write(b); err != nil {
		z.err = err
		return 0, err
	}
	return len(b), nil
}

// ReadFrom is what io.Copy uses: a section of excelize's temp file is
// deferred to Close, anything else is read now.
func (p partWriter) ReadFrom(r io.Reader) (int64, error) {
	e := p.z.cur
	if sr, ok := r.(*io.SectionReader); ok && e != nil && e.fw == nil && e.size == 0 && e.src == nil {
		e.src = sr
		return sr.Size(), nil
	}
	return io.Copy(struct{ io.Writer }{p}, r)
}

// Close deflates the deferred parts and writes the archive. Each part
// gets the headers zip.Writer.Create would give it (version 2.0, CRC and
// sizes in a data descriptor after the data), so the archive looks to
// Excel as before. A deferred part is deflated into a temp file first:
// its sizes must be known when its header is written.
func (z *parallelZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	zw := zip.NewWriter(z.out)
	for _, e := range z.entries {
		if err := z.writePart(zw, e); err != nil {
			return err
		}
	}
	return zw.Close()
}

func (z *parallelZip) writePart(zw *zip.Writer, e *zipEntry) error {
	fh := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Flags: 0x8, CreatorVersion: 20, ReaderVersion: 20,
		CRC32: e.crc, UncompressedSize64: e.size, CompressedSize64: uint64(e.data.Len())}
	var body io.Reader = &e.data
	if e.src != nil {
		tmp, err := os.CreateTemp(z.tmpDir, ".tradecheck-part-*")
		if err != nil {
			return err
		}
		defer func() {
			tmp.Close()
			os.Remove(tmp.Name())
		}()
		crc, n, cn, err := deflateParallel(tmp, e.src)
		if err != nil {
			return err
		}
		fh.CRC32, fh.UncompressedSize64, fh.CompressedSize64 = crc, uint64(n), uint64(cn)
		body = io.NewSectionReader(tmp, 0, cn)
	}
	if fh.UncompressedSize64 >= math.MaxUint32 || fh.CompressedSize64 >= math.MaxUint32 {
		fh.ReaderVersion = 45 // zip64, as zip.Writer marks it
	}
	w, err := zw.CreateRaw(fh)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, body); err != nil {
		return err
	}
	e.data = bytes.Buffer{}
	return nil
}

// deflateChunk is how much of a part one core deflates at a time.
const deflateChunk = 1 << 20

// deflateParallel writes src to dst as one deflate stream, cut into
// chunks that are deflated on every core, the way pigz does it: each
// chunk starts a fresh compressor and all but the last end with a sync
// flush, which byte-aligns them, so the chunks concatenate into one valid
// stream (a chunk cannot refer back into the previous one, which costs a
// fraction of a percent in size). It returns the CRC-32 and size of src
// and the compressed size.
func deflateParallel(dst io.Writer, src *io.SectionReader) (crc uint32, size, csize int64, err error) {
	type job struct {
		in   []byte
		out  bytes.Buffer
		last bool
		err  error
		done chan struct{}
	}
	workers := max(1, runtime.GOMAXPROCS(0))
	inflight := 2 * workers
	free := make(chan *job, inflight)
	for range inflight {
		free <- &job{in: make([]byte, deflateChunk), done: make(chan struct{}, 1)}
	}
	jobs := make(chan *job, inflight)
	order := make(chan *job, inflight)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var fw *flate.Writer
			for j := range jobs {
				j.out.Reset()
				if fw == nil {
					fw, j.err = flate.NewWriter(&j.out, flate.BestSpeed)
				} else {
					fw.Reset(&j.out)
				}
				if j.err == nil {
					_, j.err = fw.Write(j.in)
				}
				if j.err == nil {
					if j.last {
						j.err = fw.Close()
					} else {
						j.err = fw.Flush()
					}
				}
				j.done <- struct{}{}
			}
		}()
	}
	wg.Add(1)
	go func() { // read the chunks in order
		defer wg.Done()
		defer close(order)
		defer close(jobs)
		total := src.Size()
		for off := int64(0); ; off += deflateChunk {
			var j *job
			select {
			case j = <-free:
			case <-stop:
				return
			}
			n := min(int64(deflateChunk), total-off)
			j.in = j.in[:cap(j.in)][:n]
			j.last = off+n >= total
			if _, j.err = src.ReadAt(j.in, off); j.err == io.EOF {
				j.err = nil
			}
			order <- j
			if j.err != nil {
				j.done <- struct{}{}
				return
			}
			jobs <- j
			if j.last {
				return
			}
		}
	}()
	for j := range order {
		<-j.done
		if err = j.err; err == nil {
			crc = crc32.Update(crc, crc32.IEEETable, j.in)
			size += int64(len(j.in))
			csize += int64(j.out.Len())
			_, err = dst.Write(j.out.Bytes())
		}
		if err != nil {
			break
		}
		free <- j
	}
	close(stop)
	for j := range order { // after an error: let the reader and workers end
		<-j.done
	}
	wg.Wait()
	return crc, size, csize, err
}

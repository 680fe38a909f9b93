// Package arena keeps many small, long-lived strings and slices in a few
// large blocks. A million records or shipments each holding a handful of
// short strings and one- or two-element slices are millions of small heap
// objects: the garbage collector visits every one on every cycle, and
// since they are allocated between short-lived garbage they pin
// half-empty pages, so the heap stays far larger than what is live. In
// blocks they are a few hundred objects, packed.
//
// Values handed out are ordinary Go strings and slices that share their
// block; a block lives as long as anything in it does. An arena is not
// safe for concurrent use.
package arena

import (
	"strings"
	"unsafe"
)

// blockSize is the size of a new block: large enough that blocks are
// few, small enough that a nearly empty last block wastes little.
const blockSize = 64 << 10

// Strings copies strings into shared blocks.
type Strings struct {
	b strings.Builder
}

// Add returns a copy of s that lives in the arena ("" stays "").
func (a *Strings) Add(s string) string {
	if s == "" {
		return ""
	}
	if a.b.Cap()-a.b.Len() < len(s) {
		// A new block; the old one stays as long as strings in it do.
		// Writing only ever appends past the strings already handed
		// out, so they never change.
		a.b = strings.Builder{}
		a.b.Grow(max(blockSize, len(s)))
	}
	start := a.b.Len()
	a.b.WriteString(s)
	return a.b.String()[start:]
}

// Slab copies slices of T into shared blocks.
type Slab[T any] struct {
	buf []T
}

// Copy returns a copy of xs in the slab, with its capacity equal to its
// length so that an append to it reallocates instead of overwriting the
// next slice. nil stays nil.
func (s *Slab[T]) Copy(xs []T) []T {
	if xs == nil {
		return nil
	}
	n := len(xs)
	if n == 0 {
		return xs[:0:0]
	}
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]T, 0, max(n, blockSize/max(1, int(unsafe.Sizeof(*new(T))))))
	}
	start := len(s.buf)
	s.buf = append(s.buf, xs...)
	return s.buf[start : start+n : start+n]
}

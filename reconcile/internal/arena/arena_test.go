package arena

import (
	"strings"
	"testing"
)

func TestStrings(t *testing.T) {
	var a Strings
	long := strings.Repeat("x", blockSize+10)
	in := []string{"", "S1", "same declaration 10702030/140622/0012345, item 1", long, "after the long one", "S2"}
	var out []string
	for _, s := range in {
		out = append(out, a.Add(s))
	}
	for i := 0; i < 20000; i++ { // fill several blocks
		a.Add("filler text that takes some room")
	}
	for i := range in {
		if out[i] != in[i] {
			t.Errorf("string %d: got %.20q…, want %.20q…", i, out[i], in[i])
		}
	}
}

func TestSlab(t *testing.T) {
	var s Slab[int32]
	if got := s.Copy(nil); got != nil {
		t.Errorf("Copy(nil): got %v, want nil", got)
	}
	if got := s.Copy([]int32{}); got == nil || len(got) != 0 {
		t.Errorf("Copy(empty): got %#v, want an empty non-nil slice", got)
	}
	a := s.Copy([]int32{1, 2})
	b := s.Copy([]int32{3})
	if cap(a) != 2 {
		t.Errorf("got cap %d, want 2", cap(a))
	}
	a = append(a, 99) // must not overwrite b
	if b[0] != 3 || a[0] != 1 || a[2] != 99 {
		t.Errorf("after append: a=%v b=%v, want a=[1 2 99] b=[3]", a, b)
	}
	var many [][]int32
	for i := 0; i < 50000; i++ {
		many = append(many, s.Copy([]int32{int32(i), int32(-i)}))
	}
	for i, m := range many {
		if m[0] != int32(i) || m[1] != int32(-i) {
			t.Fatalf("slice %d: got %v", i, m)
		}
	}
}

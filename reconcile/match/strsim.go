package match

import (
	"unicode/utf8"
	"unsafe"
)

// String similarity on comparison keys. Keys are nearly always ASCII, so
// the functions work on bytes without allocating and fall back to runes
// for other scripts.

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// jaroWinkler is the Jaro-Winkler similarity of two keys.
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	if isASCII(a) && isASCII(b) {
		return jw(bytesOf(a), bytesOf(b))
	}
	return jw([]rune(a), []rune(b))
}

func jw[T byte | rune](ra, rb []T) float64 {
	la, lb := len(ra), len(rb)
	if la == 0 || lb == 0 {
		return 0
	}
	if la > lb {
		ra, rb, la, lb = rb, ra, lb, la
	}
	win := max(lb/2-1, 0)
	var flagsA, flagsB [96]bool
	var fa, fb []bool
	if lb <= 96 {
		fa, fb = flagsA[:la], flagsB[:lb]
	} else {
		fa, fb = make([]bool, la), make([]bool, lb)
	}
	m := 0
	for i := 0; i < la; i++ {
		lo, hi := max(0, i-win), min(lb, i+win+1)
		for j := lo; j < hi; j++ {
			if !fb[j] && ra[i] == rb[j] {
				fa[i], fb[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i := 0; i < la; i++ {
		if !fa[i] {
			continue
		}
		for !fb[k] {
			k++
		}
		if ra[i] != rb[k] {
			t++
		}
		k++
	}
	mf := float64(m)
	j := (mf/float64(la) + mf/float64(lb) + (mf-float64(t)/2)/mf) / 3
	p := 0
	for p < la && p < 4 && ra[p] == rb[p] {
		p++
	}
	return j + float64(p)*0.1*(1-j)
}

// editDistanceAtMost reports the optimal-string-alignment distance of a
// and b (substitution, insertion, deletion, adjacent transposition) when it
// is at most k, else k+1.
func editDistanceAtMost(a, b string, k int) int {
	if isASCII(a) && isASCII(b) {
		return osa(bytesOf(a), bytesOf(b), k)
	}
	return osa([]rune(a), []rune(b), k)
}

func osa[T byte | rune](ra, rb []T, k int) int {
	n, m := len(ra), len(rb)
	if abs(n-m) > k {
		return k + 1
	}
	var buf [3][65]int
	var prev2, prev, cur []int
	if m < 65 {
		prev2, prev, cur = buf[0][:m+1], buf[1][:m+1], buf[2][:m+1]
	} else {
		prev2, prev, cur = make([]int, m+1), make([]int, m+1), make([]int, m+1)
	}
	for j := 0; j <= m; j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= m; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > k {
			return k + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[m] > k {
		return k + 1
	}
	return prev[m]
}

// letterMask has one bit per letter a-z (and one for anything else): a
// cheap lower bound on edit distance, as one edit changes at most two bits.
func letterMask(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			m |= 1 << (c - 'a')
		} else {
			m |= 1 << 26
		}
	}
	return m
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

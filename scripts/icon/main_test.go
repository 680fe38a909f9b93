package main

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The committed Icon.png must be what this program draws, and must be a
// square, opaque-centred, transparent-cornered tile as packaging expects.
func TestCommittedIconIsCurrent(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "Icon.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	committed, err := png.Decode(f)
	if err != nil {
		t.Fatalf("Icon.png: %v", err)
	}
	drawn := draw()
	if got, want := committed.Bounds(), image.Rect(0, 0, size, size); got != want {
		t.Fatalf("Icon.png: got bounds %v, want %v", got, want)
	}
	diff := 0
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			r1, g1, b1, a1 := committed.At(x, y).RGBA()
			r2, g2, b2, a2 := drawn.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				diff++
			}
		}
	}
	if diff > 0 {
		t.Errorf("Icon.png differs from the drawing in %d pixels: run make icon", diff)
	}
	if _, _, _, a := drawn.At(0, 0).RGBA(); a != 0 {
		t.Errorf("corner alpha: got %d, want transparent", a)
	}
	if _, _, _, a := drawn.At(size/2, size/2).RGBA(); a != 0xffff {
		t.Errorf("centre alpha: got %d, want opaque", a)
	}
}

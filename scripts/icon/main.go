// Command icon draws Tradecheck's application icon (Icon.png): three
// shipping-container bars of a chart on a navy tile, with a green check
// mark for "figure checked". It is drawn from geometry so the icon is
// original and can be regenerated: go run ./scripts/icon -o Icon.png
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"

	"tradecheck/reconcile/fileio"
)

const (
	size = 512 // Fyne asks for at least 256 px; 512 scales down cleanly
	ss   = 4   // supersampling per axis, for anti-aliased edges
)

type rgba struct{ r, g, b, a float64 }

// over composites c over dst (straight alpha).
func over(dst, c rgba) rgba {
	a := c.a + dst.a*(1-c.a)
	if a == 0 {
		return rgba{}
	}
	mix := func(s, d float64) float64 { return (s*c.a + d*dst.a*(1-c.a)) / a }
	return rgba{mix(c.r, dst.r), mix(c.g, dst.g), mix(c.b, dst.b), a}
}

func hex(v uint32) rgba {
	return rgba{float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255, 1}
}

func inRoundRect(x, y, x0, y0, x1, y1, r float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := math.Max(x0+r, math.Min(x, x1-r))
	cy := math.Max(y0+r, math.Min(y, y1-r))
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

// distSeg is the distance from (x, y) to the segment a–b.
func distSeg(x, y, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := ((x-ax)*dx + (y-ay)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	px, py := ax+t*dx-x, ay+t*dy-y
	return math.Hypot(px, py)
}

// shade returns the icon's colour at a point in 0..size coordinates.
func shade(x, y float64) rgba {
	var c rgba
	if !inRoundRect(x, y, 16, 16, size-16, size-16, 96) {
		return c
	}
	// Navy tile, lighter at the top.
	t := y / size
	top, bot := hex(0x2B4C7E), hex(0x152844)
	c = rgba{top.r + (bot.r-top.r)*t, top.g + (bot.g-top.g)*t, top.b + (bot.b-top.b)*t, 1}

	// Baseline of the chart.
	if y >= 404 && y <= 416 && x >= 72 && x <= 440 {
		c = over(c, hex(0xC9D6E8))
	}
	// Three bars drawn as shipping containers: body plus ribs.
	bars := []struct {
		x0, top float64
		col     uint32
	}{{88, 300, 0xE8A33D}, {188, 230, 0x3FA7C9}, {288, 330, 0xE2E8F0}}
	for _, b := range bars {
		if inRoundRect(x, y, b.x0, b.top, b.x0+80, 398, 10) {
			c = over(c, hex(b.col))
			// Vertical ribs of a container door.
			for rx := b.x0 + 16; rx < b.x0+80-8; rx += 16 {
				if x >= rx && x <= rx+4 && y >= b.top+12 && y <= 386 {
					dark := hex(0x000000)
					dark.a = 0.22
					c = over(c, dark)
				}
			}
		}
	}
	// Green disc with a white check mark, upper right.
	cx, cy, r := 360.0, 150.0, 92.0
	d := math.Hypot(x-cx, y-cy)
	if d <= r+10 {
		ring := hex(0xFFFFFF)
		c = over(c, ring)
	}
	if d <= r {
		c = over(c, hex(0x2EAD6B))
		w := 17.0
		if distSeg(x, y, 314, 152, 346, 186) <= w || distSeg(x, y, 346, 186, 408, 116) <= w {
			c = over(c, hex(0xFFFFFF))
		}
	}
	return c
}

func draw() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var sr, sg, sb, sa float64
			for j := 0; j < ss; j++ {
				for i := 0; i < ss; i++ {
					c := shade(float64(px)+(float64(i)+0.5)/ss, float64(py)+(float64(j)+0.5)/ss)
					// Average premultiplied colour so edges do not darken.
					sr += c.r * c.a
					sg += c.g * c.a
					sb += c.b * c.a
					sa += c.a
				}
			}
			n := float64(ss * ss)
			a := sa / n
			var out color.NRGBA
			if a > 0 {
				out = color.NRGBA{
					R: uint8(math.Round(sr / sa * 255)),
					G: uint8(math.Round(sg / sa * 255)),
					B: uint8(math.Round(sb / sa * 255)),
					A: uint8(math.Round(a * 255)),
				}
			}
			img.SetNRGBA(px, py, out)
		}
	}
	return img
}

func main() {
	out := flag.String("o", "Icon.png", "output PNG")
	flag.Parse()
	if err := write(*out, draw()); err != nil {
		fmt.Fprintln(os.Stderr, "icon:", err)
		os.Exit(1)
	}
}

// write saves atomically: a reader never sees half a PNG.
func write(path string, img image.Image) error {
	return fileio.WriteAtomic(path, func(w io.Writer) error { return png.Encode(w, img) })
}

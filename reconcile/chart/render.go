package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strconv"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

var (
	fontsOnce       sync.Once
	regular, bolder *opentype.Font
	faceMu          sync.Mutex
	faces           = map[faceKey]font.Face{}
)

type faceKey struct {
	size float64
	bold bool
}

func loadFonts() {
	fontsOnce.Do(func() {
		// The Go fonts are embedded in the module: parsing cannot fail
		// unless the module is corrupt, and then nothing draws text.
		regular, _ = opentype.Parse(goregular.TTF)
		bolder, _ = opentype.Parse(gobold.TTF)
	})
}

// face returns the Go font at size pixels. Faces are cached; a face is
// not safe for concurrent use, so callers hold faceMu.
func face(size float64, bold bool) font.Face {
	loadFonts()
	k := faceKey{size, bold}
	if f, ok := faces[k]; ok {
		return f
	}
	src := regular
	if bold {
		src = bolder
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	faces[k] = f
	return f
}

// measure is the width of s at size, in logical pixels. SVG uses the same
// widths, so labels are laid out alike in both formats.
func measure(s string, size float64, bold bool) float64 {
	faceMu.Lock()
	defer faceMu.Unlock()
	f := face(size, bold)
	if f == nil {
		return float64(len(s)) * size * 0.55
	}
	return float64(font.MeasureString(f, s)) / 64
}

// Image draws the chart at w×h logical pixels, scale device pixels each.
func (c *Chart) Image(w, h int, scale float64) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, int(float64(w)*scale), int(float64(h)*scale)))
	c.draw(&raster{img: img, s: scale}, float64(w), float64(h))
	return img
}

// PNG encodes the chart at article size (ArticleWidth×ArticleHeight at
// PNGScale).
func (c *Chart) PNG() ([]byte, error) {
	var b bytes.Buffer
	if err := png.Encode(&b, c.Image(ArticleWidth, ArticleHeight, PNGScale)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// SVG writes the chart at article size as standalone SVG.
func (c *Chart) SVG() []byte {
	s := &svg{}
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Go, 'DejaVu Sans', Arial, sans-serif">`+"\n",
		ArticleWidth, ArticleHeight, ArticleWidth, ArticleHeight)
	if c.Title != "" {
		s.b.WriteString("<title>")
		xml.EscapeText(&s.b, []byte(c.Title))
		s.b.WriteString("</title>\n")
	}
	c.draw(s, ArticleWidth, ArticleHeight)
	s.b.WriteString("</svg>\n")
	return s.b.Bytes()
}

type raster struct {
	img *image.NRGBA
	s   float64
}

func (r *raster) rect(x, y, w, h float64, c color.NRGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	rc := image.Rect(int(x*r.s+0.5), int(y*r.s+0.5), int((x+w)*r.s+0.5), int((y+h)*r.s+0.5))
	if rc.Dx() == 0 {
		rc.Max.X++
	}
	if rc.Dy() == 0 {
		rc.Max.Y++
	}
	draw.Draw(r.img, rc, image.NewUniform(c), image.Point{}, draw.Over)
}

func (r *raster) text(x, y float64, s string, size float64, a align, c color.NRGBA, bold bool) {
	wd := measure(s, size, bold)
	switch a {
	case center:
		x -= wd / 2
	case right:
		x -= wd
	}
	faceMu.Lock()
	defer faceMu.Unlock()
	f := face(size*r.s, bold)
	if f == nil {
		return
	}
	d := font.Drawer{Dst: r.img, Src: image.NewUniform(c), Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * r.s * 64), Y: fixed.Int26_6(y * r.s * 64)}}
	d.DrawString(s)
}

type svg struct{ b bytes.Buffer }

func hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func f1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

func (s *svg) rect(x, y, w, h float64, c color.NRGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	fmt.Fprintf(&s.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", f1(x), f1(y), f1(w), f1(h), hex(c))
}

func (s *svg) text(x, y float64, t string, size float64, a align, c color.NRGBA, bold bool) {
	anchor := [...]string{"start", "middle", "end"}[a]
	weight := ""
	if bold {
		weight = ` font-weight="bold"`
	}
	fmt.Fprintf(&s.b, `<text x="%s" y="%s" font-size="%s" text-anchor="%s" fill="%s"%s>`, f1(x), f1(y), f1(size), anchor, hex(c), weight)
	xml.EscapeText(&s.b, []byte(t))
	s.b.WriteString("</text>\n")
}

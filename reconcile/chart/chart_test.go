package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func sampleBars() *Chart {
	return &Chart{Kind: Bars, Title: "Tonnes by consignee", Subtitle: "HS 63079098; 2022-01-01 to 2022-12-31",
		Unit: "t", Labels: []string{"OOO TEKHKRIM", "ZAVOD-2 JSC", "ООО «Техкрим» & <Partners>"},
		Values: []float64{155.067, 76.4, 0.3}, Texts: []string{"155.067 t", "76.4 t", "0.3 t"},
		Source: "Tradecheck reconciliation of 3 files; counted shipments only"}
}

func sampleMonths() *Chart {
	var labels []string
	var vals []float64
	for i, v := range []float64{3.6, 2.8, 8.6, 5.4, 5, 10.4, 5, 6.1, 8.2, 6, 7.4, 7.9} {
		labels = append(labels, "2022-"+string(rune('0'+(i+1)/10))+string(rune('0'+(i+1)%10)))
		vals = append(vals, v)
	}
	return &Chart{Kind: Columns, Title: "Tonnes by month", Subtitle: "destination RU; HS 63079098", Unit: "t",
		Labels: labels, Values: vals, Source: "Tradecheck"}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (go test -update)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the golden file (go test ./reconcile/chart -update, then look at it)", name)
	}
}

// TestSVG pins both chart kinds as SVG, checks the markup is well-formed
// XML with every label escaped, and that values are drawn in order.
func TestSVG(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		c    *Chart
		want []string
	}{
		{"bars.svg", sampleBars(), []string{"ООО «Техкрим» &amp; &lt;Partners&gt;", ">155.067 t<", "<title>Tonnes by consignee</title>"}},
		{"months.svg", sampleMonths(), []string{">Jan 22<", ">Dec 22<", ">10.4<"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := tc.c.SVG()
			golden(t, tc.name, out)
			dec := xml.NewDecoder(bytes.NewReader(out))
			for {
				_, err := dec.Token()
				if err != nil {
					if err.Error() != "EOF" {
						t.Fatalf("not well-formed XML: %v", err)
					}
					break
				}
			}
			for _, w := range tc.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("SVG lacks %q", w)
				}
			}
			if os.Getenv("CHART_OUT") != "" {
				os.WriteFile(filepath.Join(os.Getenv("CHART_OUT"), tc.name), out, 0o644)
			}
		})
	}
}

// TestPNG renders at article size and checks, pixel by pixel, that the
// longest bar is drawn in the bar colour and is longer than the next.
func TestPNG(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		c    *Chart
	}{{"bars.png", sampleBars()}, {"months.png", sampleMonths()}} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.c.PNG()
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got.X != ArticleWidth*PNGScale || got.Y != ArticleHeight*PNGScale {
				t.Errorf("size %v, want %dx%d", got, ArticleWidth*PNGScale, ArticleHeight*PNGScale)
			}
			if os.Getenv("CHART_OUT") != "" {
				os.WriteFile(filepath.Join(os.Getenv("CHART_OUT"), tc.name), b, 0o644)
			}
		})
	}
	// Bar lengths: count bar-coloured pixels along each bar's middle row.
	c := sampleBars()
	img := c.Image(ArticleWidth, ArticleHeight, 1)
	bar := Light.Bar
	var lens []int
	for y := 0; y < ArticleHeight; y++ {
		n := 0
		for x := 0; x < ArticleWidth; x++ {
			if img.NRGBAAt(x, y) == bar {
				n++
			}
		}
		if n > 0 && (len(lens) == 0 || lens[len(lens)-1] != n) {
			lens = append(lens, n)
		}
	}
	if len(lens) < 3 || !(lens[0] > lens[len(lens)/2] && lens[len(lens)/2] >= 1) {
		t.Errorf("bar lengths by row %v: want the first bar longest", lens)
	}
}

// TestEmptyAndTicks: no data draws a message, not a broken axis; ticks
// are round numbers.
func TestEmptyAndTicks(t *testing.T) {
	t.Parallel()
	empty := &Chart{Kind: Columns, Title: "Tonnes by month"}
	if s := string(empty.SVG()); !strings.Contains(s, "No shipments match these filters.") {
		t.Error("an empty chart does not say so")
	}
	for _, tc := range []struct{ raw, want float64 }{{0.9, 1}, {1.1, 2}, {3, 5}, {7, 10}, {2300, 5000}, {0.013, 0.02}, {0, 1}} {
		if got := niceStep(tc.raw); got != tc.want {
			t.Errorf("niceStep(%v) = %v, want %v", tc.raw, got, tc.want)
		}
	}
}

package reports

import (
	"image/color"
	"math"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// pathBounds is the bounding box of a path's points.
func pathBounds(p vg.Path) vg.Rectangle {
	r := vg.Rectangle{Min: vg.Point{X: vg.Length(math.Inf(1)), Y: vg.Length(math.Inf(1))}, Max: vg.Point{X: vg.Length(math.Inf(-1)), Y: vg.Length(math.Inf(-1))}}
	for _, c := range p {
		r.Min.X, r.Min.Y = min(r.Min.X, c.Pos.X), min(r.Min.Y, c.Pos.Y)
		r.Max.X, r.Max.Y = max(r.Max.X, c.Pos.X), max(r.Max.Y, c.Pos.Y)
	}
	return r
}

func contains2(r vg.Rectangle, p vg.Point) bool {
	return p.X >= r.Min.X && p.X <= r.Max.X && p.Y >= r.Min.Y && p.Y <= r.Max.Y
}

// The legend of tradeoff.png sits on a background: after the grid lines
// and the data, and before the legend's text, an opaque white box is
// filled under every entry, inset from the picture's edge so that no
// swatch is cut.
func TestLegendHasABackground(t *testing.T) {
	size := sweepPlots[0].size
	p, _, err := newTradeoffPlot(fixture(t, true, fixtureReqs...).Result)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	drawPlot(p, draw.NewCanvas(rec, size[0], size[1]))
	var col color.Color
	box, boxAt, firstStroke := vg.Rectangle{}, -1, -1
	entries := 0
	for i, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			col = a.Color
		case *recorder.Stroke:
			if firstStroke < 0 {
				firstStroke = i
			}
		case *recorder.Fill:
			if r, g, b, al := col.RGBA(); r == g && g == b && b == al && al > 0xe000 {
				box, boxAt = pathBounds(a.Path), i
			}
		case *recorder.FillString:
			switch a.String {
			case "Pareto front", "meets every requirement", "intervals in order":
				entries++
				if boxAt < 0 || boxAt < firstStroke || !contains2(box, a.Point) {
					t.Errorf("legend entry %q at %v is not on a white box drawn over the grid (box %v, filled at action %d, first stroke %d)",
						a.String, a.Point, box, boxAt, firstStroke)
				}
			}
		}
	}
	if entries != 3 {
		t.Fatalf("found %d of the legend's entries", entries)
	}
	if edge := size[0] - vg.Points(legendInset); box.Max.X > edge+1e-9 {
		t.Errorf("the legend's box reaches %v, past %v: a swatch would be cut at the edge", box.Max.X, edge)
	}
}

package reports

import (
	"image/color"
	"math"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// labelGap is the distance in points between a point's centre and the
// nearest edge of its label.
const labelGap = 6

// labelMargin is the clear space in points kept around a label.
const labelMargin = 1.5

// pointLabel is a label for one data point: the point, its error bars
// (data units; equal ends for none) and how the text is drawn.
type pointLabel struct {
	x, y     float64
	xlo, xhi float64
	ylo, yhi float64
	text     string
	color    color.Color
	bold     bool
	mark     bool // a point to keep clear of, with no label
}

// labelLayer is a plotter that places point labels when the plot is drawn,
// in the canvas's own units: no label overlaps another, a point, an error
// bar or the legend's box, and none leaves the data area. A label that
// fits nowhere near its point is left out (items come in the order they
// are wanted). placed is the last layout, for tests.
type labelLayer struct {
	items  []pointLabel
	lines  []plotter.XYs // lines to keep labels off (the Pareto front)
	legend plot.Legend   // the plot's legend, to keep out of its box
	placed []placedLabel
	// obstacles and bounds are the last layout's, for tests.
	obstacles []vg.Rectangle
	bounds    vg.Rectangle
}

// placedLabel is a label's box on the canvas, and its item.
type placedLabel struct {
	box  vg.Rectangle
	item int
}

// labelStyle is the style of a label.
func labelStyle(it pointLabel) text.Style {
	sty := plot.New().Legend.TextStyle
	sty.Font = sans(9)
	if it.bold {
		sty.Font.Weight = xfont.WeightBold
	}
	sty.Color = colBlack
	if it.color != nil {
		sty.Color = it.color
	}
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	return sty
}

// Plot places and draws the labels.
func (l *labelLayer) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	var anchors []vg.Point
	var obstacles []vg.Rectangle
	const glyph, cap = 5, 2.5 // points: half a glyph's box, half an error bar's width
	for _, it := range l.items {
		x, y := trX(it.x), trY(it.y)
		anchors = append(anchors, vg.Point{X: x, Y: y})
		obstacles = append(obstacles,
			square(x, y, vg.Points(glyph)),
			vg.Rectangle{Min: vg.Point{X: trX(it.xlo), Y: y - vg.Points(cap)}, Max: vg.Point{X: trX(it.xhi), Y: y + vg.Points(cap)}},
			vg.Rectangle{Min: vg.Point{X: x - vg.Points(cap), Y: trY(it.ylo)}, Max: vg.Point{X: x + vg.Points(cap), Y: trY(it.yhi)}})
	}
	for _, line := range l.lines {
		for k := 1; k < len(line); k++ {
			obstacles = append(obstacles, segmentBoxes(
				vg.Point{X: trX(line[k-1].X), Y: trY(line[k-1].Y)}, vg.Point{X: trX(line[k].X), Y: trY(line[k].Y)}, vg.Points(1.5))...)
		}
	}
	if box, ok := legendBox(c, l.legend); ok {
		obstacles = append(obstacles, box)
	}
	var sizes []vg.Point
	for _, it := range l.items {
		if it.mark {
			sizes = append(sizes, vg.Point{})
			continue
		}
		sizes = append(sizes, labelStyle(it).Rectangle(it.text).Size())
	}
	l.placed = layoutLabels(anchors, sizes, obstacles, c.Rectangle)
	l.obstacles, l.bounds = obstacles, c.Rectangle
	for _, pl := range l.placed {
		it := l.items[pl.item]
		sty := labelStyle(it)
		c.FillText(sty, vg.Point{X: pl.box.Min.X, Y: pl.box.Min.Y - sty.Rectangle(it.text).Min.Y}, it.text)
	}
}

// segmentBoxes covers the segment from a to b with squares of half-side r,
// one every r along it.
func segmentBoxes(a, b vg.Point, r vg.Length) []vg.Rectangle {
	d := b.Sub(a)
	n := int(math.Ceil(float64(vg.Length(math.Hypot(float64(d.X), float64(d.Y))) / r)))
	var out []vg.Rectangle
	for k := 0; k <= n; k++ {
		f := vg.Length(float64(k) / float64(max(n, 1)))
		out = append(out, square(a.X+d.X*f, a.Y+d.Y*f, r))
	}
	return out
}

func square(x, y, r vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: x - r, Y: y - r}, Max: vg.Point{X: x + r, Y: y + r}}
}

// layoutLabels places a box of sizes[i] near each anchors[i] whose size is
// not zero, in order: at the first of a ring of spots around the anchor
// (right, left, the diagonals, above, below, then twice as far) where it
// overlaps no obstacle and no box already placed, and lies inside bounds.
// A label with no free spot is left out.
func layoutLabels(anchors, sizes []vg.Point, obstacles []vg.Rectangle, bounds vg.Rectangle) []placedLabel {
	var placed []placedLabel
	taken := append([]vg.Rectangle(nil), obstacles...)
	for i, a := range anchors {
		s := sizes[i]
		if s.X <= 0 || s.Y <= 0 {
			continue
		}
		for _, b := range labelSpots(a, s) {
			if !inside(b, bounds) || overlapsAny(grow(b, vg.Points(labelMargin)), taken) {
				continue
			}
			placed = append(placed, placedLabel{box: b, item: i})
			taken = append(taken, b)
			break
		}
	}
	return placed
}

// labelSpots are the boxes of size s around a, in order of preference.
func labelSpots(a, s vg.Point) []vg.Rectangle {
	var out []vg.Rectangle
	for _, k := range []vg.Length{1, 2} {
		g := vg.Points(labelGap) * k
		for _, min := range []vg.Point{
			{X: a.X + g, Y: a.Y - s.Y/2},           // right
			{X: a.X - g - s.X, Y: a.Y - s.Y/2},     // left
			{X: a.X + g/2, Y: a.Y + g},             // above right
			{X: a.X + g/2, Y: a.Y - g - s.Y},       // below right
			{X: a.X - g/2 - s.X, Y: a.Y + g},       // above left
			{X: a.X - g/2 - s.X, Y: a.Y - g - s.Y}, // below left
			{X: a.X - s.X/2, Y: a.Y + g},           // above
			{X: a.X - s.X/2, Y: a.Y - g - s.Y},     // below
		} {
			out = append(out, vg.Rectangle{Min: min, Max: vg.Point{X: min.X + s.X, Y: min.Y + s.Y}})
		}
	}
	return out
}

// grow is r with m more on every side.
func grow(r vg.Rectangle, m vg.Length) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: r.Min.X - m, Y: r.Min.Y - m}, Max: vg.Point{X: r.Max.X + m, Y: r.Max.Y + m}}
}

func inside(b, bounds vg.Rectangle) bool {
	return b.Min.X >= bounds.Min.X && b.Min.Y >= bounds.Min.Y && b.Max.X <= bounds.Max.X && b.Max.Y <= bounds.Max.Y
}

func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

func overlapsAny(b vg.Rectangle, rs []vg.Rectangle) bool {
	for _, r := range rs {
		if overlaps(b, r) {
			return true
		}
	}
	return false
}

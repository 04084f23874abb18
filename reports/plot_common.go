package reports

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"pingtune/internal/durfmt"
	"pingtune/sweep"
)

// Plot errors, returned wrapped. ErrPlotData: the data has NaN or infinite
// values, or a series is empty, where the plot needs numbers (a bug upstream).
// ErrNothingToPlot: the sweep has nothing the plot could show (no interval saw
// a break); the report leaves that plot out and says why.
var (
	ErrPlotData      = errors.New("reports: bad plot data")
	ErrNothingToPlot = errors.New("reports: nothing to plot")
)

// plotDPI is the resolution of the PNG plots: sizes in inches × plotDPI = pixels.
const plotDPI = 96

// The colour-blind-safe Okabe–Ito palette (okabe) and a grey.
var (
	colBlue   = color.RGBA{0, 114, 178, 255}
	colOrange = color.RGBA{230, 159, 0, 255}
	colGreen  = color.RGBA{0, 158, 115, 255}
	colVerm   = color.RGBA{213, 94, 0, 255}
	colSky    = color.RGBA{86, 180, 233, 255}
	colPurple = color.RGBA{204, 121, 167, 255}
	colYellow = color.RGBA{200, 180, 40, 255}
	colBlack  = color.RGBA{0, 0, 0, 255}
	colGrey   = color.RGBA{120, 120, 120, 255}
	okabe     = []color.Color{colBlue, colVerm, colGreen, colOrange, colPurple, colSky, colYellow, colBlack}
)

func fadeColor(c color.Color, alpha uint8) color.Color {
	r, g, b, _ := c.RGBA()
	// Premultiplied, as color.RGBA expects.
	f := func(v uint32) uint8 { return uint8(v >> 8 * uint32(alpha) / 255) }
	return color.RGBA{f(r), f(g), f(b), alpha}
}

// renderPlot draws p at w×h into the format ("png" or "svg"), its legend
// boxed (drawPlot).
func renderPlot(p *plot.Plot, w, h vg.Length, format string) ([]byte, error) {
	c, err := draw.NewFormattedCanvas(w, h, format)
	if err != nil {
		return nil, err
	}
	dc := draw.New(c)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	drawPlot(p, dc)
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderTiles draws a grid of plots under one title.
func renderTiles(title string, plots [][]*plot.Plot, w, h vg.Length, format string) ([]byte, error) {
	c, err := draw.NewFormattedCanvas(w, h, format)
	if err != nil {
		return nil, err
	}
	dc := draw.New(c)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	sty := plot.New().Title.TextStyle
	sty.Font = sans(15)
	dc.FillText(sty, vg.Point{X: w / 2, Y: h - vg.Points(8)}, title)
	body := draw.Crop(dc, 0, 0, 0, -vg.Points(32))
	tiles := draw.Tiles{Rows: len(plots), Cols: len(plots[0]), PadX: vg.Points(18), PadY: vg.Points(18),
		PadLeft: vg.Points(6), PadRight: vg.Points(10), PadBottom: vg.Points(6)}
	canvases := plot.Align(plots, tiles, body)
	for j := range plots {
		for i, p := range plots[j] {
			if p != nil {
				drawPlot(p, canvases[j][i])
			}
		}
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// newPlot is a plot with the report's fonts and a title.
func newPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = sans(13)
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(11)
		a.Tick.Label.Font = sans(10)
	}
	p.Legend.TextStyle.Font = sans(10)
	p.Title.Padding = vg.Points(8)
	p.X.Tick.Marker = niceTicks{}
	p.Y.Tick.Marker = niceTicks{}
	p.Add(plotter.NewGrid())
	return p
}

// finite checks every value is a number, naming what and where otherwise.
func finite(what string, vs ...float64) error {
	if len(vs) == 0 {
		return fmt.Errorf("%w: %s: no data", ErrPlotData, what)
	}
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: %s: %v", ErrPlotData, what, v)
		}
	}
	return nil
}

// checkPoints refuses a sweep a plot cannot show honestly.
func checkPoints(res *sweep.Result, what string) error {
	if res == nil || len(res.Points) == 0 {
		return fmt.Errorf("%w: %s: no intervals", ErrPlotData, what)
	}
	for i := range res.Points {
		p := &res.Points[i]
		m := &p.Metrics
		if err := finite(fmt.Sprintf("%s at %s", what, ivl(p.IntervalS)), p.IntervalS, p.EffectiveIntervalS,
			m.BatteryPctPerDay.Mean, m.WakeupsPerHour.Mean, m.Availability.Mean, m.BreaksPerDay.Mean); err != nil {
			return err
		}
	}
	return nil
}

// timeUnit picks minutes or seconds for latencies up to max seconds.
type timeUnit struct {
	name string
	div  float64
}

func unitFor(maxS float64) timeUnit {
	switch {
	case maxS >= 120:
		return timeUnit{"min", 60}
	case maxS < 1:
		return timeUnit{"ms", 0.001}
	}
	return timeUnit{"s", 1}
}

// valRange is a value range that grows to include values and pads itself.
type valRange struct{ lo, hi float64 }

func newValRange() valRange { return valRange{math.Inf(1), math.Inf(-1)} }

func (s *valRange) add(vs ...float64) {
	for _, v := range vs {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			s.lo, s.hi = math.Min(s.lo, v), math.Max(s.hi, v)
		}
	}
}

// addNear adds v if it is not far outside the current range: a requirement
// bound far from the data would squash the curves.
func (s *valRange) addNear(v float64) bool {
	if math.IsInf(s.lo, 1) {
		s.add(v)
		return true
	}
	w := math.Max(s.hi-s.lo, math.Abs(s.hi)*0.05)
	if v >= s.lo-1.5*w && v <= s.hi+1.5*w {
		s.add(v)
		return true
	}
	return false
}

// headroom is the padded range with extra space on top for the legend and
// notes, top (a fraction of the padded range); zero starts it at 0
// (latencies, energies, shares). A legend of n entries at the top of a
// panel needs about 0.1 + 0.07 n.
func (s valRange) headroom(zero bool, top float64) (float64, float64) {
	if zero {
		s.add(0)
	}
	lo, hi := s.padded(0.05)
	if zero && s.lo >= 0 {
		lo = -(hi - lo) * 0.02
	}
	return lo, hi + (hi-lo)*top
}

// padded is the range with a margin, never empty.
func (s valRange) padded(frac float64) (float64, float64) {
	lo, hi := s.lo, s.hi
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	if hi-lo < 1e-12 {
		d := math.Abs(hi) * 0.1
		if d == 0 {
			d = 1
		}
		return lo - d, hi + d
	}
	m := (hi - lo) * frac
	return lo - m, hi + m
}

// intervalAxis sets up the x axis of a plot against the heartbeat interval,
// in minutes, and sets the y range.
func intervalAxis(p *plot.Plot, res *sweep.Result, ylo, yhi float64) {
	x := newValRange()
	for i := range res.Points {
		x.add(res.Points[i].IntervalS / 60)
	}
	p.X.Min, p.X.Max = x.padded(0.03)
	p.Y.Min, p.Y.Max = ylo, yhi
	p.X.Label.Text = "heartbeat interval (min)"
	p.X.Tick.Marker = minuteTicks{}
}

// backdrop shades the intervals the platform clamps and marks the NAT idle
// timeout, under the data; call it after intervalAxis and before adding data.
func backdrop(p *plot.Plot, res *sweep.Result) error {
	if k := res.KeepaliveMinS / 60; shadesClamped(res) {
		poly, err := plotter.NewPolygon(plotter.XYs{{X: p.X.Min, Y: p.Y.Min}, {X: k, Y: p.Y.Min}, {X: k, Y: p.Y.Max}, {X: p.X.Min, Y: p.Y.Max}})
		if err != nil {
			return err
		}
		poly.Color = color.RGBA{235, 235, 235, 255}
		poly.LineStyle.Width = 0
		p.Add(poly)
		if err := plotNote(p, p.X.Min, p.Y.Max, fmt.Sprintf(" clamped to %s", ivl(res.KeepaliveMinS)), colGrey, draw.XLeft, draw.YTop); err != nil {
			return err
		}
	}
	if n := res.NATIdleTimeoutS / 60; marksNAT(res) {
		if err := natLine(p, n, fmt.Sprintf(" NAT %s", ivl(res.NATIdleTimeoutS))); err != nil {
			return err
		}
	}
	for _, m := range natFleetMarks(res) {
		if err := natLine(p, m.min, m.label); err != nil {
			return err
		}
	}
	return nil
}

// natLine draws a dashed vertical line at x minutes, labelled at the top.
func natLine(p *plot.Plot, x float64, label string) error {
	l, err := plotter.NewLine(plotter.XYs{{X: x, Y: p.Y.Min}, {X: x, Y: p.Y.Max}})
	if err != nil {
		return err
	}
	l.LineStyle = draw.LineStyle{Color: colGrey, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
	p.Add(l)
	return plotNote(p, x, p.Y.Max, label, colGrey, draw.XLeft, draw.YTop)
}

type natMark struct {
	min   float64
	label string
}

// natFleetMarks are the fleet's NAT idle timeout quantiles (p10, median)
// that fall within the swept intervals, as lines to draw.
func natFleetMarks(res *sweep.Result) []natMark {
	if res.NATFleet == nil {
		return nil
	}
	lo, hi := sweptRange(res)
	var out []natMark
	for _, q := range []struct {
		p    float64
		name string
	}{{0.1, "p10"}, {0.5, "median"}} {
		s := natFleetQuantile(res, q.p)
		if x := s / 60; x >= lo && x <= hi {
			out = append(out, natMark{x, fmt.Sprintf(" NAT %s %s", q.name, durfmt.Human(s))})
		}
	}
	return out
}

// sweptRange is the x range, in minutes, the plots give the swept intervals.
func sweptRange(res *sweep.Result) (lo, hi float64) {
	x := newValRange()
	for i := range res.Points {
		x.add(res.Points[i].IntervalS / 60)
	}
	return x.padded(0.03)
}

// shadesClamped reports whether backdrop shades the clamped intervals: the
// platform clamps some interval of the sweep.
func shadesClamped(res *sweep.Result) bool { return res.KeepaliveMinS > 0 && anyClamped(res) }

// marksNAT reports whether backdrop marks the NAT idle timeout: it lies
// within the swept intervals (give or take the axis's margin).
func marksNAT(res *sweep.Result) bool {
	lo, hi := sweptRange(res)
	n := res.NATIdleTimeoutS / 60
	return n > 0 && n >= lo && n <= hi
}

// recLine marks the recommended interval with a solid green line across
// the panel, over the backdrop and under the data.
func recLine(p *plot.Plot, res *sweep.Result) error {
	r := res.Recommendation.Index
	if r < 0 {
		return nil
	}
	x := res.Points[r].IntervalS / 60
	l, err := plotter.NewLine(plotter.XYs{{X: x, Y: p.Y.Min}, {X: x, Y: p.Y.Max}})
	if err != nil {
		return err
	}
	l.LineStyle = draw.LineStyle{Color: fadeColor(colGreenDark, 200), Width: vg.Points(2)}
	p.Add(l)
	return nil
}

// plotNote writes text at a data point.
func plotNote(p *plot.Plot, x, y float64, s string, c color.Color, xa draw.XAlignment, ya draw.YAlignment) error {
	l, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: x, Y: y}}, Labels: []string{s}})
	if err != nil {
		return err
	}
	for i := range l.TextStyle {
		l.TextStyle[i].Color = c
		l.TextStyle[i].Font = sans(9)
		l.TextStyle[i].XAlign = xa
		l.TextStyle[i].YAlign = ya
	}
	p.Add(l)
	return nil
}

// reqLine draws a requirement bound across the plot, with its label.
func reqLine(p *plot.Plot, y float64, label string) error {
	l, err := plotter.NewLine(plotter.XYs{{X: p.X.Min, Y: y}, {X: p.X.Max, Y: y}})
	if err != nil {
		return err
	}
	l.LineStyle = draw.LineStyle{Color: colVerm, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(6), vg.Points(3)}}
	p.Add(l)
	return plotNote(p, p.X.Max, y, label+" ", colVerm, draw.XRight, draw.YTop)
}

// curve is a curve against the interval with an optional 95% band. A NaN
// y leaves a gap; an infinite band end is drawn at the estimate.
type curve struct {
	name          string
	x, y, lo, hi  []float64
	color         color.Color
	dashed, noDot bool
	glyph         draw.GlyphDrawer // the points' shape (a dot when nil)
	radius        vg.Length        // the points' size (2 pt when 0)
	width         vg.Length        // the line's width (1.6 pt when 0)
	bandAlpha     uint8            // the band's opacity (60 when 0)
}

// add draws the band, the line and the points of s, a segment at a time
// (a NaN or infinite value breaks the line).
func (s curve) add(p *plot.Plot) error {
	first := true
	for _, seg := range s.segments() {
		var band plot.Thumbnailer
		switch {
		case s.lo != nil && len(seg) == 1:
			if err := s.bar(p, seg[0]); err != nil {
				return err
			}
		case s.lo != nil:
			poly, err := s.band(p, seg)
			if err != nil {
				return err
			}
			band = poly
		}
		l, sc, err := s.line(p, seg)
		if err != nil {
			return err
		}
		if first && s.name != "" {
			// The legend shows the band, the line and the marker.
			var thumbs []plot.Thumbnailer
			if band != nil {
				thumbs = append(thumbs, band)
			}
			thumbs = append(thumbs, l)
			if sc != nil {
				thumbs = append(thumbs, sc)
			}
			p.Legend.Add(s.name, thumbs...)
			first = false
		}
	}
	return nil // no segment: nothing measured, the panel's title says so
}

// segments are the runs of s's points with a finite value.
func (s curve) segments() [][]int {
	var segs [][]int
	var cur []int
	for i := range s.x {
		if math.IsNaN(s.y[i]) || math.IsInf(s.y[i], 0) {
			if len(cur) > 0 {
				segs = append(segs, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, i)
	}
	if len(cur) > 0 {
		segs = append(segs, cur)
	}
	return segs
}

// bar draws a lone point's interval: it has no band to draw.
func (s curve) bar(p *plot.Plot, i int) error {
	lo, hi := clampBand(s.lo[i], s.y[i]), clampBand(s.hi[i], s.y[i])
	bar, err := plotter.NewYErrorBars(struct {
		plotter.XYs
		plotter.YErrors
	}{plotter.XYs{{X: s.x[i], Y: s.y[i]}}, plotter.YErrors{{Low: s.y[i] - lo, High: hi - s.y[i]}}})
	if err != nil {
		return err
	}
	bar.LineStyle.Color = s.color
	p.Add(bar)
	return nil
}

// band shades a segment's 95% interval.
func (s curve) band(p *plot.Plot, seg []int) (*plotter.Polygon, error) {
	var ring plotter.XYs
	for _, i := range seg {
		ring = append(ring, plotter.XY{X: s.x[i], Y: clampBand(s.hi[i], s.y[i])})
	}
	for k := len(seg) - 1; k >= 0; k-- {
		i := seg[k]
		ring = append(ring, plotter.XY{X: s.x[i], Y: clampBand(s.lo[i], s.y[i])})
	}
	poly, err := plotter.NewPolygon(ring)
	if err != nil {
		return nil, err
	}
	alpha := s.bandAlpha
	if alpha == 0 {
		alpha = 60
	}
	poly.Color = fadeColor(s.color, alpha)
	poly.LineStyle.Width = 0
	p.Add(poly)
	return poly, nil
}

// line draws a segment's line and, unless noDot, its points.
func (s curve) line(p *plot.Plot, seg []int) (*plotter.Line, *plotter.Scatter, error) {
	xys := make(plotter.XYs, len(seg))
	for k, i := range seg {
		xys[k] = plotter.XY{X: s.x[i], Y: s.y[i]}
	}
	l, err := plotter.NewLine(xys)
	if err != nil {
		return nil, nil, err
	}
	l.LineStyle = draw.LineStyle{Color: s.color, Width: vg.Points(1.6)}
	if s.width > 0 {
		l.LineStyle.Width = s.width
	}
	if s.dashed {
		l.LineStyle.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
	}
	p.Add(l)
	if s.noDot {
		return l, nil, nil
	}
	sc, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, nil, err
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: s.color, Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
	if s.glyph != nil {
		sc.GlyphStyle.Shape = s.glyph
	}
	if s.radius > 0 {
		sc.GlyphStyle.Radius = s.radius
	}
	p.Add(sc)
	return l, sc, nil
}

func clampBand(b, y float64) float64 {
	if math.IsNaN(b) || math.IsInf(b, 0) {
		return y
	}
	return b
}

// sans is the plots' typeface at size pt.
func sans(pt float64) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Points(pt)}
}

// niceTicks labels 4 to 8 round values: steps of 1, 2, 2.5 or 5 × 10^k.
type niceTicks struct{}

func (niceTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) {
		return plot.DefaultTicks{}.Ticks(lo, hi)
	}
	mag := math.Pow(10, math.Floor(math.Log10((hi-lo)/5)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if (hi-lo)/(m*mag) <= 8 {
			step = m * mag
			break
		}
	}
	var ts []plot.Tick
	for k := math.Ceil(lo / step); k*step <= hi+step*1e-9; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', 6, 64)})
		if v+step/2 <= hi {
			ts = append(ts, plot.Tick{Value: v + step/2}) // a minor tick between labels
		}
	}
	return ts
}

// minuteTicks puts ticks on round numbers of minutes: every 1, 2, 5, 10,
// 15, 30 or 60 minutes, whichever gives at most 10 labels.
type minuteTicks struct{}

func (minuteTicks) Ticks(lo, hi float64) []plot.Tick {
	step := 60.0
	for _, s := range []float64{1, 2, 5, 10, 15, 30, 60} {
		if (hi-lo)/s <= 10 {
			step = s
			break
		}
	}
	var ts []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	return ts
}

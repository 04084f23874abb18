package reports

import (
	"fmt"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"pingtune/sweep"
)

// tradeoffPlot draws battery use against the sweep's detection axis
// (res.Axis: the detection metric that binds the recommendation, or the one
// that varies most), one labelled point per interval with its 95% intervals
// as error bars (Student-t for battery and rates, distribution-free for a
// p95), the path the intervals trace in order, the Pareto front, the region
// the requirements allow, and the recommendation. Intervals with no value on
// the axis (a p95 without breaks) are left out. Each layer is drawn by its
// own function, bottom to top.
func tradeoffPlot(res *sweep.Result, size [2]vg.Length, format string) ([]byte, error) {
	p, _, err := newTradeoffPlot(res)
	if err != nil {
		return nil, err
	}
	return renderPlot(p, size[0], size[1], format)
}

// newTradeoffPlot is tradeoff.png's plot and its labels (laid out when the
// plot is drawn).
func newTradeoffPlot(res *sweep.Result) (*plot.Plot, *labelLayer, error) {
	t, err := newTradeoff(res)
	if err != nil {
		return nil, nil, err
	}
	title := fmt.Sprintf("%s: battery against detection (%d replications × %s)", res.Scenario, res.Replications, ivl(res.HorizonS))
	p := newPlot(title, fmt.Sprintf("%s (%s)", t.ax.label, t.unit), "battery use (% / day)")
	p.X.Min, p.X.Max = t.xr.padded(0.06)
	p.Y.Min, p.Y.Max = t.yr.headroom(false, 0.1+0.07*6) // the legend's six entries
	if p.X.Min > 0 || t.xr.lo >= 0 {
		p.X.Min = -(p.X.Max - p.X.Min) * 0.02
	}
	for _, layer := range []func(*plot.Plot) error{t.allowed, t.path, t.front, t.errorBars, t.points, t.recommended} {
		if err := layer(p); err != nil {
			return nil, nil, err
		}
	}
	if err := t.flatNote(p); err != nil {
		return nil, nil, err
	}
	p.Legend.Top = true
	return p, t.pointLabels(p), nil
}

// tradeoff is what tradeoff.png is drawn from: the intervals with a value on
// the axis, the requirements on its two axes, the unit and ranges.
type tradeoff struct {
	res              *sweep.Result
	ax               tradeoffAxis
	idx              []int // the points drawn
	detReq, batReq   *sweep.Requirement
	detNear, batNear bool // the bound is near enough the data to draw
	div              float64
	unit             string
	xr, yr           valRange
	at               plotter.XYs // the points drawn, in the plot's units
}

func newTradeoff(res *sweep.Result) (*tradeoff, error) {
	if err := checkPoints(res, "tradeoff plot"); err != nil {
		return nil, err
	}
	t := &tradeoff{res: res, ax: tradeoffAxisOf(res), div: 1, unit: "min / day"}
	for i := range res.Points {
		if v, ok := sweep.AxisValue(&res.Points[i], t.ax.metric); ok {
			if err := finite("tradeoff plot: "+t.ax.short+" at "+ivl(res.Points[i].IntervalS), v); err != nil {
				return nil, err
			}
			t.idx = append(t.idx, i)
		}
	}
	if len(t.idx) == 0 {
		return nil, fmt.Errorf("%w: tradeoff plot: no interval saw a break, so there is no detection latency to plot", ErrNothingToPlot)
	}
	for k := range res.Requirements {
		r := &res.Requirements[k]
		if r.Upper && r.Metric == t.ax.metric {
			t.detReq = r
		}
		if r.Upper && r.Metric == sweep.BatteryPctPerDay {
			t.batReq = r
		}
	}
	// The unit follows what is drawn: the data, and the detection bound
	// when it is near enough to show.
	xs := newValRange()
	for _, i := range t.idx {
		v, lo, hi, _ := sweep.AxisEstimate(&res.Points[i], t.ax.metric)
		xs.add(0, v, lo, hi)
	}
	t.detNear = t.detReq != nil && xs.addNear(t.detReq.Bound)
	if t.ax.latency {
		u := unitFor(xs.hi)
		t.div, t.unit = u.div, u.name
	}
	t.xr, t.yr = newValRange(), newValRange()
	for _, i := range t.idx {
		x, lo, hi := t.xOf(i)
		t.xr.add(x, lo, hi)
		b := res.Points[i].Metrics.BatteryPctPerDay
		t.yr.add(b.Mean, b.Lo(), b.Hi())
		t.at = append(t.at, plotter.XY{X: x, Y: b.Mean})
	}
	t.xr.add(0)
	if t.detNear {
		t.xr.add(t.detReq.Bound / t.div)
	}
	t.batNear = t.batReq != nil && t.yr.addNear(t.batReq.Bound)
	return t, nil
}

// xOf is point i's value on the detection axis with its interval, in the
// plot's unit.
func (t *tradeoff) xOf(i int) (x, lo, hi float64) {
	v, l, h, _ := sweep.AxisEstimate(&t.res.Points[i], t.ax.metric)
	return v / t.div, clampBand(l, v) / t.div, clampBand(h, v) / t.div
}

// battery is point i's position: its detection and mean battery use.
func (t *tradeoff) battery(i int) plotter.XY {
	x, _, _ := t.xOf(i)
	return plotter.XY{X: x, Y: t.res.Points[i].Metrics.BatteryPctPerDay.Mean}
}

// allowed shades the region the requirements allow, under everything.
func (t *tradeoff) allowed(p *plot.Plot) error {
	if t.detReq == nil && t.batReq == nil {
		return nil
	}
	x1, y1 := p.X.Max, p.Y.Max
	if t.detReq != nil && t.detNear {
		x1 = t.detReq.Bound / t.div
	}
	if t.batReq != nil && t.batNear {
		y1 = t.batReq.Bound
	}
	poly, err := plotter.NewPolygon(plotter.XYs{{X: p.X.Min, Y: p.Y.Min}, {X: x1, Y: p.Y.Min}, {X: x1, Y: y1}, {X: p.X.Min, Y: y1}})
	if err != nil {
		return err
	}
	poly.Color = fadeColor(colGreen, 28)
	poly.LineStyle = draw.LineStyle{Color: fadeColor(colGreen, 160), Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
	p.Add(poly)
	p.Legend.Add("allowed by "+reqNames(t.detReq, t.batReq), poly)
	return nil
}

// path follows the intervals in order.
func (t *tradeoff) path(p *plot.Plot) error {
	pl, err := plotter.NewLine(t.at)
	if err != nil {
		return err
	}
	pl.LineStyle = draw.LineStyle{Color: fadeColor(colGrey, 110), Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(2), vg.Points(2)}}
	p.Add(pl)
	p.Legend.Add("intervals in order", pl)
	return nil
}

// front draws the Pareto front.
func (t *tradeoff) front(p *plot.Plot) error {
	if len(t.res.Pareto) == 0 {
		return nil
	}
	fl, err := plotter.NewLine(t.frontLine())
	if err != nil {
		return err
	}
	fl.LineStyle = draw.LineStyle{Color: colOrange, Width: vg.Points(2.2)}
	p.Add(fl)
	p.Legend.Add("Pareto front", fl)
	return nil
}

// frontLine is the Pareto front's points in order along the detection axis.
func (t *tradeoff) frontLine() plotter.XYs {
	var front plotter.XYs
	for _, i := range t.res.Pareto {
		front = append(front, t.battery(i))
	}
	sort.SliceStable(front, func(a, b int) bool {
		if front[a].X != front[b].X {
			return front[a].X < front[b].X
		}
		return front[a].Y > front[b].Y
	})
	return front
}

// errorBars draws each point's 95% intervals both ways.
func (t *tradeoff) errorBars(p *plot.Plot) error {
	var xerr, yerr plotter.Errors
	for k, i := range t.idx {
		_, lo, hi := t.xOf(i)
		b, x := t.res.Points[i].Metrics.BatteryPctPerDay, t.at[k].X
		xerr = append(xerr, struct{ Low, High float64 }{x - lo, hi - x})
		yerr = append(yerr, struct{ Low, High float64 }{b.Mean - b.Lo(), b.Hi() - b.Mean})
	}
	ebx, err := plotter.NewXErrorBars(struct {
		plotter.XYs
		plotter.XErrors
	}{t.at, plotter.XErrors(xerr)})
	if err != nil {
		return err
	}
	eby, err := plotter.NewYErrorBars(struct {
		plotter.XYs
		plotter.YErrors
	}{t.at, plotter.YErrors(yerr)})
	if err != nil {
		return err
	}
	ebx.LineStyle.Color, eby.LineStyle.Color = colGrey, colGrey
	ebx.CapWidth, eby.CapWidth = vg.Points(4), vg.Points(4)
	p.Add(ebx, eby)
	return nil
}

// points marks the intervals: filled where every requirement holds, a cross
// where one does not.
func (t *tradeoff) points(p *plot.Plot) error {
	var okPts, badPts plotter.XYs
	for k, i := range t.idx {
		if t.res.Points[i].Qualifies {
			okPts = append(okPts, t.at[k])
		} else {
			badPts = append(badPts, t.at[k])
		}
	}
	if err := addScatter(p, okPts, draw.GlyphStyle{Color: colBlue, Radius: vg.Points(3.5), Shape: draw.CircleGlyph{}},
		"meets every requirement"); err != nil {
		return err
	}
	return addScatter(p, badPts, draw.GlyphStyle{Color: colVerm, Radius: vg.Points(4.5), Shape: draw.CrossGlyph{}},
		"fails "+failing(t.res, t.idx))
}

// recommended marks the recommendation with a star of its own, drawn
// over its point (a qualifying point: never a cross).
func (t *tradeoff) recommended(p *plot.Plot) error {
	r := t.res.Recommendation.Index
	if r < 0 || !contains(t.idx, r) {
		return nil
	}
	return addScatter(p, plotter.XYs{t.battery(r)}, draw.GlyphStyle{Color: colGreenDark, Radius: vg.Points(7.5), Shape: starGlyph{}},
		"recommended "+ivl(t.res.Points[r].IntervalS))
}

// flatNote says so when the detection axis hardly varies.
func (t *tradeoff) flatNote(p *plot.Plot) error {
	if t.xr.hi-t.xr.lo < 1e-9 || (t.xr.hi > 0 && spread(t.res, t.idx, t.ax.metric) < 0.01) {
		return plotNote(p, p.X.Min, p.Y.Min+(p.Y.Max-p.Y.Min)*0.015, "  "+t.ax.short+" is about the same at every interval: no detection metric varies across this sweep.",
			colGrey, draw.XLeft, draw.YBottom)
	}
	return nil
}

// addScatter adds pts in style with a legend entry, if there are any.
func addScatter(p *plot.Plot, pts plotter.XYs, style draw.GlyphStyle, legend string) error {
	if len(pts) == 0 {
		return nil
	}
	s, err := plotter.NewScatter(pts)
	if err != nil {
		return err
	}
	s.GlyphStyle = style
	p.Add(s)
	p.Legend.Add(legend, s)
	return nil
}

func reqNames(rs ...*sweep.Requirement) string {
	var s []string
	for _, r := range rs {
		if r != nil {
			s = append(s, requirementText(*r, opSymbol(*r)))
		}
	}
	if len(s) == 2 {
		return s[0] + " and " + s[1]
	}
	return s[0]
}

// pointLabels names the points by their interval, in labelOrder, each
// where it overlaps no other label, point, error bar or the legend (a
// labelLayer, placed when the plot is drawn); a label with no room is left
// out. Clamped intervals are named by their group ("1m–10m all run at
// 10m"). It is added last, when the legend is complete.
func (t *tradeoff) pointLabels(p *plot.Plot) *labelLayer {
	l := &labelLayer{legend: p.Legend, lines: []plotter.XYs{t.frontLine()}}
	groups := clampGroups(t.res)
	for _, k := range labelOrder(t.res, t.idx) {
		i := t.idx[k]
		x, lo, hi := t.xOf(i)
		b := t.res.Points[i].Metrics.BatteryPctPerDay
		it := pointLabel{x: x, y: b.Mean, xlo: lo, xhi: hi, ylo: b.Lo(), yhi: b.Hi(), text: ivl(t.res.Points[i].IntervalS)}
		if g, clamped := groups[i]; clamped {
			it.text, it.mark = g, g == ""
		}
		if i == t.res.Recommendation.Index {
			it.text += " recommended"
			it.bold, it.color = true, colGreenDark
		}
		l.items = append(l.items, it)
	}
	p.Add(l)
	return l
}

// labelOrder is the order labels are placed in: the recommendation, the
// shortest and longest intervals, the Pareto front, the intervals run as
// given, the clamped ones.
func labelOrder(res *sweep.Result, idx []int) []int {
	order := make([]int, len(idx))
	for k := range order {
		order[k] = k
	}
	rank := func(k int) int {
		i := idx[k]
		switch {
		case i == res.Recommendation.Index:
			return 0
		case k == 0 || k == len(idx)-1:
			return 1
		case contains(res.Pareto, i):
			return 2
		case res.Points[i].IntervalS == res.Points[i].EffectiveIntervalS:
			return 3
		}
		return 4
	}
	sort.SliceStable(order, func(a, b int) bool { return rank(order[a]) < rank(order[b]) })
	return order
}

// clampGroups maps every point of a clamped group (intervals the platform
// runs at the same effective interval, at least one of them clamped) to the
// group's label on its representative ("1m–10m all run at 10m") and to ""
// on the others.
func clampGroups(res *sweep.Result) map[int]string {
	out := map[int]string{}
	for i := 0; i < len(res.Points); {
		j := i
		clamped := false
		for j < len(res.Points) && res.Points[j].EffectiveIntervalS == res.Points[i].EffectiveIntervalS {
			clamped = clamped || res.Points[j].IntervalS != res.Points[j].EffectiveIntervalS
			j++
		}
		if clamped && j-i > 1 {
			rep := j - 1
			for k := i; k < j; k++ {
				out[k] = ""
				if res.Points[k].IntervalS == res.Points[k].EffectiveIntervalS {
					rep = k
				}
			}
			out[rep] = fmt.Sprintf("%s–%s all run at %s", ivl(res.Points[i].IntervalS), ivl(res.Points[j-1].IntervalS), ivl(res.Points[i].EffectiveIntervalS))
		}
		i = j
	}
	return out
}

func contains(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

// failing names the requirements that fail at any of the points idx.
func failing(res *sweep.Result, idx []int) string {
	var names []string
	for k, r := range res.Requirements {
		for _, i := range idx {
			if !res.Points[i].Checks[k].Holds {
				names = append(names, r.Metric+" "+opSymbol(r)+" "+boundText(r))
				break
			}
		}
	}
	if len(names) == 0 {
		return "a requirement"
	}
	return strings.Join(names, " or ")
}

// spread is the relative range of p95 client detection over the points idx.
func spread(res *sweep.Result, idx []int, metric string) float64 {
	r := newValRange()
	for _, i := range idx {
		v, _ := sweep.AxisValue(&res.Points[i], metric)
		r.add(v)
	}
	if r.hi <= 0 {
		return 0
	}
	return (r.hi - r.lo) / r.hi
}

// tradeoffAxis describes the detection metric tradeoff.png is drawn against.
type tradeoffAxis struct {
	metric  string
	latency bool   // a p95 in seconds, drawn in a time unit; else minutes a day
	label   string // the axis title, before its unit
	short   string // the metric in a few words
}

// tradeoffAxisOf is res.Axis described (p95 client detection when unset).
func tradeoffAxisOf(res *sweep.Result) tradeoffAxis {
	switch res.Axis {
	case sweep.DetectServerP95:
		return tradeoffAxis{res.Axis, true, "p95 time for the server to detect a break", "p95 server detection"}
	case sweep.UnnoticedMinPerDay:
		return tradeoffAxis{res.Axis, false, "time the client holds a dead connection unnoticed", "unnoticed time"}
	}
	return tradeoffAxis{sweep.DetectClientP95, true, "p95 time for the client to detect a break", "p95 client detection"}
}

// tradeoffAlt names the axes of tradeoff.png for the report.
func tradeoffAlt(res *sweep.Result) string {
	return "battery against " + tradeoffAxisOf(res).short
}

// tradeoffCaption says what tradeoff.png shows.
func tradeoffCaption(res *sweep.Result) string {
	return "Battery use against " + tradeoffAxisOf(res).label + ", the detection metric that binds the recommendation (or, when none does, the one that varies most across the sweep), one point per interval with 95% error bars both ways. The dotted line follows the intervals in order, the orange line is the Pareto front (no other interval is better on both), the green region is what the requirements on these two axes allow (others are marked by the point's symbol), the green star is the recommendation."
}

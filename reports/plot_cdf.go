package reports

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"pingtune/internal/durfmt"
	"pingtune/stats"
	"pingtune/sweep"
)

// cdfPoints caps the steps drawn per curve.
const cdfPoints = 800

// detectCDFPlot draws the distribution of client detection latencies (all
// breaks of all replications pooled) for a few intervals spread over the
// sweep, the recommended one and the next longer one. Breaks still undetected
// at the end count in the total, so such a curve stops short of 1. The
// p95 line and the requirement bound are marked.
func detectCDFPlot(res *sweep.Result, size [2]vg.Length, format string) ([]byte, error) {
	if err := checkPoints(res, "detection CDF plot"); err != nil {
		return nil, err
	}
	picks := cdfPicks(res)
	if len(picks) == 0 {
		return nil, fmt.Errorf("%w: detection CDF plot: no interval saw a break", ErrNothingToPlot)
	}
	u, xmax, err := cdfScale(res, picks)
	if err != nil {
		return nil, err
	}
	p := newPlot(fmt.Sprintf("%s: time for the client to detect a break (%d replications × %s, all breaks pooled)\n%s",
		res.Scenario, res.Replications, ivl(res.HorizonS), cdfWhy(res, picks)),
		fmt.Sprintf("time from the break until the client knows (%s; axis cut at the largest p99)", u.name), "fraction of breaks detected")
	p.X.Min, p.X.Max = -xmax*0.02, xmax
	// The legend goes under the zero line, where no curve runs: one line
	// of about 12 pt per curve and its frame, in a data area of about
	// 380 pt (6.5 in less the titles and the axis).
	f := (12*float64(len(picks)) + 16) / 380
	p.Y.Min, p.Y.Max = -f*1.02/(1-f), 1.02
	p.Y.Tick.Marker = fractionTicks{}
	if err := flatLine(p, 0.95, "p95", colGrey); err != nil {
		return nil, err
	}
	if err := cdfBound(p, boundOf(res, sweep.DetectClientP95), u); err != nil {
		return nil, err
	}
	for k, i := range picks {
		if err := cdfCurve(p, res, i, okabe[k%len(okabe)], u, xmax); err != nil {
			return nil, err
		}
	}
	p.Legend.Top = false
	return renderPlot(p, size[0], size[1], format)
}

// cdfScale checks the picked samples and chooses the unit and the axis's
// end: the largest p99, or the requirement's bound if that is further.
func cdfScale(res *sweep.Result, picks []int) (timeUnit, float64, error) {
	maxS := 0.0
	for _, i := range picks {
		p := &res.Points[i]
		if p.ClientDetect == nil || p.ClientDetect.N() == 0 {
			return timeUnit{}, 0, fmt.Errorf("%w: detection CDF plot: the samples of %s are missing", ErrPlotData, ivl(p.IntervalS))
		}
		q, _ := stats.HistQuantileCensored(0.99, p.ClientDetect, 0)
		maxS = math.Max(maxS, q)
	}
	maxS = math.Max(maxS, boundOf(res, sweep.DetectClientP95))
	if maxS == 0 {
		maxS = 1
	}
	u := unitFor(maxS)
	return u, maxS * 1.08 / u.div, nil
}

// cdfBound marks the requirement's bound on the client's p95, if any.
func cdfBound(p *plot.Plot, bound float64, u timeUnit) error {
	if bound <= 0 {
		return nil
	}
	l, err := plotter.NewLine(plotter.XYs{{X: bound / u.div, Y: 0}, {X: bound / u.div, Y: 1.02}})
	if err != nil {
		return err
	}
	l.LineStyle = draw.LineStyle{Color: colVerm, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(6), vg.Points(3)}}
	p.Add(l)
	return plotNote(p, bound/u.div, 0.5, " required p95 ≤ "+sweep.FormatBound(sweep.DetectClientP95, bound), colVerm, draw.XLeft, draw.YBottom)
}

// cdfCurve draws point i's detection CDF as steps (at most cdfPoints),
// the recommended one thick, named by its interval, p95 and sample size.
func cdfCurve(p *plot.Plot, res *sweep.Result, i int, col color.Color, u timeUnit, xmax float64) error {
	pt := &res.Points[i]
	steps := pt.ClientDetect.CDF() // within hist.RelativeError of the samples
	n := pt.ClientDetect.N()
	total := float64(n + pt.Metrics.DetectClientS.Censored)
	stride := max(1, len(steps)/cdfPoints)
	xys := plotter.XYs{{X: 0, Y: 0}}
	for j := 0; j < len(steps); j += stride {
		xys = append(xys, plotter.XY{X: math.Min(steps[j].Value/1e9/u.div, xmax), Y: float64(steps[j].Count) / total})
	}
	last := steps[len(steps)-1]
	xys = append(xys, plotter.XY{X: math.Min(last.Value/1e9/u.div, xmax), Y: float64(last.Count) / total}, plotter.XY{X: xmax, Y: float64(last.Count) / total})
	l, err := plotter.NewLine(xys)
	if err != nil {
		return err
	}
	l.StepStyle = plotter.PostStep
	l.LineStyle = draw.LineStyle{Color: col, Width: vg.Points(1.6)}
	name := ivl(pt.IntervalS)
	if pt.IntervalS != pt.EffectiveIntervalS {
		name += " (runs at " + ivl(pt.EffectiveIntervalS) + ")"
	}
	switch i {
	case res.Recommendation.Index:
		name += " recommended"
		l.LineStyle.Width = vg.Points(3)
	case res.Recommendation.Next:
		name += " (next longer)"
	}
	name += fmt.Sprintf(": p95 %s, n=%d", durfmt.Human(pt.Metrics.DetectClientS.P95), n)
	if c := pt.Metrics.DetectClientS.Censored; c > 0 {
		name += fmt.Sprintf(", %d undetected at the end", c)
	}
	p.Add(l)
	p.Legend.Add(name, l)
	return nil
}

// cdfPicks chooses up to five intervals the platform really runs differently,
// spread over the sweep, plus the recommended one and the next longer one.
func cdfPicks(res *sweep.Result) []int {
	var distinct []int
	for i := range res.Points {
		p := &res.Points[i]
		if p.Metrics.DetectClientS.N == 0 {
			continue
		}
		if n := len(distinct); n > 0 && res.Points[distinct[n-1]].EffectiveIntervalS == p.EffectiveIntervalS {
			if p.IntervalS == p.EffectiveIntervalS {
				distinct[n-1] = i // the nominal that says what runs
			}
			continue
		}
		distinct = append(distinct, i)
	}
	want := map[int]bool{}
	if n := len(distinct); n <= 5 {
		for _, i := range distinct {
			want[i] = true
		}
	} else {
		for k := range 5 {
			want[distinct[k*(n-1)/4]] = true
		}
	}
	for _, i := range []int{res.Recommendation.Index, res.Recommendation.Next} {
		if i >= 0 && res.Points[i].Metrics.DetectClientS.N > 0 {
			want[i] = true
		}
	}
	var out []int
	for i := range res.Points {
		if want[i] {
			out = append(out, i)
		}
	}
	return out
}

// cdfWhy says which intervals detect-cdf.png shows and why: a few spread
// evenly over the distinct intervals the platform runs, and the
// recommendation with the next longer interval, the choice it was made
// against.
func cdfWhy(res *sweep.Result, picks []int) string {
	var spread []string
	for _, i := range picks {
		if i != res.Recommendation.Index && i != res.Recommendation.Next {
			spread = append(spread, ivl(res.Points[i].IntervalS))
		}
	}
	var parts []string
	if len(spread) > 0 {
		parts = append(parts, strings.Join(spread, ", ")+" (evenly spread)")
	}
	if r := res.Recommendation.Index; r >= 0 && contains(picks, r) {
		parts = append(parts, ivl(res.Points[r].IntervalS)+" (recommended, thick)")
	}
	if n := res.Recommendation.Next; n >= 0 && contains(picks, n) {
		parts = append(parts, ivl(res.Points[n].IntervalS)+" (the next longer)")
	}
	return "curves: " + strings.Join(parts, ", ")
}

// flatLine draws a thin horizontal reference line with a label on the right.
func flatLine(p *plot.Plot, y float64, label string, c color.Color) error {
	l, err := plotter.NewLine(plotter.XYs{{X: p.X.Min, Y: y}, {X: p.X.Max, Y: y}})
	if err != nil {
		return err
	}
	l.LineStyle = draw.LineStyle{Color: c, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(3), vg.Points(3)}}
	p.Add(l)
	return plotNote(p, p.X.Max, y, label+" ", c, draw.XRight, draw.YBottom)
}

// fractionTicks are niceTicks from 0 up: the axis below 0 holds the legend.
type fractionTicks struct{}

func (fractionTicks) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for _, t := range (niceTicks{}).Ticks(0, hi) {
		if t.Value >= 0 {
			ts = append(ts, t)
		}
	}
	return ts
}

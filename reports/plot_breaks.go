package reports

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"pingtune/sim"
	"pingtune/sweep"
)

// causeStyle is how a break cause is drawn in breaks.png: the same colour,
// marker and dashes in every sweep, whichever causes occur, each colour of
// the Okabe–Ito palette used once (black is the total's).
type causeStyle struct {
	color color.Color
	glyph draw.GlyphDrawer
}

var causeStyles [sim.NumCauses]causeStyle = [...]causeStyle{
	sim.CauseWifi:            {colBlue, draw.CircleGlyph{}},
	sim.CauseHandover:        {colSky, draw.TriangleGlyph{}},
	sim.CauseNAT:             {colGreen, draw.SquareGlyph{}},
	sim.CauseServerGraceful:  {colOrange, draw.PyramidGlyph{}},
	sim.CauseServerSilent:    {colPurple, draw.CrossGlyph{}},
	sim.CauseKill:            {colVerm, draw.PlusGlyph{}},
	sim.CauseServerIdle:      {colYellow, draw.RingGlyph{}},
	sim.CauseSocketDestroyed: {colGrey, draw.BoxGlyph{}},
}

// breaksPlot draws broken connections per day against the interval on a
// log axis, so that a cause at 0.1 a day reads as well as one at 20: the
// total with its 95% band and one line per cause that occurred, each in a
// colour and marker of its own. A rate of zero has no place on a log axis
// and leaves a gap. Breaks the interval causes (NAT, server idle) rise past
// their timeouts; the others come from the world and should stay flat.
func breaksPlot(res *sweep.Result, size [2]vg.Length, format string) ([]byte, error) {
	if err := checkPoints(res, "breaks plot"); err != nil {
		return nil, err
	}
	n := len(res.Points)
	x := make([]float64, n)
	tot, lo, hi := make([]float64, n), make([]float64, n), make([]float64, n)
	pos := newValRange() // the positive rates: the log axis's range
	for i := range res.Points {
		p := &res.Points[i]
		x[i] = p.IntervalS / 60
		e := p.Metrics.BreaksPerDay
		tot[i], lo[i], hi[i] = e.Mean, e.Lo(), e.Hi()
		addPositive(&pos, e.Mean, e.Hi())
	}
	var curves []curve
	for c := range sim.NumCauses {
		ys := make([]float64, n)
		any := false
		for i := range res.Points {
			ys[i] = perDay(res, &res.Points[i], c)
			addPositive(&pos, ys[i])
			any = any || res.Points[i].Metrics.Breaks.ByCause.Get(c) > 0
		}
		if !any {
			continue
		}
		st := causeStyles[c]
		curves = append(curves, curve{name: c.String(), y: ys, color: st.color, glyph: st.glyph, radius: vg.Points(2.6), dashed: true})
	}
	title := fmt.Sprintf("%s: broken connections per day by cause (%d replications × %s)", res.Scenario, res.Replications, ivl(res.HorizonS))
	p := newPlot(title, "", "breaks per day (log scale)")
	if math.IsInf(pos.lo, 1) { // no break at all: nothing for a log axis
		p.Y.Label.Text = "breaks per day"
		intervalAxis(p, res, -0.02, 1)
	} else {
		// The axis is linear in log10 of the rate (gonum/plot's LogScale
		// misplaces the axis label), labelled in rates. Headroom on top for
		// the legend: 0.45 of the decades shown.
		ylo, yhi := math.Log10(pos.lo/1.6), math.Log10(pos.hi*1.3)
		yhi += 0.45 * (yhi - ylo)
		intervalAxis(p, res, ylo, yhi)
		p.Y.Tick.Marker = logTicks{}
		toLog10(tot, math.Inf(-1))
		toLog10(lo, ylo)
		toLog10(hi, ylo)
		for k := range curves {
			toLog10(curves[k].y, math.Inf(-1))
		}
	}
	if err := backdrop(p, res); err != nil {
		return nil, err
	}
	all := curve{name: "all causes (95% band)", x: x, y: tot, lo: lo, hi: hi, color: colBlack, width: vg.Points(1.4), radius: vg.Points(1.8), bandAlpha: 90}
	if err := all.add(p); err != nil {
		return nil, err
	}
	for _, c := range curves {
		c.x = x
		if err := c.add(p); err != nil {
			return nil, err
		}
	}
	p.Legend.Top, p.Legend.Left = true, false
	p.Legend.YOffs = -vg.Points(12) // under the notes along the top
	return renderPlot(p, size[0], size[1], format)
}

// addPositive widens r to the positive values of vs.
func addPositive(r *valRange, vs ...float64) {
	for _, v := range vs {
		if v > 0 {
			r.add(v)
		}
	}
}

// toLog10 replaces the values by their log10, at least min; a rate of
// zero (min -Inf) becomes NaN, a gap.
func toLog10(ys []float64, min float64) {
	for i, v := range ys {
		l := math.Inf(-1)
		if v > 0 {
			l = math.Log10(v)
		}
		l = math.Max(l, min)
		if math.IsInf(l, -1) {
			l = math.NaN()
		}
		ys[i] = l
	}
}

// logTicks labels an axis of log10 values in the values: at 1, 2 and 5
// times the powers of ten (only the powers when the axis spans more than
// three decades), with minor ticks at the other whole multiples.
type logTicks struct{}

func (logTicks) Ticks(llo, lhi float64) []plot.Tick {
	if !(lhi > llo) {
		return nil
	}
	lo, hi := math.Pow(10, llo), math.Pow(10, lhi)
	labelled := map[int]bool{1: true, 2: true, 5: true}
	if math.Log10(hi/lo) > 3 {
		labelled = map[int]bool{1: true}
	}
	var ts []plot.Tick
	for e := math.Floor(math.Log10(lo)); math.Pow(10, e) <= hi; e++ {
		for m := 1; m <= 9; m++ {
			v := float64(m) * math.Pow(10, e)
			if v < lo || v > hi {
				continue
			}
			t := plot.Tick{Value: math.Log10(v)}
			if labelled[m] {
				t.Label = strconv.FormatFloat(v, 'f', -1, 64)
			}
			ts = append(ts, t)
		}
	}
	return ts
}

package reports

import (
	"fmt"

	"gonum.org/v1/plot/vg"

	"pingtune/sim"
	"pingtune/sweep"
)

// breaksPlot draws broken connections per day against the interval: the
// total with its 95% band and one line per cause that occurred. Breaks the
// interval causes (NAT, server idle) rise past their timeouts; the others
// come from the world and should stay flat.
func breaksPlot(res *sweep.Result, size [2]vg.Length, format string) ([]byte, error) {
	if err := checkPoints(res, "breaks plot"); err != nil {
		return nil, err
	}
	n := len(res.Points)
	x := make([]float64, n)
	tot, lo, hi := make([]float64, n), make([]float64, n), make([]float64, n)
	r := newValRange()
	for i := range res.Points {
		p := &res.Points[i]
		x[i] = p.IntervalS / 60
		e := p.Metrics.BreaksPerDay
		tot[i], lo[i], hi[i] = e.Mean, e.Lo(), e.Hi()
		r.add(e.Mean, e.Lo(), e.Hi())
	}
	var curves []curve
	k := 1
	for c := range sim.NumCauses {
		ys := make([]float64, n)
		any := false
		for i := range res.Points {
			ys[i] = perDay(res, &res.Points[i], c)
			any = any || res.Points[i].Metrics.Breaks.ByCause.Get(c) > 0
		}
		if !any {
			continue
		}
		curves = append(curves, curve{name: c.String(), y: ys, color: okabe[k%len(okabe)], dashed: true, noDot: true})
		k++
	}
	p := newPlot(fmt.Sprintf("%s: broken connections per day by cause (%d replications × %s)", res.Scenario, res.Replications, ivl(res.HorizonS)),
		"", "breaks per day")
	ylo, yhi := r.headroom(true)
	intervalAxis(p, res, ylo, yhi)
	if err := backdrop(p, res); err != nil {
		return nil, err
	}
	all := curve{name: "all causes (95% band)", x: x, y: tot, lo: lo, hi: hi, color: colBlue}
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
	p.Legend.XOffs = -vg.Points(4)
	p.Legend.YOffs = -vg.Points(14)
	return renderPlot(p, size[0], size[1], format)
}

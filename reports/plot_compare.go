package reports

import (
	"fmt"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"pingtune/compare"
)

// comparePlotSize is compare.png's width and height.
var comparePlotSize = [2]vg.Length{9 * vg.Inch, 6.5 * vg.Inch}

// comparePlot draws battery against unnoticed minutes a day, one point per
// scenario with its 95% intervals as bars both ways: lower left is better.
func comparePlot(res *compare.Result, size [2]vg.Length, format string) ([]byte, error) {
	p := newPlot(fmt.Sprintf("%d scenarios on the same %d replications", len(res.Scenarios), res.Replications),
		"battery % / day", "dead but unnoticed, min / day")
	xr, yr := newValRange(), newValRange()
	for i, s := range res.Scenarios {
		m := &s.Point.Metrics
		b, u := m.BatteryPctPerDay, m.UnnoticedMinPerDay
		if err := finite(s.Name, b.Mean, b.Lo(), b.Hi(), u.Mean, u.Lo(), u.Hi()); err != nil {
			return nil, err
		}
		xr.add(b.Lo(), b.Hi())
		yr.add(u.Lo(), u.Hi())
		col := okabe[i%len(okabe)]
		pt := plotter.XYs{{X: b.Mean, Y: u.Mean}}
		sc, err := plotter.NewScatter(pt)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
		xe, err := plotter.NewXErrorBars(struct {
			plotter.XYs
			plotter.XErrors
		}{pt, plotter.XErrors{{Low: b.Mean - b.Lo(), High: b.Hi() - b.Mean}}})
		if err != nil {
			return nil, err
		}
		ye, err := plotter.NewYErrorBars(struct {
			plotter.XYs
			plotter.YErrors
		}{pt, plotter.YErrors{{Low: u.Mean - u.Lo(), High: u.Hi() - u.Mean}}})
		if err != nil {
			return nil, err
		}
		xe.LineStyle.Color, ye.LineStyle.Color = col, col
		p.Add(xe, ye, sc)
		p.Legend.Add(s.Name, sc)
		if err := plotNote(p, b.Mean, u.Mean, "  "+s.Name, col, draw.XLeft, draw.YBottom); err != nil {
			return nil, err
		}
	}
	p.X.Min, p.X.Max = xr.padded(0.15)
	p.Y.Min, p.Y.Max = yr.padded(0.15)
	p.Legend.Top = true
	return renderPlot(p, size[0], size[1], format)
}

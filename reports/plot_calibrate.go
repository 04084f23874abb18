package reports

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// calibrationWidth and calibrationHeight are the size of the calibrate plot.
const calibrationWidth, calibrationHeight = 8 * vg.Inch, 5.5 * vg.Inch

// Calibration is what `pingtune calibrate -o` draws: measured extra current
// against the keepalive interval, and the fitted radio's curve.
type Calibration struct {
	Title     string
	IntervalS []float64 // measured intervals, seconds
	MeasuredA []float64 // measured extra current, mA
	Label     string    // the fitted radio, for the legend
	// Fitted is the fitted radio's extra current in mA at an interval in
	// seconds (NaN where the radio cannot keep up).
	Fitted func(intervalS float64) float64
}

// CalibrationPlot draws c with a logarithmic interval axis, from half the
// shortest measured interval to twice the longest.
func CalibrationPlot(c Calibration, format string) ([]byte, error) {
	if len(c.IntervalS) != len(c.MeasuredA) {
		return nil, fmt.Errorf("%w: calibration plot: %d intervals, %d currents", ErrPlotData, len(c.IntervalS), len(c.MeasuredA))
	}
	if err := finite("calibration plot: intervals", c.IntervalS...); err != nil {
		return nil, err
	}
	if err := finite("calibration plot: currents", c.MeasuredA...); err != nil {
		return nil, err
	}
	lo, hi := math.Inf(1), 0.0
	pts := make(plotter.XYs, len(c.IntervalS))
	for i, x := range c.IntervalS {
		if !(x > 0) {
			return nil, fmt.Errorf("%w: calibration plot: interval %gs is not positive", ErrPlotData, x)
		}
		lo, hi = min(lo, x), max(hi, x)
		pts[i] = plotter.XY{X: x, Y: c.MeasuredA[i]}
	}
	lo, hi = lo/2, hi*2
	const n = 200
	var curve plotter.XYs
	for i := range n + 1 {
		x := lo * math.Pow(hi/lo, float64(i)/n)
		if y := c.Fitted(x); !math.IsNaN(y) && !math.IsInf(y, 0) {
			curve = append(curve, plotter.XY{X: x, Y: y})
		}
	}
	if len(curve) < 2 {
		return nil, fmt.Errorf("%w: calibration plot: the fitted curve has no points", ErrPlotData)
	}

	p := newPlot(c.Title, "keepalive interval (log scale)", "current above idle, mA")
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = durationTicks{}
	p.X.Min, p.X.Max = lo, hi
	p.Y.Min = 0
	line, err := plotter.NewLine(curve)
	if err != nil {
		return nil, err
	}
	line.Color, line.Width = colBlue, vg.Points(2)
	sc, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, err
	}
	sc.Shape, sc.Color, sc.Radius = draw.CircleGlyph{}, colVerm, vg.Points(4.5)
	p.Add(line, sc)
	p.Legend.Add(c.Label, line)
	p.Legend.Add("measured", sc)
	p.Legend.Top = true
	return renderPlot(p, calibrationWidth, calibrationHeight, format)
}

// durationTicks labels a logarithmic seconds axis at round durations.
type durationTicks struct{}

func (durationTicks) Ticks(lo, hi float64) []plot.Tick {
	steps := []float64{1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 21600, 43200, 86400}
	var ticks []plot.Tick
	for _, s := range steps {
		if s >= lo && s <= hi {
			ticks = append(ticks, plot.Tick{Value: s, Label: ivl(s)})
		}
	}
	if len(ticks) < 2 {
		return plot.LogTicks{Prec: -1}.Ticks(lo, hi)
	}
	return ticks
}

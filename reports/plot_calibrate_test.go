package reports

import (
	"errors"
	"math"
	"testing"
)

// The calibration plot draws good data and refuses what it cannot show.
func TestCalibrationPlot(t *testing.T) {
	good := Calibration{Title: "t", Label: "fitted", IntervalS: []float64{20, 40, 150, 300}, MeasuredA: []float64{27.9, 17.9, 9.9, 7.9},
		Fitted: func(s float64) float64 { return 6.7 + 432/s }}
	png, err := CalibrationPlot(good, "png")
	if err != nil || len(png) < 10_000 {
		t.Fatalf("%d bytes, %v", len(png), err)
	}
	for name, c := range map[string]Calibration{
		"NaN current":   {IntervalS: []float64{20, 40}, MeasuredA: []float64{1, math.NaN()}, Fitted: good.Fitted},
		"no points":     {Fitted: good.Fitted},
		"lengths":       {IntervalS: []float64{20, 40}, MeasuredA: []float64{1}, Fitted: good.Fitted},
		"zero interval": {IntervalS: []float64{0, 40}, MeasuredA: []float64{1, 2}, Fitted: good.Fitted},
		"no curve":      {IntervalS: []float64{20, 40}, MeasuredA: []float64{1, 2}, Fitted: func(float64) float64 { return math.NaN() }},
	} {
		if _, err := CalibrationPlot(c, "png"); !errors.Is(err, ErrPlotData) {
			t.Errorf("%s: err %v, want ErrPlotData", name, err)
		}
	}
}

package calibrate

import (
	"math"
	"strings"
	"testing"
	"time"

	"pingtune/scenarios"
)

// haverinen is Haverinen et al.'s 3G table (VTC-Spring 2007): average current
// with a keepalive every T, minus the 6.1 mA without keepalives.
const haverinen = `interval,extra_ma
20s,27.9
40s,17.9
150s,9.9
300s,7.9
`

func haverinenPoints(t *testing.T) []Point {
	t.Helper()
	pts, err := ReadCSV("haverinen.csv", strings.NewReader(haverinen))
	if err != nil {
		t.Fatal(err)
	}
	return pts
}

// Fitting the 3g preset to Haverinen's table reaches every point within 10%,
// keeps the stages in decreasing power, and leaves alone what keepalives
// never use.
func TestFitHaverinenFrom3G(t *testing.T) {
	start, _ := scenarios.RadioPreset("3g")
	fit, err := FitRadio(start, haverinenPoints(t), 3.7)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range fit.Rows {
		if math.Abs(r.Err()) > 0.10 {
			t.Errorf("every %v: fitted %.2f mA, measured %.1f (%+.1f%%)", r.Interval, r.FittedMA, r.MeasuredMA, 100*r.Err())
		}
	}
	fr := fit.Radio
	rig(t, fr, time.Minute, time.Hour) // validates it
	prev := fr.ActivePower
	for i, st := range fr.Tail {
		if st.Power > prev {
			t.Errorf("tail[%d] draws %g W, more than the state before it (%g W)", i, st.Power, prev)
		}
		prev = st.Power
	}
	if fr.Promotion != start.Promotion || fr.ActivePower != start.ActivePower || fr.Tail[0] != start.Tail[0] {
		t.Errorf("the dedicated channel moved (%v, %g W, %+v); keepalives never use it", fr.Promotion, fr.ActivePower, fr.Tail[0])
	}
	if fr.Name != "3g-calibrated" {
		t.Errorf("name %q", fr.Name)
	}
}

// Fitting recovers a radio from its own curve: measurements made by the
// model of a known radio are fitted back within a fraction of a percent.
func TestFitRecoversItsOwnCurve(t *testing.T) {
	truth, _ := scenarios.RadioPreset("3g")
	truth.Tail[1].For = 4500 * time.Millisecond
	truth.Tail[2].Power = 0.018
	var pts []Point
	for _, T := range []time.Duration{15 * time.Second, 30 * time.Second, time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute} {
		pts = append(pts, Point{Interval: T, ExtraMA: ExtraPower(&truth, T) / 3.8 * 1000})
	}
	start, _ := scenarios.RadioPreset("3g")
	fit, err := FitRadio(start, pts, 3.8)
	if err != nil {
		t.Fatal(err)
	}
	if w := fit.Worst(); math.Abs(w.Err()) > 0.005 {
		t.Errorf("worst error %+.2f%% at %v, want the curve back within 0.5%%", 100*w.Err(), w.Interval)
	}
}

// The fitted radio, simulated in the rig, draws the currents the fit reports.
func TestFittedRadioSimulatesToTheFittedCurrents(t *testing.T) {
	start, _ := scenarios.RadioPreset("3g")
	fit, err := FitRadio(start, haverinenPoints(t), 3.7)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range fit.Rows {
		got := simulatedPower(t, fit.Radio, r.Interval) / 3.7 * 1000
		if math.Abs(got-r.FittedMA) > 1e-6*r.FittedMA {
			t.Errorf("every %v: simulated %.6f mA, the fit says %.6f", r.Interval, got, r.FittedMA)
		}
	}
}

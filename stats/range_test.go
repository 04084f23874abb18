package stats

import (
	"math"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// TestConfidenceIntervalsAreClippedToTheMetricsRange: a Student-t interval
// is symmetric about the mean, so near an end of the metric's range it
// reached past it (availability 100.148%, negative minutes). Summarize clips
// each to the range its metric can take, and leaves the means alone.
func TestConfidenceIntervalsAreClippedToTheMetricsRange(t *testing.T) {
	// Within: the mean of {1, 1, 1, 0.9} is 0.975 with sd 0.05; t(0.975, 3)
	// = 3.182446305 gives a half-width of 0.0795612, past 1 on the right.
	e := MeanCI([]float64{1, 1, 1, 0.9}).Within(0, 1)
	half := 3.182446305284263 * 0.05 / 2
	if e.Mean != 0.975 || math.Abs(e.Lo()-(0.975-half)) > 1e-12 || e.Hi() != 1 {
		t.Errorf("availability %v, want mean 0.975, [%g, 1]", e, 0.975-half)
	}
	if e := MeanCI(nil).Within(0, 1); !math.IsNaN(e.Lo()) || !math.IsNaN(e.Hi()) {
		t.Errorf("no data: %v, want NaN bounds", e)
	}

	// Summarize: three clean replications and one with a 2h break the
	// client did not notice for the rest of the day.
	cfg := testcfg.Classic()
	cfg.Horizon = 24 * time.Hour
	day := cfg.Horizon
	results := make([]sim.Result, 4)
	for i := range results {
		results[i] = sim.Result{Rep: i, Horizon: day, UpTime: day}
	}
	results[3].UpTime, results[3].BrokenTime = day-2*time.Hour, 2*time.Hour
	results[3].Breaks = []sim.Break{{Cause: sim.CauseWifi, At: 22 * time.Hour, Client: sim.Unresolved, Server: sim.Unresolved, Recover: sim.Unresolved}}
	m := Summarize(&cfg, results).Metrics
	for _, c := range []struct {
		name   string
		e      Estimate
		lo, hi float64
		mean   float64
	}{
		{"availability", m.Availability, 0, 1, 1 - 2.0/24/4},
		{"unnoticed minutes a day", m.UnnoticedMinPerDay, 0, 24 * 60, 120.0 / 4},
		{"breaks a day", m.BreaksPerDay, 0, math.Inf(1), 0.25},
	} {
		if c.e.Lo() < c.lo || c.e.Hi() > c.hi {
			t.Errorf("%s: interval %v outside [%g, %g]", c.name, c.e.CI95, c.lo, c.hi)
		}
		if c.e.Lo() != c.lo && c.e.Hi() != c.hi {
			t.Errorf("%s: interval %v not clipped: the case no longer tests it", c.name, c.e.CI95)
		}
		if math.Abs(c.e.Mean-c.mean) > 1e-9 {
			t.Errorf("%s: mean %g, want %g", c.name, c.e.Mean, c.mean)
		}
	}
}

package stats

import (
	"math"
	"testing"
	"time"

	"pingtune/sim"
)

// TestIntervalOverTime: a replication of 10 h at 5 min for 2 h, 10 min for
// 7 h and 20 min for the last hour has a time-weighted mean of
// (5·2 + 10·7 + 20·1)/10 = 10 min, a 5th percentile of 5 min (the first 20%
// of the time) and a 95th of 20 min (the last 10%).
func TestIntervalOverTime(t *testing.T) {
	r := sim.Result{Horizon: 10 * time.Hour, SettledAt: 9 * time.Hour, Intervals: []sim.IntervalSpan{
		{Interval: 5 * time.Minute}, {Interval: 10 * time.Minute, From: 2 * time.Hour}, {Interval: 20 * time.Minute, From: 9 * time.Hour}}}
	if got := IntervalMean(&r); got != 10*time.Minute {
		t.Errorf("mean %v", got)
	}
	if got := IntervalQuantile(&r, 0.05); got != 5*time.Minute {
		t.Errorf("p5 %v", got)
	}
	if got := IntervalQuantile(&r, 0.5); got != 10*time.Minute {
		t.Errorf("p50 %v", got)
	}
	if got := IntervalQuantile(&r, 0.95); got != 20*time.Minute {
		t.Errorf("p95 %v", got)
	}
	r.SettledAt = sim.Unresolved
	if got := SettleTime(&r); got != r.Horizon {
		t.Errorf("an unsettled replication settles at %v, want the horizon", got)
	}
}

// TestWorstDecile: the mean of the top ⌈n/10⌉ values.
func TestWorstDecile(t *testing.T) {
	xs := make([]float64, 20)
	for i := range xs {
		xs[i] = float64(i)
	}
	if got := WorstDecile(xs); got != 18.5 {
		t.Errorf("20 values 0..19: %v, want (18+19)/2", got)
	}
	if got := WorstDecile([]float64{3, 1, 2}); got != 3 {
		t.Errorf("3 values: %v, want the largest", got)
	}
	if !math.IsNaN(WorstDecile(nil)) {
		t.Error("no values should give NaN")
	}
}

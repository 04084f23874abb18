package stats

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// TestColumnsMatchSummarize: each per-replication column has, as its mean,
// the mean results.json gives under the same key, so a paired comparison
// subtracts the very numbers run reports.
func TestColumnsMatchSummarize(t *testing.T) {
	cfg := testcfg.Classic()
	cfg.Horizon = 2 * 24 * time.Hour
	cfg.App.Policy = sim.Policy{Kind: sim.PolicyAdaptive, Adaptive: sim.MarsAdaptive()}
	results := make([]sim.Result, 4)
	for rep := range results {
		r, err := sim.Run(&cfg, rep, sim.Options{})
		if err != nil {
			t.Fatal(err)
		}
		results[rep] = r
	}
	p := Summarize(&cfg, results)
	data, err := json.Marshal(p.Metrics)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, c := range Columns(&cfg, results) {
		raw, ok := m[c.Key]
		if !ok {
			t.Errorf("%s: not in results.json", c.Key)
			continue
		}
		var e Estimate
		if err := json.Unmarshal(raw, &e); err != nil {
			t.Fatalf("%s: %v", c.Key, err)
		}
		if got := MeanCI(c.Values).Mean; got != e.Mean {
			t.Errorf("%s: column mean %v, results.json %v", c.Key, got, e.Mean)
		}
	}
}

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

package stats

import (
	"math"
	"reflect"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
	"pingtune/stats/hist"
)

// results plays reps replications of the classic test configuration.
func results(t *testing.T, reps int) (*sim.Config, []sim.Result) {
	t.Helper()
	cfg := testcfg.Classic()
	cfg.Horizon = 3 * 24 * time.Hour
	var w sim.World
	rs := make([]sim.Result, reps)
	for i := range rs {
		r, err := w.Run(&cfg, i, sim.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rs[i] = r
	}
	return &cfg, rs
}

// The histogram's percentiles and their intervals stay within
// hist.RelativeError of the exact ones from every sample; n, max and the
// mean are exact (the mean up to the rounding of a float sum).
func TestSummarizeWithinTheHistogramError(t *testing.T) {
	cfg, rs := results(t, 6)
	p := Summarize(cfg, rs)
	var client []float64
	censored := 0
	for _, r := range rs {
		for _, b := range r.Breaks {
			if b.Client == sim.Unresolved {
				censored++
			} else {
				client = append(client, b.Client.Seconds())
			}
		}
	}
	if len(client) < 20 {
		t.Fatalf("only %d client latencies: the test needs more", len(client))
	}
	exact, got := Pool(client, censored), p.Metrics.DetectClientS
	near := func(name string, a, b float64) {
		if math.IsInf(a, 0) && a == b {
			return
		}
		if math.Abs(a-b) > hist.RelativeError*math.Abs(a)+1e-9 {
			t.Errorf("%s: %g from the histogram, %g exactly", name, b, a)
		}
	}
	if got.N != exact.N || got.Censored != exact.Censored || got.Max != exact.Max {
		t.Errorf("n, censored, max: %+v, want %+v", got, exact)
	}
	near("mean", exact.Mean, got.Mean)
	near("p50", exact.P50, got.P50)
	near("p90", exact.P90, got.P90)
	near("p95", exact.P95, got.P95)
	near("p99", exact.P99, got.P99)
	for i := range 2 {
		near("p50 ci", float64(exact.P50CI95[i]), float64(got.P50CI95[i]))
		near("p95 ci", float64(exact.P95CI95[i]), float64(got.P95CI95[i]))
	}
}

// Accumulators of disjoint replications, merged in any order (and through
// JSON, as shards' parts are), give the Point of all of them.
func TestAccumulatorsMergeIntoTheWhole(t *testing.T) {
	cfg, rs := results(t, 7)
	whole := Summarize(cfg, rs)
	for _, n := range []int{2, 3} {
		parts := make([]*Accumulator, n)
		for k := range parts {
			parts[k] = NewAccumulator(cfg, len(rs))
		}
		for i := len(rs) - 1; i >= 0; i-- { // backwards: order does not matter
			parts[i%n].Add(&rs[i])
		}
		m := NewAccumulator(cfg, len(rs))
		for k := n - 1; k >= 0; k-- {
			var st AccState
			if err := roundTrip(&parts[k].State, &st); err != nil {
				t.Fatal(err)
			}
			if err := m.Merge(&st); err != nil {
				t.Fatal(err)
			}
		}
		if got := m.Point(); !reflect.DeepEqual(got.Metrics, whole.Metrics) || !reflect.DeepEqual(got.Reps, whole.Reps) {
			t.Errorf("%d parts merged: %+v\nwant %+v", n, got.Metrics, whole.Metrics)
		}
		if err := m.Merge(&parts[0].State); err == nil {
			t.Error("merging a replication twice was accepted")
		}
	}
}

package stats

import (
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// BenchmarkAccumulate is summarising 64 replications of 7 days of the
// classic configuration: adding each result as it arrives, then the Point.
func BenchmarkAccumulate(b *testing.B) {
	cfg := testcfg.Classic()
	cfg.Horizon = 7 * 24 * time.Hour
	var w sim.World
	rs := make([]sim.Result, 64)
	for i := range rs {
		r, err := w.Run(&cfg, i, sim.Options{})
		if err != nil {
			b.Fatal(err)
		}
		rs[i] = r
	}
	b.ReportAllocs()
	for b.Loop() {
		a := NewAccumulator(&cfg, len(rs))
		for i := range rs {
			a.Add(&rs[i])
		}
		_ = a.Point()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(len(rs)*b.N), "ns/rep")
}

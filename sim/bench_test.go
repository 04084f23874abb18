package sim_test

import (
	"testing"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// BenchmarkReplicationIOS6VoIPLTE is one 7-day replication of the classic
// iOS 6 VoIP pattern on LTE with every generator on (the ios6-voip-lte
// built-in). It should take milliseconds; allocations per replication are
// the Result's own slices, not per event.
func BenchmarkReplicationIOS6VoIPLTE(b *testing.B) {
	cfg := testcfg.Classic()
	var w sim.World
	var events int64
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r, err := w.Run(&cfg, i%64, sim.Options{})
		if err != nil {
			b.Fatal(err)
		}
		events += r.Events
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/rep")
}

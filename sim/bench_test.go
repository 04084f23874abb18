package sim_test

import (
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// BenchmarkReplicationIOS6VoIPLTE is one 7-day replication of the classic
// iOS 6 VoIP pattern on LTE with every generator on (the ios6-voip-lte
// built-in). It should take milliseconds; allocations per replication are
// the Result's own slices, not per event.
func BenchmarkReplicationIOS6VoIPLTE(b *testing.B) {
	cfg := testcfg.Classic()
	events := benchReplications(b, &cfg)
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/rep")
}

// analyticAwake is the analytic always-awake job: an always-awake device
// pinging exactly every 5 minutes over a fixed 80 ms RTT, the server
// restarting silently about daily, nothing else going on; 90 days.
func analyticAwake() sim.Config {
	cfg := testcfg.Classic()
	cfg.Name = "analytic-awake"
	cfg.Platform = sim.Platform{Name: "always-awake", AlwaysAwake: true}
	cfg.App.Interval = 5 * time.Minute
	cfg.User = sim.User{}
	cfg.Network = sim.Network{RTT: sim.Fixed(80 * time.Millisecond), ConnectTime: sim.Fixed(300 * time.Millisecond)}
	cfg.Server = sim.Server{Restarts: &sim.Restarts{Every: sim.Dist{Kind: sim.Exp, Value: 24 * time.Hour},
		Downtime: sim.Fixed(time.Minute), Kind: sim.Silent}}
	cfg.Horizon = 90 * 24 * time.Hour
	return cfg
}

// BenchmarkAnalyticAwake100x90d is the analytic always-awake job on one
// worker: 100 replications × 90 days per op (the 1.5× target).
func BenchmarkAnalyticAwake100x90d(b *testing.B) {
	cfg := analyticAwake()
	var w sim.World
	var events int64
	b.ReportAllocs()
	for b.Loop() {
		for rep := range 100 {
			r, err := w.Run(&cfg, rep, sim.Options{})
			if err != nil {
				b.Fatal(err)
			}
			events += r.Events
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(100*b.N), "ns/rep")
	b.ReportMetric(float64(events)/float64(100*b.N), "events/rep")
}

// benchReplications plays one replication of cfg per iteration (cycling
// through 64 of them on one reused World) and returns the events played.
func benchReplications(b *testing.B, cfg *sim.Config) int64 {
	var w sim.World
	var events int64
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r, err := w.Run(cfg, i%64, sim.Options{})
		if err != nil {
			b.Fatal(err)
		}
		events += r.Events
	}
	return events
}

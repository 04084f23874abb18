package sweep

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pingtune/scenarios"
)

// BenchmarkSweepIOS6VoIPLTE is the sweep users run: the built-in
// ios6-voip-lte at 30 intervals (1m to 30m) × 100 replications × 7 days, on
// 1 and 2 workers: go test ./sweep -run NONE -bench Sweep -benchtime 3x
func BenchmarkSweepIOS6VoIPLTE(b *testing.B) {
	if testing.Short() {
		b.Skip("a full sweep; skipped under -short")
	}
	sc, err := scenarios.Load("ios6-voip-lte")
	if err != nil {
		b.Fatal(err)
	}
	cfg := sc.Config
	cfg.Replications = 100
	cfg.Horizon = 7 * 24 * time.Hour
	var ivs []time.Duration
	for m := 1; m <= 30; m++ {
		ivs = append(ivs, time.Duration(m)*time.Minute)
	}
	reqs := sc.Sweep.Require
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			for b.Loop() {
				if _, err := Run(context.Background(), &cfg, ivs, reqs, Options{Workers: w}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(ivs)*cfg.Replications*b.N)/b.Elapsed().Seconds(), "reps/s")
		})
	}
}

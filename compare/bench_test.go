package compare

import (
	"testing"
	"time"

	"pingtune/runner"
)

// BenchmarkFinishFleet is the pairing of the three fleet built-ins, 200
// replications × 7 days, after the replications ran: mostly the bootstrap
// (Resamples resamples, each weighing every replication's four latency
// histograms), on one worker.
func BenchmarkFinishFleet(b *testing.B) {
	cfgs := fleet(b, 200, 7*24*time.Hour, "fleet-chat-wifi", "fleet-chat-wifi-adaptive", "fleet-chat-wifi-probe")
	accs, err := Run(b.Context(), cfgs, runner.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Finish(cfgs, accs, 1); err != nil {
			b.Fatal(err)
		}
	}
}

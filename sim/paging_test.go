package sim_test

import (
	"math"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// A push for a sleeping radio waits for its paging occasion, uniform over the
// paging cycle, then the promotion: its latency is RTT/2 + promotion + U(0,
// cycle). A push that finds the radio awake takes RTT/2, or waits for the
// rest of a promotion under way (rare: two pushes within a second or two).
func TestPushesWaitForThePagingOccasion(t *testing.T) {
	rtt := 80 * time.Millisecond
	radio := testcfg.LTERadio()
	radio.PagingCycle = 1280 * time.Millisecond
	cfg := quiet(10 * time.Hour)
	cfg.Radio = radio
	cfg.Server.Pushes = &sim.Pushes{PerHour: 6}
	var paged []float64
	awake := 0
	for rep := range 40 {
		// Exact latencies from the trace (the Result keeps a histogram).
		var lats pushLatencies
		if _, err := sim.Run(&cfg, rep, sim.Options{Tracer: &lats, Check: true}); err != nil {
			t.Fatal(err)
		}
		for _, l := range lats {
			switch d := l - rtt/2 - radio.Promotion; {
			case l == rtt/2:
				awake++
			case d >= 0 && d < radio.PagingCycle:
				paged = append(paged, d.Seconds())
			case d < 0 && l > rtt/2:
				// the radio was being promoted already
			default:
				t.Fatalf("push latency %v: neither RTT/2 nor RTT/2 + promotion + a wait within the paging cycle", l)
			}
		}
	}
	mean, se := meanSE(paged)
	want := radio.PagingCycle.Seconds() / 2
	if len(paged) < 1000 || math.Abs(mean-want) > 4*se {
		t.Errorf("%d paged pushes waited %.3fs ± %.3fs on average for their paging occasion, want %d+ and %.3fs", len(paged), mean, se, 1000, want)
	}
	if awake == 0 {
		t.Errorf("no push found the radio awake")
	}
	// The wait is spread over the cycle, not one constant.
	var sd float64
	for _, x := range paged {
		sd += (x - mean) * (x - mean)
	}
	sd = math.Sqrt(sd / float64(len(paged)-1))
	if u := want / math.Sqrt(3); math.Abs(sd-u) > 0.1*u {
		t.Errorf("paging wait sd %.3fs, want ≈ %.3fs (uniform over the cycle)", sd, u)
	}
}

// pushLatencies collects the latency of every delivered push from a trace.
type pushLatencies []time.Duration

func (p *pushLatencies) Trace(e sim.TraceEvent) {
	if e.Kind == sim.TracePushDelivered {
		*p = append(*p, e.Latency)
	}
}

package timeline

import (
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// The interval at a time is the span in force then.
func TestIntervalAt(t *testing.T) {
	r := &sim.Result{Intervals: []sim.IntervalSpan{{Interval: 270 * time.Second}, {Interval: 330 * time.Second, From: time.Hour}}}
	for at, want := range map[time.Duration]time.Duration{0: 270 * time.Second, time.Hour - 1: 270 * time.Second, time.Hour: 330 * time.Second, 5 * time.Hour: 330 * time.Second} {
		if got := intervalAt(r, at); got != want {
			t.Errorf("at %v: %v, want %v", at, got, want)
		}
	}
}

// A fleet's NAT is the replication's draw, and its lane is in use.
func TestFleetNAT(t *testing.T) {
	cfg := testcfg.Classic()
	cfg.Network.NATIdleTimeout = 0
	cfg.Network.NATIdleFleet = &sim.Dist{Kind: sim.Uniform, Value: 5 * time.Minute, Max: time.Hour}
	tl := &Timeline{Config: &cfg, Result: &sim.Result{NATIdle: 17 * time.Minute}}
	if got := natOf(tl); got != 17*time.Minute {
		t.Errorf("NAT %v", got)
	}
	if why := laneUnused(&cfg, sim.LaneNAT); why != "" {
		t.Errorf("the NAT lane of a fleet is unused: %s", why)
	}
}

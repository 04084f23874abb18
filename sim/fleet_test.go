package sim_test

import (
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// TestFleetDrawsOneNATPerReplication: with a distribution of NAT timeouts,
// the replications see different timeouts, and replication k sees the same
// one at every interval and under every policy (common random numbers).
func TestFleetDrawsOneNATPerReplication(t *testing.T) {
	fleet := sim.Dist{Kind: sim.Uniform, Value: 5 * time.Minute, Max: time.Hour}
	variants := map[string]func(*sim.Config){
		"fixed 5m":  func(c *sim.Config) { c.App.Interval = 5 * time.Minute },
		"fixed 20m": func(c *sim.Config) { c.App.Interval = 20 * time.Minute },
		"adaptive": func(c *sim.Config) {
			c.App.Policy = sim.Policy{Kind: sim.PolicyAdaptive, Adaptive: sim.MarsAdaptive()}
		},
		"probe": func(c *sim.Config) { c.App.Policy = sim.Policy{Kind: sim.PolicyProbe, Probe: sim.DefaultProbe()} },
	}
	const reps = 6
	var first []time.Duration
	for name, set := range variants {
		cfg := testcfg.Classic()
		cfg.Horizon = 24 * time.Hour
		cfg.Network.NATIdleFleet = &fleet
		set(&cfg)
		res := runAll(t, &cfg, reps)
		seen := map[time.Duration]bool{}
		for _, r := range res {
			if r.NATIdle < fleet.Value || r.NATIdle > fleet.Max {
				t.Errorf("%s rep %d: NAT %v outside the fleet", name, r.Rep, r.NATIdle)
			}
			seen[r.NATIdle] = true
		}
		if len(seen) != reps {
			t.Errorf("%s: %d distinct NATs over %d replications", name, len(seen), reps)
		}
		if first == nil {
			for _, r := range res {
				first = append(first, r.NATIdle)
			}
			continue
		}
		for i, r := range res {
			if r.NATIdle != first[i] {
				t.Errorf("%s rep %d: NAT %v, another variant drew %v", name, i, r.NATIdle, first[i])
			}
		}
	}
}

// TestRedrawOnHandoverMovesTheNAT: behind a fleet with handovers, redrawing
// changes what the NAT does after the first handover, not what came before.
func TestRedrawOnHandoverMovesTheNAT(t *testing.T) {
	fleet := sim.Dist{Kind: sim.Uniform, Value: 5 * time.Minute, Max: 40 * time.Minute}
	cfg := testcfg.Classic()
	cfg.Horizon = 3 * 24 * time.Hour
	cfg.App.Interval = 20 * time.Minute
	cfg.Network.NATIdleFleet = &fleet
	cfg.Network.Handovers.Every = sim.Dist{Kind: sim.Exp, Value: 4 * time.Hour}
	stay := runAll(t, &cfg, 4)
	cfg.Network.RedrawOnHandover = true
	move := runAll(t, &cfg, 4)
	differ := 0
	for i := range stay {
		if stay[i].NATIdle != move[i].NATIdle {
			t.Errorf("rep %d: the first NAT changed with redraw_on_handover", i)
		}
		if stay[i].SelfBreaks() != move[i].SelfBreaks() {
			differ++
		}
	}
	if differ == 0 {
		t.Error("redrawing the NAT at every handover changed no replication's NAT breaks")
	}
}

// TestServerFleet: a server idle timeout given as a distribution is drawn
// once per replication, the same at every interval.
func TestServerFleet(t *testing.T) {
	fleet := sim.Dist{Kind: sim.Uniform, Value: 20 * time.Minute, Max: 2 * time.Hour}
	var first []time.Duration
	for _, T := range []time.Duration{5 * time.Minute, 15 * time.Minute} {
		cfg := testcfg.Classic()
		cfg.Horizon = 12 * time.Hour
		cfg.App.Interval = T
		cfg.Server.IdleTimeoutMultiple, cfg.Server.IdleTimeoutFleet = 0, &fleet
		res := runAll(t, &cfg, 4)
		seen := map[time.Duration]bool{}
		for i, r := range res {
			if r.ServerIdle < fleet.Value || r.ServerIdle > fleet.Max {
				t.Errorf("rep %d: server idle %v outside the fleet", i, r.ServerIdle)
			}
			seen[r.ServerIdle] = true
			if first != nil && r.ServerIdle != first[i] {
				t.Errorf("rep %d at %v: server idle %v, %v at the first interval", i, T, r.ServerIdle, first[i])
			}
		}
		if len(seen) != len(res) {
			t.Errorf("%d distinct server timeouts in %d replications", len(seen), len(res))
		}
		if first == nil {
			for _, r := range res {
				first = append(first, r.ServerIdle)
			}
		}
	}
}

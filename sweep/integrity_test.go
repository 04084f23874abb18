package sweep

import (
	"context"
	"math"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/scenarios"
	"pingtune/sim"
)

// With every replication's keepalive cycle in a random phase, the time a
// dead connection goes unnoticed can only grow with the interval: it must not
// zigzag with where a scripted event falls in the cycle. Over 20m–29m each
// step's paired difference may not be significantly negative.
func TestUnnoticedTimeDoesNotZigzag(t *testing.T) {
	if testing.Short() {
		t.Skip("10 intervals × 200 replications × 7d")
	}
	sc, err := scenarios.Load("ios6-voip-lte")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), &sc.Config, minutes(20, 21, 22, 23, 24, 25, 26, 27, 28, 29), nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Points[1:] {
		d := p.VsPrevious.UnnoticedMinPerDay
		if d.Hi() < 0 {
			t.Errorf("%gm: unnoticed min/day fell by %.3g [%.3g, %.3g] from %gm (paired): a zigzag",
				p.IntervalS/60, -d.Mean, -d.Hi(), -d.Lo(), p.VsPrevious.FromIntervalS/60)
		}
	}
}

// A world whose NAT forgets an idle mapping after 5 minutes, swept across
// it, with a silent server restart once a week that lands anywhere in the
// replication (also near its end, where only the drain sees it found), and
// nothing else: no pushes or user sessions that would refresh the mapping.
// Past the NAT's timeout every ping cycle breaks and is found at the next
// ping, which dilutes the pooled p95 of detection; those intervals break
// their own connection about once per cycle and must not be recommended
// while a shorter one meets the requirement without that.
func TestSelfInflictedBreaksAreNotRecommended(t *testing.T) {
	const nat = 5 * time.Minute
	cfg := testcfg.Classic()
	cfg.Name = "nat-5m"
	cfg.Platform = sim.Platform{Name: "always-awake", AlwaysAwake: true}
	cfg.User = sim.User{}
	cfg.Network.Outages, cfg.Network.Handovers = nil, nil
	cfg.Network.NATIdleTimeout = nat
	cfg.Server.Pushes = nil // a push would refresh the mapping now and then
	cfg.Server.IdleTimeoutMultiple = 0
	cfg.Server.Restarts = &sim.Restarts{Every: sim.Fixed(7 * 24 * time.Hour), Downtime: sim.Fixed(time.Minute), Kind: sim.Silent}
	cfg.Replications, cfg.Horizon = 100, 7*24*time.Hour // 100 restarts: enough for a p95 bound
	reqs := []Requirement{{Metric: DetectClientP95, Upper: true, Bound: 10 * 60}}
	ivs := minutes(2, 3, 4, 6, 8, 10, 12)
	res, err := Run(context.Background(), &cfg, ivs, reqs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := res.Recommendation
	if rec.Index < 0 || res.Points[rec.Index].IntervalS >= nat.Seconds() {
		t.Fatalf("recommended %+v, want an interval below the NAT's %v", rec, nat)
	}
	for _, p := range res.Points {
		T := time.Duration(p.IntervalS) * time.Second
		self := p.Metrics.SelfBreaksPerDay
		if T < nat {
			if self.Mean != 0 || p.SelfBreaks || p.PassedOver != "" {
				t.Errorf("%v: %g self-inflicted breaks a day (flagged %v), want none below the NAT timeout", T, self.Mean, p.SelfBreaks)
			}
			continue
		}
		// Pings are timer-driven exactly every T: one NAT break a cycle.
		perDay := (24 * time.Hour).Seconds() / T.Seconds()
		if math.Abs(self.Mean-perDay) > 0.02*perDay || !p.SelfBreaks {
			t.Errorf("%v: %g self-inflicted breaks a day (flagged %v), want about one per cycle, %.1f", T, self.Mean, p.SelfBreaks, perDay)
		}
		if p.Qualifies && p.PassedOver == "" {
			t.Errorf("%v qualifies and breaks itself, but was not passed over", T)
		}
	}
	// The rule, not the requirement, is what keeps them out: allowed, the
	// cheapest is past the NAT timeout.
	allowed, err := Run(context.Background(), &cfg, ivs, reqs, Options{Policy: Policy{AllowSelfBreaks: true}})
	if err != nil {
		t.Fatal(err)
	}
	if i := allowed.Recommendation.Index; i < 0 || allowed.Points[i].IntervalS < nat.Seconds() {
		t.Errorf("with allow_self_breaks the recommendation is %+v; the test needs one past the NAT timeout", allowed.Recommendation)
	}
}

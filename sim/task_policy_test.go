package sim_test

import (
	"testing"
	"time"

	"pingtune/sim"
)

// slowRadio takes 2 s to promote, as 3G's IDLE→DCH does: with an 80 ms RTT a
// ping sent from idle is answered 2.08 s later.
func slowRadio() sim.Radio {
	return sim.Radio{Name: "slow", Promotion: 2 * time.Second, PromotionPower: 0.6, ActivePower: 0.8,
		Tail: []sim.TailStage{{For: 5 * time.Second, Power: 0.8}}}
}

// With background_task: none the keepalive handler's budget decides: a 10 s
// budget outlasts the 2.08 s round trip, a 1 s one does not, so the pong
// finds the app suspended and wakes it again (wake_on_socket_data).
func TestNoTaskBudgetMatters(t *testing.T) {
	run := func(budget time.Duration) sim.Result {
		cfg := bare(10*time.Minute, sim.NoTask)
		cfg.Radio = slowRadio()
		cfg.Platform.WakeupBudget = budget
		return runAll(t, &cfg, 1)[0]
	}
	long, short := run(10*time.Second), run(time.Second)
	ka := long.Wakeups[sim.WakeKeepalive]
	if long.Wakeups[sim.WakeSocket] != 0 {
		t.Errorf("10 s budget: %d socket wakeups, want 0 (the pong comes within the budget)", long.Wakeups[sim.WakeSocket])
	}
	if short.Wakeups[sim.WakeKeepalive] != ka || short.Wakeups[sim.WakeSocket] != ka {
		t.Errorf("1 s budget: %d keepalive and %d socket wakeups, want %d of each (every pong wakes the app again)",
			short.Wakeups[sim.WakeKeepalive], short.Wakeups[sim.WakeSocket], ka)
	}
	// CPU: the whole round trip under the long budget; the budget, then
	// nothing until the pong, under the short one.
	rtt := 2080 * time.Millisecond
	if want := time.Duration(ka) * rtt; long.CPUTime != want {
		t.Errorf("10 s budget: CPU %v, want %d × %v", long.CPUTime, ka, rtt)
	}
	if want := time.Duration(ka) * time.Second; short.CPUTime != want {
		t.Errorf("1 s budget: CPU %v, want %d × 1s (the pong's wakeup ends at once)", short.CPUTime, ka)
	}
	if long.Kills+short.Kills != 0 || long.PingTimeouts+short.PingTimeouts != 0 {
		t.Errorf("kills %d/%d, ping timeouts %d/%d; want none", long.Kills, short.Kills, long.PingTimeouts, short.PingTimeouts)
	}
}

// overwrite keeps one task id: it is killed only when one wakeup's task is
// still held as another begins. Keepalives alone never overlap; pushes that
// arrive during a keepalive's round trip (or a keepalive that fires during a
// push's) do, and end_when_done survives the same world.
func TestOverwriteKilledOnlyWhenWakeupsOverlap(t *testing.T) {
	cfg := bare(10*time.Minute, sim.Overwrite)
	cfg.Radio = slowRadio()
	for _, r := range runAll(t, &cfg, 5) {
		if r.Kills != 0 {
			t.Fatalf("keepalives alone: rep %d killed %d times", r.Rep, r.Kills)
		}
	}
	// Pushes often enough that some land in a keepalive's 2 s round trip.
	cfg.Server.Pushes = &sim.Pushes{PerHour: 60}
	kills := 0
	for _, r := range runAll(t, &cfg, 5) {
		kills += r.Kills
		for _, b := range r.Breaks {
			if b.Cause == sim.CauseKill && b.At < cfg.Platform.BackgroundTaskLimit {
				t.Errorf("rep %d: killed at %v, before any task could reach its limit", r.Rep, b.At)
			}
		}
	}
	if kills == 0 {
		t.Errorf("overwrite with overlapping wakeups: never killed")
	}
	cfg.App.BackgroundTask = sim.EndWhenDone
	for _, r := range runAll(t, &cfg, 5) {
		if r.Kills != 0 {
			t.Fatalf("end_when_done, same world: rep %d killed %d times", r.Rep, r.Kills)
		}
	}
}

package sim_test

import (
	"math"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// CPU energy is cpu_power × the time the app holds the CPU in the
// background: from each wakeup (whatever woke it: a keepalive, socket data
// or close, a push, a relaunch) or each move to the background, to the
// suspension (or kill, or the user opening it) that ends it. The trace's
// wakeups and app states give those spans; the run's CPU energy must be
// their sum, and every background cause must have held the CPU somewhere.
func TestCPUEnergyIsWakeupToSuspension(t *testing.T) {
	for _, policy := range []sim.TaskPolicy{sim.EndWhenDone, sim.NoTask, sim.Overwrite, sim.Leak} {
		cfg := testcfg.Classic()
		cfg.App.BackgroundTask = policy
		cfg.Platform.RelaunchAfterKill, cfg.Platform.RelaunchDelay = true, time.Minute
		cfg.Server.Pushes.PerHour = 20
		var held [sim.NumWakeCauses + 2]time.Duration // by cause; then relaunch, then leaving the foreground
		var total time.Duration
		for rep := range 4 {
			var tr events
			r, err := sim.Run(&cfg, rep, sim.Options{Tracer: &tr, Check: true})
			if err != nil {
				t.Fatal(err)
			}
			from, cause := time.Duration(-1), 0
			var sum time.Duration
			for _, e := range tr {
				switch {
				case e.Kind == sim.TraceWakeup && sim.WakeCause(e.Cause) != sim.WakeUser:
					from, cause = e.At, int(e.Cause)
				case e.Kind == sim.TraceRelaunch:
					from, cause = e.At, int(sim.NumWakeCauses)
				case e.Kind == sim.TraceState && e.Lane == sim.LaneApp && sim.AppState(e.From) == sim.Foreground && sim.AppState(e.To) == sim.Background:
					from, cause = e.At, int(sim.NumWakeCauses)+1
				case e.Kind == sim.TraceState && e.Lane == sim.LaneApp && sim.AppState(e.From) == sim.Background:
					if from < 0 {
						t.Fatalf("%s rep %d: the app left the background at %v without having entered it", policy, rep, e.At)
					}
					sum += e.At - from
					held[cause] += e.At - from
					from = -1
				}
			}
			if from >= 0 {
				sum += cfg.Horizon - from
				held[cause] += cfg.Horizon - from
			}
			if sum != r.CPUTime {
				t.Errorf("%s rep %d: wakeup-to-suspension spans add up to %v, the run's CPU time is %v", policy, rep, sum, r.CPUTime)
			}
			if want := cfg.Device.CPUPower * sum.Seconds(); math.Abs(r.CPUJ-want) > 1e-9*want {
				t.Errorf("%s rep %d: CPU energy %g J, want cpu_power × %v = %g J", policy, rep, r.CPUJ, sum, want)
			}
			total += sum
		}
		// (Under leak the app, relaunched after each kill, is never
		// suspended again, so no keepalive wakes it.)
		if (policy != sim.Leak && held[sim.WakeKeepalive] <= 0) || held[sim.NumWakeCauses+1] <= 0 {
			t.Errorf("%s: CPU held after keepalives %v, after leaving the foreground %v; want both", policy, held[sim.WakeKeepalive], held[sim.NumWakeCauses+1])
		}
		t.Logf("%s: CPU %v; by cause keepalive %v, socket %v, push %v, relaunch %v, leaving the foreground %v", policy, total,
			held[sim.WakeKeepalive], held[sim.WakeSocket], held[sim.WakePush], held[sim.NumWakeCauses], held[sim.NumWakeCauses+1])
	}
}

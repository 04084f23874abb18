package sim_test

import (
	"math"
	"testing"
	"time"

	"pingtune/sim"
)

// With the keepalive cycle in a random phase, a break scripted at a fixed
// time meets the cycle at a random point. The ios6 handler fires every T less
// an early firing drawn from U(0, 30 s): a renewal process with gaps
// G ~ U(T−30 s, T). A silent server restart whose downtime outlasts the
// interval is found by the first ping after it, a pong timeout τ later: on
// average the mean residual of the renewal process,
// E[G²]/(2E[G]) = (T−15 s)/2 + Var(G)/(2(T−15 s)), plus τ. Without random
// phases every replication would meet the restart at the same point of the
// cycle and the mean would swing with the restart time modulo T.
func TestDetectionOfAScriptedBreakFollowsTheRenewalResidual(t *testing.T) {
	const reps = 4000
	for _, T := range []time.Duration{24 * time.Minute, 25 * time.Minute, 26 * time.Minute, 27 * time.Minute} {
		cfg := bare(T, sim.EndWhenDone)
		cfg.Horizon = 41 * time.Hour
		cfg.Server.IdleTimeoutMultiple = 0
		cfg.Events = []sim.ScriptedEvent{{At: 40 * time.Hour, Kind: sim.ScriptServerRestart, Restart: sim.Silent, For: 2 * T}}
		var lat []float64
		var w sim.World
		for rep := range reps {
			r, err := w.Run(&cfg, rep, sim.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Breaks) != 1 || r.Breaks[0].ClientVia != sim.ViaPingTimeout {
				t.Fatalf("T=%v rep %d: breaks %+v, want the restart found by a ping timeout", T, rep, r.Breaks)
			}
			lat = append(lat, r.Breaks[0].Client.Seconds())
		}
		mean, se := meanSE(lat)
		g := (T - 15*time.Second).Seconds() // E[G]
		varG := 30.0 * 30 / 12              // Var(G) of U(T−30 s, T)
		want := g/2 + varG/(2*g) + cfg.App.Timeout.Seconds()
		t.Logf("T=%v: mean client detection %.1fs ± %.1fs, closed form %.1fs", T, mean, se, want)
		if math.Abs(mean-want) > 0.03*want {
			t.Errorf("T=%v: mean client detection %.1fs ± %.1fs, want the residual + τ = %.1fs within 3%%", T, mean, se, want)
		}
	}
}

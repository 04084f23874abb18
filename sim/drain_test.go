package sim_test

import (
	"testing"
	"time"

	"pingtune/sim"
)

// A break exactly at the horizon is followed into the drain: both sides learn
// of it and a connection comes back, yet the per-hour costs are those of the
// same run without it, for nothing after the horizon is charged.
func TestBreakAtTheHorizonIsDetectedInTheDrain(t *testing.T) {
	for _, kind := range []sim.RestartKind{sim.Silent, sim.Graceful} {
		base := bare(10*time.Minute, sim.EndWhenDone)
		base.Horizon = 24 * time.Hour
		withBreak := base
		withBreak.Events = []sim.ScriptedEvent{{At: base.Horizon, Kind: sim.ScriptServerRestart, Restart: kind, For: time.Minute}}
		for rep := range 5 {
			quiet, err := sim.Run(&base, rep, sim.Options{Check: true})
			if err != nil {
				t.Fatal(err)
			}
			r, err := sim.Run(&withBreak, rep, sim.Options{Check: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Breaks) != 1 {
				t.Fatalf("%v rep %d: %d breaks, want the one at the horizon", kind, rep, len(r.Breaks))
			}
			b := r.Breaks[0]
			if b.At != base.Horizon || b.Client == sim.Unresolved || b.Server == sim.Unresolved || b.Recover == sim.Unresolved {
				t.Fatalf("%v rep %d: break %+v, want it at the horizon and resolved in the drain", kind, rep, b)
			}
			if r.End != base.Horizon+max(b.Client, b.Server, b.Recover) {
				t.Errorf("%v rep %d: the drain ended at %v, want when the last side settled (%v after the horizon)", kind, rep, r.End, max(b.Client, b.Server, b.Recover))
			}
			if r.Counters != quiet.Counters || r.RadioJ != quiet.RadioJ || r.CPUJ != quiet.CPUJ || r.UpTime != quiet.UpTime {
				t.Errorf("%v rep %d: costs with the break %+v %g J %g J, without %+v %g J %g J",
					kind, rep, r.Counters, r.RadioJ, r.CPUJ, quiet.Counters, quiet.RadioJ, quiet.CPUJ)
			}
			if quiet.End != quiet.Horizon {
				t.Errorf("rep %d: a run with nothing open drained until %v", rep, quiet.End)
			}
			if r.BrokenTime != b.Client {
				t.Errorf("%v rep %d: unnoticed %v, want the break's whole detection latency %v", kind, rep, r.BrokenTime, b.Client)
			}
		}
	}
}

// What is still open when the drain's cap runs out is censored at its end:
// an ios13 app (no keepalive handler) never learns of a silent restart while
// suspended.
func TestDrainIsCapped(t *testing.T) {
	cfg := bare(10*time.Minute, sim.EndWhenDone)
	cfg.Platform.Keepalive = false
	cfg.Server.IdleTimeoutMultiple = 0
	cfg.Horizon = 24 * time.Hour
	cfg.Events = []sim.ScriptedEvent{{At: 23 * time.Hour, Kind: sim.ScriptServerRestart, Restart: sim.Silent, For: time.Minute}}
	r, err := sim.Run(&cfg, 0, sim.Options{Check: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Breaks) != 1 || r.Breaks[0].Client != sim.Unresolved {
		t.Fatalf("breaks %+v, want one the client never learns of", r.Breaks)
	}
	// The cap is max(2h, 4 × the longest timeout in play): here 4 × the
	// reconnect backoff's 5m is less than 2h.
	if want := cfg.Horizon + 2*time.Hour; r.End != want {
		t.Errorf("drain ended at %v, want the cap at %v", r.End, want)
	}
	if want := r.End - r.Breaks[0].At; r.BrokenTime != want {
		t.Errorf("unnoticed %v, want %v: censored at the end of the drain", r.BrokenTime, want)
	}
}

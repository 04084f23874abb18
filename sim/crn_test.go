package sim_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// worldLog records what the world does to the app, as opposed to what the
// app does: outages, handovers, restarts, pushes sent and user sessions.
type worldLog struct{ events []string }

func (l *worldLog) Trace(e sim.TraceEvent) {
	switch {
	case e.Kind == sim.TraceState && e.Lane == sim.LanePath,
		e.Kind == sim.TraceState && e.Lane == sim.LaneServer,
		e.Kind == sim.TraceHandover, e.Kind == sim.TraceServerRestart,
		e.Kind == sim.TracePushSent, e.Kind == sim.TraceUserOpen:
		l.events = append(l.events, e.At.String()+" "+e.Kind.String()+" "+e.Lane.String())
	}
}

// Common random numbers: replication k meets the same world at every
// interval, so that interval comparisons are paired.
func TestSameWorldAtEveryInterval(t *testing.T) {
	base := testcfg.Classic()
	base.Events = []sim.ScriptedEvent{{At: 26 * time.Hour, Kind: sim.ScriptNetworkDown, For: 15 * time.Minute, SignalsClient: true}}
	for rep := range 3 {
		var ref []string
		for _, T := range []time.Duration{10 * time.Minute, 17 * time.Minute, 45 * time.Minute} {
			cfg := base.WithInterval(T)
			var l worldLog
			if _, err := sim.Run(&cfg, rep, sim.Options{Tracer: &l}); err != nil {
				t.Fatal(err)
			}
			if len(l.events) < 50 {
				t.Fatalf("only %d world events: the generators are not running", len(l.events))
			}
			if ref == nil {
				ref = l.events
				continue
			}
			if !slices.Equal(ref, l.events) {
				i := 0
				for i < min(len(ref), len(l.events)) && ref[i] == l.events[i] {
					i++
				}
				t.Fatalf("rep %d: the world differs at T=%v from T=10m at event %d", rep, T, i)
			}
		}
	}
}

// Replications differ from one another, and a replication is the same every time.
func TestReplicationsAreDeterministicAndDistinct(t *testing.T) {
	cfg := testcfg.Classic()
	a, _ := sim.Run(&cfg, 3, sim.Options{})
	b, _ := sim.Run(&cfg, 3, sim.Options{})
	c, _ := sim.Run(&cfg, 4, sim.Options{})
	if !equalResults(a, b) {
		t.Fatal("the same replication gave two results")
	}
	if equalResults(a, c) {
		t.Fatal("replications 3 and 4 are identical")
	}
	// A reused World gives the same as a fresh one.
	var w sim.World
	w.Run(&cfg, 7, sim.Options{})
	d, _ := w.Run(&cfg, 3, sim.Options{})
	if !equalResults(a, d) {
		t.Fatal("a reused World remembered its previous replication")
	}
}

func equalResults(a, b sim.Result) bool {
	return a.Events == b.Events && a.RadioJ == b.RadioJ && a.CPUJ == b.CPUJ && a.Wakeups == b.Wakeups &&
		slices.Equal(a.Breaks, b.Breaks) && reflect.DeepEqual(a.PushLatency, b.PushLatency) && a.Pushes == b.Pushes
}

package sim_test

import (
	"testing"
	"time"

	"pingtune/sim"
)

// events collects a replication's trace.
type events []sim.TraceEvent

func (e *events) Trace(ev sim.TraceEvent) { *e = append(*e, ev) }

// While a signalled outage holds the interface down, a connect fails at once
// and sends nothing (no promotion); after a silent one it waits the connect
// timeout and each attempt wakes the radio.
func TestNoInterfaceNoAttempt(t *testing.T) {
	const from, length = time.Hour, 20 * time.Minute
	for _, signals := range []bool{true, false} {
		cfg := quiet(time.Minute)
		cfg.Horizon = 3 * time.Hour
		cfg.Events = []sim.ScriptedEvent{{At: from, Kind: sim.ScriptNetworkDown, For: length, SignalsClient: signals}}
		var tr events
		if _, err := sim.Run(&cfg, 0, sim.Options{Tracer: &tr, Check: true}); err != nil {
			t.Fatal(err)
		}
		started := map[int64]time.Duration{}
		fails, promotions := 0, 0
		for _, e := range tr {
			if e.At < from || e.At >= from+length {
				continue
			}
			switch {
			case e.Kind == sim.TraceConnectStart:
				started[e.ID] = e.At
			case e.Kind == sim.TraceConnectFail:
				fails++
				wait := e.At - started[e.ID]
				if want := map[bool]time.Duration{true: 0, false: cfg.App.Timeout}[signals]; wait != want {
					t.Errorf("signals_client %v: attempt %d failed after %v, want %v", signals, e.ID, wait, want)
				}
			case e.Kind == sim.TraceState && e.Lane == sim.LaneRadio && sim.RadioState(e.To) == sim.RadioPromotion:
				promotions++
			}
		}
		if fails < 3 {
			t.Errorf("signals_client %v: %d failed connects during the outage, want several", signals, fails)
		}
		if signals && promotions != 0 {
			t.Errorf("no interface: %d radio promotions during the outage, want none", promotions)
		}
		if !signals && promotions < fails {
			t.Errorf("silent outage: %d promotions for %d attempts, want one per attempt at least", promotions, fails)
		}
	}
}

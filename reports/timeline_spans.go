package reports

import (
	"time"

	"pingtune/sim"
)

// tlSpan is a lane in one state from From to To.
type tlSpan struct {
	From, To time.Duration
	State    uint8
}

// tlLaneSpans cuts every lane of t into its state spans over the window,
// zero-length spans (states left at the instant they were entered) left out.
func tlLaneSpans(t *Timeline) [sim.NumLanes][]tlSpan {
	var spans [sim.NumLanes][]tlSpan
	var open [sim.NumLanes]tlSpan
	for l := range open {
		open[l] = tlSpan{From: t.Window.From, State: t.Start[l]}
	}
	closeAt := func(l sim.Lane, at time.Duration) {
		s := open[l]
		s.To = at
		if s.To > s.From {
			spans[l] = append(spans[l], s)
		}
	}
	for _, e := range t.Events {
		if e.Kind != sim.TraceState {
			continue
		}
		closeAt(e.Lane, e.At)
		open[e.Lane] = tlSpan{From: e.At, State: e.To}
	}
	for l := range open {
		closeAt(sim.Lane(l), t.Window.To)
	}
	return spans
}

package timeline

import (
	"time"

	"pingtune/sim"
)

// span is a lane in one state from From to To.
type span struct {
	From, To time.Duration
	State    uint8
}

// laneSpans cuts every lane of t into its state spans over the window,
// zero-length spans (states left at the instant they were entered) left out.
func laneSpans(t *Timeline) [sim.NumLanes][]span {
	var spans [sim.NumLanes][]span
	var open [sim.NumLanes]span
	for l := range open {
		open[l] = span{From: t.Window.From, State: t.Start[l]}
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
		open[e.Lane] = span{From: e.At, State: e.To}
	}
	for l := range open {
		closeAt(sim.Lane(l), t.Window.To)
	}
	return spans
}

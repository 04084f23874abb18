package trace

import (
	"fmt"
	"time"

	"pingtune/internal/durfmt"
	"pingtune/sim"
)

// Window is a stretch of one replication's simulated time, From to To, both
// included. The simulation always runs from zero; a window only chooses
// which of its records are shown, so the records inside a window are exactly
// those of the full trace.
type Window struct {
	From, To time.Duration
}

// Contains reports whether time t falls in the window.
func (w Window) Contains(t time.Duration) bool { return t >= w.From && t <= w.To }

// Len is the window's length.
func (w Window) Len() time.Duration { return w.To - w.From }

func (w Window) String() string {
	return fmt.Sprintf("%s–%s", durfmt.Clock(w.From), durfmt.Clock(w.To))
}

// LaneStates is the state of every lane at one moment, by lane.
type LaneStates [sim.NumLanes]uint8

// initialLanes is every lane's state at time zero, before the first record:
// the app has just been suspended (or runs, on an always-awake device), its
// connection is up, nothing is down, the radio is idle. The NAT mapping and
// the server's session are made by records at time zero. This mirrors
// sim.World's start, which sets these states without records; a test holds
// the two together.
func initialLanes(cfg *sim.Config) LaneStates {
	var s LaneStates
	s[sim.LaneApp] = uint8(sim.Suspended)
	if cfg.Platform.AlwaysAwake {
		s[sim.LaneApp] = uint8(sim.Background)
	}
	s[sim.LaneNAT] = 1
	s[sim.LaneSession] = 1
	s[sim.LaneConn] = uint8(sim.ConnUp)
	return s
}

// UsedLanes is how many lanes, from the first, a run of cfg moves: all of
// them on an Android platform, else those before the device states.
func UsedLanes(cfg *sim.Config) sim.Lane {
	if cfg.Platform.IsAndroid() {
		return sim.NumLanes
	}
	return sim.LaneScreen
}

// Filter follows a run's lanes and tells which of its records fall in a
// window; at the first record inside, it keeps the lanes' states as they
// were just before. The JSON writer and the timeline's recorder share it.
type Filter struct {
	win     Window
	lanes   LaneStates
	start   LaneStates
	entered bool
}

// NewFilter follows a run of cfg through win.
func NewFilter(cfg *sim.Config, win Window) Filter {
	s := initialLanes(cfg)
	return Filter{win: win, lanes: s, start: s}
}

// See takes the next record of the run and reports whether it is in the window.
func (w *Filter) See(e sim.TraceEvent) bool {
	if !w.entered && e.At >= w.win.From {
		w.entered, w.start = true, w.lanes
	}
	if e.Kind == sim.TraceState {
		w.lanes[e.Lane] = e.To
	}
	return w.win.Contains(e.At)
}

// Start is the lanes' states at the window's start (after a run that
// had no record in the window, the states the run ended in before it).
func (w *Filter) Start() LaneStates {
	if w.entered {
		return w.start
	}
	return w.lanes
}

// Window is the window the filter lets through.
func (w *Filter) Window() Window { return w.win }

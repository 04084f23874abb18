package reports

import (
	"pingtune/sim"
)

// Timeline is one replication seen through a window of time, ready to draw
// with WriteTimelinePNG. Build it with a TimelineRecorder attached to the
// replication's run.
type Timeline struct {
	Config *sim.Config
	Rep    int
	Window Window
	Start  LaneStates       // every lane's state at Window.From
	Events []sim.TraceEvent // the records inside the window, in time order
	Result *sim.Result      // the replication's result; its breaks tell the story
}

// TimelineRecorder is a sim.Tracer that keeps the records of one window of
// a run, and the lanes' states at the window's start.
type TimelineRecorder struct {
	win    traceWindow
	events []sim.TraceEvent
}

// NewTimelineRecorder records the part of a run of cfg that falls in win.
func NewTimelineRecorder(cfg *sim.Config, win Window) *TimelineRecorder {
	return &TimelineRecorder{win: newTraceWindow(cfg, win)}
}

// Trace keeps e if it falls in the window.
func (r *TimelineRecorder) Trace(e sim.TraceEvent) {
	if r.win.see(e) {
		r.events = append(r.events, e)
	}
}

// Timeline is what the recorder saw of replication rep of cfg, whose
// run returned res.
func (r *TimelineRecorder) Timeline(cfg *sim.Config, rep int, res *sim.Result) *Timeline {
	return &Timeline{Config: cfg, Rep: rep, Window: r.win.win, Start: r.win.startStates(), Events: r.events, Result: res}
}

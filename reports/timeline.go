package reports

import (
	"time"

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

// MaxTimelineRecords is the most records a timeline window may hold: ten
// for every pixel column of the widest picture (MaxTimelineWidth). Past that
// the marks merge into a smear that shows nothing a narrower window would
// not, and the run's records would only cost memory and time.
const MaxTimelineRecords = 100_000

// TimelineRecorder is a sim.Tracer that keeps the records of one window of
// a run, and the lanes' states at the window's start. It keeps at most
// MaxTimelineRecords; Overflow tells whether the window held more.
type TimelineRecorder struct {
	win      traceWindow
	events   []sim.TraceEvent
	overflow bool
	beyond   time.Duration // the time of the first record not kept
}

// NewTimelineRecorder records the part of a run of cfg that falls in win.
func NewTimelineRecorder(cfg *sim.Config, win Window) *TimelineRecorder {
	return &TimelineRecorder{win: newTraceWindow(cfg, win)}
}

// Trace keeps e if it falls in the window.
func (r *TimelineRecorder) Trace(e sim.TraceEvent) {
	if !r.win.see(e) {
		return
	}
	if len(r.events) == MaxTimelineRecords {
		if !r.overflow {
			r.overflow, r.beyond = true, e.At
		}
		return
	}
	r.events = append(r.events, e)
}

// Overflow reports whether the window held more than MaxTimelineRecords
// records, and if so the time of the first one beyond them: a window from
// its start to before then fits.
func (r *TimelineRecorder) Overflow() (beyond time.Duration, overflow bool) {
	return r.beyond, r.overflow
}

// Timeline is what the recorder saw of replication rep of cfg, whose
// run returned res.
func (r *TimelineRecorder) Timeline(cfg *sim.Config, rep int, res *sim.Result) *Timeline {
	return &Timeline{Config: cfg, Rep: rep, Window: r.win.win, Start: r.win.startStates(), Events: r.events, Result: res}
}

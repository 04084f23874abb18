package timeline

import (
	"time"

	"pingtune/reports/trace"
	"pingtune/sim"
)

// Timeline is one replication seen through a window of time, ready to draw
// with WritePNG or Write. Build it with a Recorder attached to the
// replication's run.
type Timeline struct {
	Config *sim.Config
	Rep    int
	Window trace.Window
	Start  trace.LaneStates // every lane's state at Window.From
	Events []sim.TraceEvent // the records inside the window, in time order
	Result *sim.Result      // the replication's result; its breaks tell the story
}

// MaxRecords is the most records a timeline window may hold: ten
// for every pixel column of the widest picture (MaxWidth). Past that
// the marks merge into a smear that shows nothing a narrower window would
// not, and the run's records would only cost memory and time.
const MaxRecords = 100_000

// Recorder is a sim.Tracer that keeps the records of one window of
// a run, and the lanes' states at the window's start. It keeps at most
// MaxRecords; Overflow tells whether the window held more.
type Recorder struct {
	win      trace.Filter
	events   []sim.TraceEvent
	overflow bool
	beyond   time.Duration // the time of the first record not kept
}

// NewRecorder records the part of a run of cfg that falls in win.
func NewRecorder(cfg *sim.Config, win trace.Window) *Recorder {
	return &Recorder{win: trace.NewFilter(cfg, win)}
}

// Trace keeps e if it falls in the window.
func (r *Recorder) Trace(e sim.TraceEvent) {
	if !r.win.See(e) {
		return
	}
	if len(r.events) == MaxRecords {
		if !r.overflow {
			r.overflow, r.beyond = true, e.At
		}
		return
	}
	r.events = append(r.events, e)
}

// Overflow reports whether the window held more than MaxRecords
// records, and if so the time of the first one beyond them: a window from
// its start to before then fits.
func (r *Recorder) Overflow() (beyond time.Duration, overflow bool) {
	return r.beyond, r.overflow
}

// Timeline is what the recorder saw of replication rep of cfg, whose
// run returned res.
func (r *Recorder) Timeline(cfg *sim.Config, rep int, res *sim.Result) *Timeline {
	return &Timeline{Config: cfg, Rep: rep, Window: r.win.Window(), Start: r.win.Start(), Events: r.events, Result: res}
}

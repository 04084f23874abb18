package sim

import (
	"fmt"
	"time"
)

// AppState is the app's life-cycle state.
type AppState uint8

// The app states.
const (
	Foreground AppState = iota // the user is using it
	Background                 // running without the user: after leaving the foreground or a wakeup
	Suspended                  // no CPU
	Terminated                 // killed or never launched
	NumAppStates
)

// ConnState is the client's connection as the client would draw it.
type ConnState uint8

// The connection states.
const (
	ConnDown       ConnState = iota // no connection, none being made
	ConnConnecting                  // a connect attempt in flight
	ConnUp                          // open on the client and working end to end
	ConnBroken                      // open on the client but dead (half-open)
)

// RadioState is the radio's power state; tail stages share RadioTail.
type RadioState uint8

// The radio states.
const (
	RadioIdle RadioState = iota
	RadioPromotion
	RadioActive
	RadioTail
	NumRadioStates
)

// Lane is one of the things whose state a trace follows.
type Lane uint8

// The lanes, in the order a timeline draws them.
const (
	LaneApp     Lane = iota // AppState
	LaneTask                // 0 none, 1 a background task held
	LanePath                // 0 up, 1 down
	LaneNAT                 // 0 mapped, 1 no mapping (or no NAT)
	LaneServer              // 0 up, 1 down
	LaneSession             // 0 the server holds a session, 1 none
	LaneConn                // ConnState
	LaneRadio               // RadioState
	NumLanes
)

var laneNames [NumLanes]string = [...]string{"app", "task", "path", "nat", "server", "session", "conn", "radio"}

func (l Lane) String() string { return laneNames[l] }

var stateNames [NumLanes][]string = [...][]string{
	LaneApp:     {"foreground", "background", "suspended", "terminated"},
	LaneTask:    {"none", "held"},
	LanePath:    {"up", "down"},
	LaneNAT:     {"mapped", "none"},
	LaneServer:  {"up", "down"},
	LaneSession: {"open", "none"},
	LaneConn:    {"down", "connecting", "up", "broken"},
	LaneRadio:   {"idle", "promotion", "active", "tail"},
}

// StateNames lists the names of a lane's states, by value.
func (l Lane) StateNames() []string { return stateNames[l] }

// StateName names state s of lane l.
func (l Lane) StateName(s uint8) string { return stateNames[l][s] }

// legal lists, per lane, the transitions the model may make: [from][to].
// Anything else is a bug and panics (see setState). A tail stage may move to
// the next stage or restart, hence RadioTail → RadioTail.
var legal [NumLanes][][]bool = [...][][]bool{
	LaneApp: {
		Foreground: {Background: true},
		Background: {Foreground: true, Suspended: true, Terminated: true},
		Suspended:  {Foreground: true, Background: true},
		Terminated: {Foreground: true, Background: true},
	},
	LaneTask:    {{1: true}, {0: true}},
	LanePath:    {{1: true}, {0: true}},
	LaneNAT:     {{1: true}, {0: true}},
	LaneServer:  {{1: true}, {0: true}},
	LaneSession: {{1: true}, {0: true}},
	LaneConn: {
		ConnDown:       {ConnConnecting: true},
		ConnConnecting: {ConnUp: true, ConnDown: true},
		ConnUp:         {ConnBroken: true, ConnDown: true},
		ConnBroken:     {ConnDown: true},
	},
	LaneRadio: {
		RadioIdle:      {RadioPromotion: true, RadioActive: true},
		RadioPromotion: {RadioActive: true, RadioTail: true}, // → tail: a cell update onto the shared channel
		RadioActive:    {RadioTail: true, RadioIdle: true},
		RadioTail:      {RadioActive: true, RadioTail: true, RadioIdle: true, RadioPromotion: true},
	},
}

// clock follows one lane's state and the time spent in each.
type clock struct {
	state uint8
	since time.Duration
	total [4]time.Duration
}

// close adds the time since the last change, up to now, to the current state.
func (c *clock) close(now time.Duration) {
	c.total[c.state] += now - c.since
	c.since = now
}

// setState moves lane l to state to at the current time, checking that the
// model allows the transition, and reports it to the tracer. Setting the
// state a lane is already in does nothing, except for the radio's tail stages.
func (w *World) setState(l Lane, to uint8) {
	c := &w.lanes[l]
	from := c.state
	if from == to && !(l == LaneRadio && to == uint8(RadioTail)) {
		return
	}
	if !legal[l][from][to] {
		w.illegal(l, from, to)
	}
	c.close(w.now())
	c.state = to
	if w.tracer != nil {
		w.traceState(l, from, to)
	}
}

// illegal panics on a transition the model does not allow: a bug.
func (w *World) illegal(l Lane, from, to uint8) {
	panic(invariantError(fmt.Sprintf("illegal %s transition %s → %s at %v",
		l, l.StateName(from), l.StateName(to), w.now())))
}

// traceState reports a state change to the tracer.
func (w *World) traceState(l Lane, from, to uint8) {
	e := TraceEvent{Kind: TraceState, Lane: l, From: from, To: to}
	if l == LaneRadio {
		e.ID = int64(w.radio.stage)
	}
	w.emit(e)
}

// state is the current state of lane l.
func (w *World) state(l Lane) uint8 { return w.lanes[l].state }

func (w *World) appState() AppState { return AppState(w.lanes[LaneApp].state) }

// invariantError is a broken model rule: a bug in pingtune, never bad input.
type invariantError string

func (e invariantError) Error() string { return "invariant violated: " + string(e) }

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
	// The device states and Doze, which only an Android platform moves
	// (device_state.go, doze.go); on other platforms they rest in state 0.
	LaneScreen   // 0 off, 1 on
	LaneMotion   // 0 stationary, 1 moving
	LaneCharging // 0 on battery, 1 charging
	LaneDoze     // DozeState: deep Doze
	LaneLight    // LightState: light Doze
	NumLanes
)

// DozeState is deep Doze's state (DeviceIdleController's STATE_*).
type DozeState uint8

// The deep Doze states.
const (
	DozeActive      DozeState = iota // screen on or charging
	DozeInactive                     // screen off on battery, waiting out the inactive timeout
	DozeIdlePending                  // waiting to see the device stay put
	DozeSensing                      // the accelerometer checks for motion
	DozeLocating                     // a location fix
	DozeIdle                         // deep idle: network, wakelocks and alarms held back
	DozeMaintenance                  // a maintenance window between idle periods
	NumDozeStates
)

// LightState is light Doze's state (DeviceIdleController's LIGHT_STATE_*).
type LightState uint8

// The light Doze states.
const (
	LightActive      LightState = iota // screen on or charging
	LightInactive                      // screen off, waiting to go light idle
	LightIdle                          // light idle: network held back
	LightMaintenance                   // a light maintenance window
	LightOverride                      // deep Doze is idle and rules instead
	NumLightStates
)

// AndroidOnly reports whether only an Android platform moves lane l.
func (l Lane) AndroidOnly() bool { return l >= LaneScreen }

var laneNames [NumLanes]string = [...]string{"app", "task", "path", "nat", "server", "session", "conn", "radio",
	"screen", "motion", "charging", "doze", "light_doze"}

func (l Lane) String() string { return laneNames[l] }

var stateNames [NumLanes][]string = [...][]string{
	LaneApp:      {"foreground", "background", "suspended", "terminated"},
	LaneTask:     {"none", "held"},
	LanePath:     {"up", "down"},
	LaneNAT:      {"mapped", "none"},
	LaneServer:   {"up", "down"},
	LaneSession:  {"open", "none"},
	LaneConn:     {"down", "connecting", "up", "broken"},
	LaneRadio:    {"idle", "promotion", "active", "tail"},
	LaneScreen:   {"off", "on"},
	LaneMotion:   {"stationary", "moving"},
	LaneCharging: {"battery", "charging"},
	LaneDoze:     {"active", "inactive", "idle_pending", "sensing", "locating", "idle", "maintenance"},
	LaneLight:    {"active", "inactive", "idle", "maintenance", "override"},
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
	LaneScreen:   {{1: true}, {0: true}},
	LaneMotion:   {{1: true}, {0: true}},
	LaneCharging: {{1: true}, {0: true}},
	// Deep Doze steps forward one state at a time; the screen or the
	// charger makes it active from anywhere, and motion sends it back to
	// inactive from any state that watches for motion (doze.go).
	LaneDoze: {
		DozeActive:      {DozeInactive: true},
		DozeInactive:    {DozeActive: true, DozeIdlePending: true},
		DozeIdlePending: {DozeActive: true, DozeInactive: true, DozeSensing: true},
		DozeSensing:     {DozeActive: true, DozeInactive: true, DozeLocating: true},
		DozeLocating:    {DozeActive: true, DozeInactive: true, DozeIdle: true},
		DozeIdle:        {DozeActive: true, DozeInactive: true, DozeMaintenance: true},
		DozeMaintenance: {DozeActive: true, DozeInactive: true, DozeIdle: true},
	},
	LaneLight: {
		LightActive:      {LightInactive: true},
		LightInactive:    {LightActive: true, LightIdle: true, LightOverride: true},
		LightIdle:        {LightActive: true, LightInactive: true, LightMaintenance: true, LightOverride: true},
		LightMaintenance: {LightActive: true, LightInactive: true, LightIdle: true, LightOverride: true},
		LightOverride:    {LightActive: true, LightInactive: true},
	},
}

// maxLaneStates is the most states a lane has (deep Doze's).
const maxLaneStates = int(NumDozeStates)

// clock follows one lane's state and the time spent in each.
type clock struct {
	state uint8
	since time.Duration
	total [maxLaneStates]time.Duration
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

package sim

import "time"

// TraceKind is what a trace record reports.
type TraceKind uint8

// The trace record kinds. TraceState is a lane changing state; the others are
// things that happened.
const (
	TraceState             TraceKind = iota // Lane went From → To (ID: the tail stage for the radio)
	TraceWakeup                             // a suspended app got CPU; Cause is a WakeCause
	TraceKeepalive                          // the platform's keepalive handler fired
	TracePingSent                           // ID: connection
	TracePongReceived                       // Latency: round trip as the app saw it
	TracePingTimeout                        // no pong within the timeout
	TraceConnectStart                       // ID: the new connection
	TraceConnectOK                          // ID: connection
	TraceConnectFail                        // ID: connection
	TraceBreak                              // a connection died; Cause is a break Cause, ID the connection
	TraceDetectClient                       // the client learned of the break; Cause, Latency
	TraceDetectServer                       // the server learned of the break; Cause, Latency
	TraceRecover                            // a connection is up again after a break; Cause, Latency
	TracePushSent                           // ID: push
	TracePushQueued                         // the server holds it until the client reconnects
	TracePushDelivered                      // ID: push; Latency: send to delivery
	TracePushLost                           // ID: push; sent into a dead connection
	TracePushDropped                        // the client was offline (when_offline: drop)
	TraceKill                               // the watchdog killed the app
	TraceRelaunch                           // the platform relaunched the app
	TraceUserOpen                           // the user opened the app (ID: session length in ns)
	TraceNATExpired                         // the NAT dropped the mapping
	TraceServerIdleTimeout                  // the server's idle timer closed the session
	TraceServerRestart                      // Cause: 0 graceful, 1 silent
	TraceHandover                           // the device's IP changed
	TraceHorizon                            // the horizon: costs stop, the generators stop, the drain begins
	TraceInterval                           // the policy changed the background interval; Latency: the new interval
	TraceAlarmDeferred                      // Doze held the heartbeat alarm back; Latency: until the while-idle limit allows it (0: the maintenance window)
	TraceAllowlist                          // the app went on Doze's temporary allowlist; Latency: for how long
	TraceFCMSent                            // the server sent the push through FCM; ID: push
	TraceFCMHeld                            // a normal-priority FCM message waits for Doze's maintenance window; ID: push
	TraceSocketKilled                       // Android destroyed the app's socket (a Doze idle entry, the freezer); ID: connection
	NumTraceKinds
)

var traceKindNames [NumTraceKinds]string = [...]string{
	"state", "wakeup", "keepalive", "ping_sent", "pong_received", "ping_timeout",
	"connect_start", "connect_ok", "connect_fail", "break", "detect_client", "detect_server",
	"recover", "push_sent", "push_queued", "push_delivered", "push_lost", "push_dropped",
	"kill", "relaunch", "user_open", "nat_expired", "server_idle_timeout", "server_restart", "handover", "horizon",
	"interval", "alarm_deferred", "allowlist", "fcm_sent", "fcm_held", "socket_killed",
}

func (k TraceKind) String() string { return traceKindNames[k] }

// TraceEvent is one record of a traced replication. Which fields mean
// something depends on Kind (see the TraceKind constants).
type TraceEvent struct {
	At      time.Duration
	Kind    TraceKind
	Lane    Lane
	From    uint8
	To      uint8
	Cause   uint8
	Latency time.Duration
	Via     Via // detect_client, detect_server: how that side learned
	ID      int64
	EnergyJ float64 // radio and CPU energy used so far
}

// Tracer receives a replication's events in time order. Run calls it only
// when one is attached, so a run without a tracer pays nothing for tracing.
type Tracer interface {
	Trace(TraceEvent)
}

// emit stamps e with the time and the energy so far and hands it to the tracer.
func (w *World) emit(e TraceEvent) {
	e.At = w.now()
	e.EnergyJ = w.energySoFar()
	w.tracer.Trace(e)
}

// event reports a happening of kind k if a tracer is attached.
func (w *World) event(k TraceKind, cause uint8, latency time.Duration, id int64) {
	if w.tracer != nil {
		w.emit(TraceEvent{Kind: k, Cause: cause, Latency: latency, ID: id})
	}
}

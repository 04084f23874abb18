package sim

import (
	"time"

	"pingtune/stats/hist"
)

// WakeCause is why a suspended app got CPU.
type WakeCause uint8

// The wakeup causes.
const (
	WakeKeepalive WakeCause = iota // the platform's keepalive handler
	WakeSocket                     // data, EOF or an error on the VoIP socket
	WakePush                       // a server push arrived
	WakeUser                       // the user opened the app
	NumWakeCauses
)

// Names by value. Every table indexed by a cause is declared with the
// cause count as its length and a literal of its own length, so that a
// cause added to the list above fails to compile until each table has it.
var wakeCauseNames [NumWakeCauses]string = [...]string{"keepalive", "socket", "push", "user"}

func (c WakeCause) String() string { return wakeCauseNames[c] }

// Cause is why a connection broke.
type Cause uint8

// The break causes.
const (
	CauseWifi            Cause = iota // the network path went down
	CauseHandover                     // the device's IP changed
	CauseNAT                          // a NAT forgot the idle mapping
	CauseServerGraceful               // the server restarted and said so
	CauseServerSilent                 // the server vanished (host loss, failover)
	CauseKill                         // the watchdog killed the app
	CauseServerIdle                   // the server's idle timeout closed a live connection
	CauseSocketDestroyed              // Android destroyed the app's socket: a Doze idle entry or the freezer (doze_rules.go)
	NumCauses
)

var causeNames [NumCauses]string = [...]string{"wifi", "handover", "nat", "server_graceful", "server_silent", "kill", "server_idle", "socket_destroyed"}

func (c Cause) String() string { return causeNames[c] }

// SelfInflicted reports whether the heartbeat interval itself causes breaks
// of this kind (too long for a NAT's or the server's idle timeout).
func (c Cause) SelfInflicted() bool { return c == CauseNAT || c == CauseServerIdle }

// CauseNames lists the break causes as results name them.
func CauseNames() []string { return causeNames[:] }

// WakeCauseNames lists the wakeup causes as results name them.
func WakeCauseNames() []string { return wakeCauseNames[:] }

// Via is how one side learned that its connection was dead.
type Via uint8

// The ways of learning of a break.
const (
	ViaNone        Via = iota // not (yet) learned
	ViaPingTimeout            // client: its ping went unanswered for the timeout
	ViaInterface              // client: the OS reported the interface down
	ViaIPChange               // client: the OS reported the IP change (handover)
	ViaReset                  // client: a FIN or RST from the server (restart, idle close, a ping to a lost session)
	ViaKill                   // client: the app was killed with it
	ViaIdleTimeout            // server: nothing from the client for the idle timeout
	ViaRestart                // server: it restarted and lost its sessions
	ViaTakeover               // server: the client connected again, replacing the session
	ViaFIN                    // server: the client's FIN or RST arrived
	NumVias
)

var viaNames [NumVias]string = [...]string{"", "ping_timeout", "interface_down", "ip_change", "reset", "kill", "idle_timeout", "restart", "takeover", "fin"}

func (v Via) String() string { return viaNames[v] }

// Unresolved marks a latency the horizon cut short (censored).
const Unresolved time.Duration = -1

// Break is one broken connection and what became of it. Each latency is
// measured from At, or is Unresolved when the run ended first.
type Break struct {
	Cause   Cause
	At      time.Duration
	Client  time.Duration // until the client knew
	Server  time.Duration // until the server knew
	Recover time.Duration // until a connection was up again

	ClientVia Via // how the client learned of it (ViaNone while unresolved)
	ServerVia Via // how the server learned of it
}

// PushCounts accounts for every push the server sent:
// Sent = Delivered + Lost + Dropped + Pending.
type PushCounts struct {
	Sent      int
	Delivered int
	Lost      int // sent into a connection that was dead
	Dropped   int // the client was offline and the server drops (when_offline: drop)
	Pending   int // still queued at the server, in flight, or unread on the device at the end
}

// Result is what one replication measured. Costs and counters cover the
// horizon; the latencies of breaks and pushes that began by the horizon
// include what the drain after it observed (see drain.go).
type Result struct {
	Rep     int
	Horizon time.Duration
	// End is when the run stopped: the horizon, or later when the drain
	// played on to see open breaks resolved. A latency still Unresolved was
	// censored at End.
	End    time.Duration
	Events int64 // engine events processed, the drain's included

	Counters
	RadioJ  float64
	CPUJ    float64
	CPUTime time.Duration // awake in the background (not foreground)
	UpTime  time.Duration // the connection was up end to end
	// BrokenTime is how long the client held a dead connection it believed
	// up: detection latency summed over the breaks of the horizon (to End for
	// a censored one), whatever the number of breaks.
	BrokenTime time.Duration

	AppTime   [NumAppStates]time.Duration
	RadioTime [NumRadioStates]time.Duration // tail stages summed into RadioTail

	Breaks []Break
	Pushes PushCounts
	// PushLatency holds the time from sending to delivery of each delivered
	// push, in nanoseconds, as a histogram (each within hist.RelativeError):
	// memory that does not grow with the push rate.
	PushLatency hist.Histogram

	// The heartbeat policy (policy.go): the background interval over the
	// horizon, a span from each change, and when the policy first settled
	// (Unresolved: not by the horizon; 0 for a fixed interval).
	Intervals []IntervalSpan
	SettledAt time.Duration
	// The network this replication drew (fleet.go): the NAT's idle timeout
	// at the start (0: no NAT) and the server's (0: none).
	NATIdle, ServerIdle time.Duration
}

// Counters are the things a replication counts up to the horizon.
type Counters struct {
	Wakeups       [NumWakeCauses]int
	Promotions    int // idle → promotion transitions of the radio
	Kills         int
	Relaunches    int
	Pings         int
	Pongs         int
	PingTimeouts  int // pings that went unanswered, including on healthy connections
	FalseTimeouts int // unanswered pings on a connection that was in fact up
	Connects      int // connect attempts
	ConnectFails  int
}

// SelfBreaks counts the breaks the interval caused itself: a NAT that forgot
// an idle mapping, or a server idle timeout that closed a live connection.
func (r *Result) SelfBreaks() int {
	n := 0
	for _, b := range r.Breaks {
		if b.Cause.SelfInflicted() {
			n++
		}
	}
	return n
}

// Wakeup returns the total number of wakeups from suspended.
func (r *Result) Wakeup() int {
	n := 0
	for _, w := range r.Wakeups {
		n += w
	}
	return n
}

// EnergyJ is radio plus CPU energy above the idle baseline.
func (r *Result) EnergyJ() float64 { return r.RadioJ + r.CPUJ }

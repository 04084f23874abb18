package sim

import (
	"fmt"
	"time"
)

// Config is one fully resolved scenario: every preset expanded, every default
// filled in, every multiple still symbolic so that the interval can change.
// scenarios.Load builds it from YAML; Validate checks what the model relies on.
type Config struct {
	Name         string
	Horizon      time.Duration // simulated time per replication
	Replications int
	Seed         uint64
	MaxEvents    int64 // events per replication before the run is an error

	Platform Platform
	App      App
	User     User
	Network  Network
	Server   Server
	Radio    Radio
	Device   Device
	Events   []ScriptedEvent // replayed in every replication
}

// Platform is how the OS treats a background app.
type Platform struct {
	Name string // the preset it came from, for reports
	// Kind is the family of rules the platform runs (android.go): the iOS
	// keepalive handler and background tasks, or Android's alarms and Doze.
	Kind PlatformKind

	// AlwaysAwake: the app is never suspended (an embedded or mains-powered
	// device); pings are timer-driven and CPU energy is the baseline.
	AlwaysAwake bool
	// Keepalive: the platform offers a keepalive handler (setKeepAliveTimeout);
	// without one a suspended app sends no pings at all.
	Keepalive            bool
	KeepaliveMin         time.Duration // shorter intervals are clamped to it
	KeepaliveEarly       Dist          // how long before the interval the handler fires
	WakeupBudget         time.Duration // CPU a wakeup gives without a background task
	BackgroundTaskLimit  time.Duration // CPU a background task gives
	EnterBackgroundGrace time.Duration // CPU after leaving the foreground
	ExpiryWarning        time.Duration // the expiration handler runs this long before the limit
	WakeOnSocketData     bool          // data on the VoIP socket wakes a suspended app
	WakeOnSocketClose    bool          // EOF, error or interface loss wakes a suspended app
	RelaunchAfterKill    bool
	RelaunchDelay        time.Duration
	// Android: the rules of an Android platform (Kind KindAndroid).
	Android Android
}

// TaskPolicy is how the app uses background tasks around each wakeup.
type TaskPolicy uint8

// The background task policies.
const (
	EndWhenDone TaskPolicy = iota // end after the pong or reconnect, and in the expiration handler
	EndOnExpiry                   // hold the CPU until the expiration handler
	Leak                          // never end it: the watchdog kills the app
	NoTask                        // begin none: each wakeup lasts its budget (task_policy.go)
	Overwrite                     // end_when_done with one task id: a task begun while one is held leaks it (task_policy.go)
)

var taskPolicyNames = [...]string{"end_when_done", "end_on_expiry", "leak", "none", "overwrite"}

func (p TaskPolicy) String() string {
	if int(p) < len(taskPolicyNames) {
		return taskPolicyNames[p]
	}
	return fmt.Sprintf("TaskPolicy(%d)", p)
}

// TaskPolicies lists the policy names as the YAML writes them.
func TaskPolicies() []string { return taskPolicyNames[:] }

// App is the app's heartbeat and reconnect logic.
type App struct {
	Interval           time.Duration // T, the knob under study
	ForegroundInterval time.Duration // 0: the same as Interval
	Timeout            time.Duration // wait for a pong, or for a connect
	BackgroundTask     TaskPolicy
	Reconnect          Backoff
	Policy             Policy    // how the background interval moves (policy.go); fixed: Interval
	Alarm              AlarmKind // Android: how the heartbeat alarm is set (android.go)
}

// Backoff is the reconnect schedule: Initial, then multiplied each failure up
// to Max, each delay spread by ±Jitter (a fraction).
type Backoff struct {
	Initial    time.Duration
	Max        time.Duration
	Multiplier float64
	Jitter     float64
}

// User is how often the user opens the app.
type User struct {
	SessionsPerDay float64 // Poisson; 0: never
	SessionLength  Dist
}

// Network is the path between the device and the server.
type Network struct {
	RTT            Dist
	ConnectTime    Dist
	NATIdleTimeout time.Duration // 0: no NAT
	// NATIdleFleet, when set, replaces NATIdleTimeout with a draw per
	// replication (a fleet of users behind different NATs; fleet.go).
	NATIdleFleet *Dist
	// RedrawOnHandover: a handover moves the device to a new NAT, drawn
	// again from NATIdleFleet.
	RedrawOnHandover bool
	Outages          *Outages   // nil: none
	Handovers        *Handovers // nil: none
}

// Outages are losses of the network path (Wi-Fi drops, tunnels).
type Outages struct {
	Every         Dist // time between the end of one outage and the start of the next
	Duration      Dist
	SignalsClient bool // the OS tells the socket at once (interface gone)
}

// Handovers are IP changes: the connection dies, the path stays up, the client is told.
type Handovers struct {
	Every Dist
}

// RestartKind is how a server restart looks to its clients.
type RestartKind uint8

// The restart kinds.
const (
	Graceful RestartKind = iota // the server sends FIN/RST
	Silent                      // host loss, failover, partition: nothing is sent
)

func (k RestartKind) String() string {
	if k == Silent {
		return "silent"
	}
	return "graceful"
}

// Server is the far end of the connection.
type Server struct {
	// IdleTimeout is a fixed idle timeout; IdleTimeoutMultiple, when non-zero,
	// overrides it with that multiple of the effective interval (MQTT: 1.5).
	// Both zero: the server never times a client out.
	IdleTimeout         time.Duration
	IdleTimeoutMultiple float64
	IdleTimeoutFleet    *Dist     // when set, replaces IdleTimeout with a draw per replication (fleet.go)
	Restarts            *Restarts // nil: none
	Pushes              *Pushes   // nil: none
}

// Restarts is the server restart generator.
type Restarts struct {
	Every    Dist // time between the end of one downtime and the next restart
	Downtime Dist
	Kind     RestartKind
}

// Pushes are server-to-device messages.
type Pushes struct {
	PerHour     float64 // Poisson rate
	DropOffline bool    // false: queue while the client is offline and deliver on reconnect
	FCM         *FCM    // nil: no fallback; else pushes for an offline client go through FCM (fcm.go)
}

// FCM is Firebase Cloud Messaging as the server's fallback for a client it
// holds no session for (fcm.go).
type FCM struct {
	High    bool // high priority: delivered in Doze, with a temporary allowlist
	Latency Dist // from the server's send to the device
}

// Radio is the radio's power state machine; powers are above the idle baseline.
type Radio struct {
	Name           string
	Promotion      time.Duration
	PromotionPower float64 // W
	ActivePower    float64 // W
	Tail           []TailStage
	// SmallPackets, when set, carries small packets (pings, pongs, pushes)
	// on a shared low-rate channel (3G CELL_FACH) instead of promoting to
	// the dedicated one; nil: every packet promotes. See radio_small.go.
	SmallPackets *SmallPackets
	// PagingCycle is how often a sleeping radio (idle, or in a paging stage
	// after the shared one) listens for pages: a packet for it waits
	// U(0, PagingCycle) for the next paging occasion, then the promotion.
	// 0: it is reached at once. See paging.go.
	PagingCycle time.Duration
}

// SmallPackets is the shared-channel path of a radio (3G CELL_FACH): a small
// packet that finds the radio idle or in a tail stage after Stage is carried
// by entering tail stage Stage (taking Promotion at PromotionPower: a cell
// update, or a connection setup from idle), and the radio then runs that
// stage's timer from the end of the exchange. The stages after Stage are
// paging states (CELL_PCH, URA_PCH). Only a connect (with its TLS or login
// exchange, several kilobytes) uses the dedicated path.
type SmallPackets struct {
	Stage          int           // the tail stage that carries small packets
	Promotion      time.Duration // to enter that stage from idle or a later stage
	PromotionPower float64       // W
}

// TailStage is one inactivity stage after the last packet.
type TailStage struct {
	For   time.Duration
	Power float64 // W
}

// Device holds the battery and the CPU's cost.
type Device struct {
	BatteryMAh float64
	Voltage    float64
	CPUPower   float64 // W while awake in the background

	// The device states Android's Doze follows (device_state.go); user
	// sessions turn the screen on too. nil: never.
	Screen   *ScreenSessions // screen-on sessions without the app
	Motion   *Periods        // periods of motion
	Charging *Periods        // periods on the charger
}

// ScreenSessions are times the user turns the screen on without opening the app.
type ScreenSessions struct {
	PerDay float64 // Poisson
	Length Dist
}

// Periods is an on/off generator: Every from the end of one period to the
// start of the next, each lasting Duration.
type Periods struct {
	Every    Dist
	Duration Dist
}

// BatteryJoules is the energy in a full battery.
func (d Device) BatteryJoules() float64 { return d.BatteryMAh * 3.6 * d.Voltage }

// ScriptedKind is what a scripted event does.
type ScriptedKind uint8

// The scripted events.
const (
	ScriptNetworkDown   ScriptedKind = iota // the path is down For
	ScriptHandover                          // the IP changes
	ScriptServerRestart                     // the server restarts (Restart kind), down For
	ScriptUserOpen                          // the user opens the app For
)

// ScriptedEvent is an event replayed at a fixed time in every replication.
type ScriptedEvent struct {
	At      time.Duration
	Kind    ScriptedKind
	For     time.Duration
	Restart RestartKind
	// SignalsClient: for a network outage, whether the client is told at once.
	SignalsClient bool
}

// EffectiveInterval is the background heartbeat interval the platform really
// uses: the interval, raised to the keepalive minimum where there is one.
func (c *Config) EffectiveInterval() time.Duration {
	if floor := c.Platform.IntervalFloor(); c.App.Interval < floor {
		return floor
	}
	return c.App.Interval
}

// IntervalFloor is the shortest background interval the platform runs: its
// keepalive minimum when a suspended app is woken by a keepalive handler,
// else 0 (no clamp).
func (p *Platform) IntervalFloor() time.Duration {
	if p.Keepalive && !p.AlwaysAwake {
		return p.KeepaliveMin
	}
	return 0
}

// ForegroundInterval is the timer-driven ping interval while in the foreground.
func (c *Config) ForegroundInterval() time.Duration {
	if c.App.ForegroundInterval > 0 {
		return c.App.ForegroundInterval
	}
	return c.App.Interval
}

// ServerIdleTimeout is the server's idle timeout at this interval (0: none).
func (c *Config) ServerIdleTimeout() time.Duration {
	if c.Server.IdleTimeoutMultiple > 0 {
		return durationOf(c.Server.IdleTimeoutMultiple * float64(c.EffectiveInterval()))
	}
	return c.Server.IdleTimeout
}

// WithInterval returns a copy of c at heartbeat interval t; multiples follow.
func (c Config) WithInterval(t time.Duration) Config {
	c.App.Interval = t
	return c
}

// Warnings are the things a user should know about this configuration before
// trusting its numbers: a clamped interval, a timeout that cannot work.
func (c *Config) Warnings() []Warning {
	var w []Warning
	// A moving policy's interval is not app.heartbeat.interval, and it is
	// meant to find the NAT's and the server's timeouts: the warnings about
	// a fixed interval would mislead (fixed is false for it).
	fixed := c.App.Policy.Kind == PolicyFixed
	T, eff := c.App.Interval, c.EffectiveInterval()
	if eff != T && fixed {
		w = append(w, Warning{Kind: WarnClamped, Interval: T, Platform: c.Platform.Name, Limit: eff})
	}
	if !c.Platform.AlwaysAwake && !c.Platform.Keepalive {
		w = append(w, Warning{Kind: WarnNoKeepalive, Platform: c.Platform.Name})
	}
	if s := c.ServerIdleTimeout(); s > 0 && s <= eff && fixed {
		w = append(w, Warning{Kind: WarnServerIdle, Setting: s, Interval: eff})
	}
	late := 0
	for _, e := range c.Events {
		if e.At > c.Horizon {
			late++
		}
	}
	if late > 0 {
		w = append(w, Warning{Kind: WarnLateEvents, Count: late, Setting: c.Horizon})
	}
	w = append(w, c.policyWarnings()...)
	w = append(w, c.androidWarnings()...)
	if nat := c.Network.NATIdleTimeout; nat > 0 && nat <= eff && c.Network.NATIdleFleet == nil && fixed {
		w = append(w, Warning{Kind: WarnNATIdle, Setting: nat, Interval: eff})
	}
	return w
}

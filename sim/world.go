package sim

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"pingtune/sim/des"
)

// Event kinds of the world model.
const (
	evKeepalive      des.Kind = iota // the platform's keepalive handler fires
	evHeartbeat                      // a timer-driven ping (foreground, always-awake)
	evBudget                         // the CPU budget of a wakeup or of leaving the foreground ends
	evTaskWarn                       // the background task's expiration handler runs
	evTaskLimit                      // the background task's time is up: the watchdog
	evRelaunch                       // the platform relaunches a killed app
	evUserSession                    // the user generator opens the app
	evSessionEnd                     // the user leaves the app
	evPingTimeout                    // no pong in time (Arg: ping number)
	evConnectTimeout                 // a connect attempt gave up (Arg: connection)
	evReconnect                      // the backoff delay is over
	evUplink                         // a packet leaves the device (Arg: packet)
	evAtServer                       // a packet reaches the server
	evDownlink                       // a packet reaches the device's side of the path
	evAtDevice                       // a paged radio is ready: the packet is received
	evNATExpire                      // the NAT mapping's idle timer ran out
	evIdleTimeout                    // the server's idle timer ran out
	evOutage                         // the outage generator fires
	evPathRestore                    // the path comes back
	evHandover                       // the handover generator fires
	evRestart                        // the restart generator fires
	evServerBack                     // the server's downtime ends
	evPush                           // the push generator fires
	evScripted                       // a scripted event (Arg: index)
	evRadio                          // the radio's next state change
	// Android (doze.go, doze_rules.go, device_state.go, fcm.go).
	evDozeStep     // deep Doze's next step
	evLightStep    // light Doze's next step
	evAllowlistEnd // the temporary allowlist runs out
	evScreen       // the screen-session generator fires
	evScreenOff    // a screen session ends
	evMotion       // the motion generator fires
	evMotionEnd    // a period of motion ends
	evCharging     // the charging generator fires
	evChargingEnd  // the device leaves the charger
	evFCM          // an FCM message reaches the device (Arg: its slot)
	evFreeze       // the freezer's debounce runs out (freezer.go)
)

// generator reports whether events of kind k come from a generator or the
// script, which stop at the horizon.
func generator(k des.Kind) bool {
	switch k {
	case evUserSession, evOutage, evHandover, evRestart, evPush, evScripted, evScreen, evMotion, evCharging:
		return true
	}
	return false
}

// Options are the knobs of one run that are not part of the scenario.
type Options struct {
	Tracer Tracer // receives every event and state change; nil: no tracing
	Check  bool   // verify the model's invariants as the run goes and at its end
	// Cancel, if set, is asked every few thousand events whether to stop;
	// when it says yes, Run returns an error wrapping context.Canceled.
	Cancel func() bool
}

// World is one replication's state: the device, its app, the connection, the
// network path and the server. Run builds one, plays it to the horizon and
// returns its Result. Read app.go, conn.go, server.go, network.go and radio.go
// for the rules; this file holds the state and the event loop.
type World struct {
	cfg    *Config
	eng    des.Engine
	pcg    [numStreams]rand.PCG
	rng    [numStreams]*rand.Rand
	tracer Tracer
	check  bool
	cancel func() bool // Options.Cancel
	res    Result
	// lazyRadio: the radio's state changes are played lazily (radio_lazy.go);
	// while they play, virtual is set and now() is vnow.
	lazyRadio bool
	virtual   bool
	vnow      time.Duration

	interval    time.Duration // the effective background interval, as the policy sets it
	idleTimeout time.Duration // the server's, at this interval; 0: none
	natIdle     time.Duration // the NAT's idle timeout (fleet.go); 0: no NAT

	policy       heartbeatPolicy // policy.go
	connectedAt  time.Duration   // when the current connection was established
	pingGapAt    time.Duration   // the idle gap before the outstanding ping
	longestDrawn time.Duration   // the longest idle timeout the fleet drew

	lanes [NumLanes]clock
	phase [numPhases]float64 // where each periodic schedule starts (phase.go)

	// After the horizon (drain.go): the books of cost are closed, the
	// generators stopped, and the run waits for openSides (sides of breaks
	// not yet learned of) and the unrecovered breaks to come to zero.
	draining  bool
	books     horizonBooks
	openSides int

	// The app.
	budgetEnd      time.Duration // without a task, the app may run until then
	budgetTimer    des.Timer
	taskHeld       bool
	taskWarn       des.Timer
	taskLimit      des.Timer
	sessionEnd     des.Timer
	sessionUntil   time.Duration
	keepalive      des.Timer
	heartbeat      des.Timer
	relaunch       des.Timer
	lastPing       time.Duration
	noticePending  Via       // the socket died (and how) while the app had no CPU to hear it
	timeoutPending bool      // the ping timeout passed while suspended
	pongPending    bool      // a pong arrived while suspended without wake on data
	unread         []pushRef // pushes that arrived while the app had no CPU

	// The client's connection. conns holds every connection of the run,
	// indexed by id; cur is the client's current one (-1: none yet).
	conns       []conn
	cur         int
	pingOut     bool
	pingSeq     int64
	pingSentAt  time.Duration
	pingTimer   des.Timer
	connTimer   des.Timer
	backoff     des.Timer
	failures    int
	unrecovered []int // breaks waiting for a connection to be up again

	// The path and the NAT.
	pathDownUntil time.Duration
	pathTimer     des.Timer
	natConn       int // the connection the NAT holds a mapping for (-1: none)
	natTimer      des.Timer

	ifaceDown bool // the outage took the interface away (interface.go)
	leaked    bool // a background task whose id was overwritten is held (task_policy.go)

	// The server.
	serverDownUntil time.Duration
	serverTimer     des.Timer
	session         int // the connection the server holds a session for (-1: none)
	idleTimer       des.Timer
	queue           []pushRef // pushes queued for an offline client

	// Packets in flight.
	pkts    []packet
	freePkt []int32

	radio radio

	// Android: Doze and the device states (doze.go, device_state.go), the
	// heartbeat alarm's limits and the allowlist (doze_rules.go), FCM (fcm.go).
	dozeTimer, lightTimer        des.Timer
	dozeInactiveFor              time.Duration // the inactive timeout in force
	dozeNextIdle, dozeNextBudget time.Duration // the next idle period and maintenance budget
	lightNextIdle                time.Duration
	screenTimer, motionTimer     des.Timer
	chargingTimer, allowTimer    des.Timer
	freezeTimer                  des.Timer
	screenUntil, motionUntil     time.Duration
	chargingUntil, allowUntil    time.Duration
	alarmHeld                    bool // the heartbeat alarm waits for a maintenance window
	alarmLimited                 bool // the while-idle limit moved the heartbeat alarm later
	android                      bool // the platform runs the Android rules (Platform.IsAndroid)
	netWaiting                   bool // the app waits for Doze to unblock the network
	whileIdleLog                 []time.Duration
	whileIdleN                   int
	fcm                          []fcmMsg
	fcmFree                      []int32
	fcmInFlight                  int
	fcmHeld                      []pushRef
}

// conn is one TCP connection from the client's point of view, plus whether
// it really works end to end.
type conn struct {
	connecting bool // the client's attempt is in flight
	open       bool // the client believes it is up
	alive      bool // packets flow end to end
	pathLost   bool // the client's side is gone (interface down, IP changed): nothing crosses
	closed     bool // the client's socket is closed: arriving packets are discarded
	brk        int  // index of its break in res.Breaks, or -1
}

// Run plays replication rep of cfg to the horizon. The same config, seed and
// rep give the same Result every time, whatever else runs beside it.
func Run(cfg *Config, rep int, opt Options) (res Result, err error) {
	w := &World{}
	return w.Run(cfg, rep, opt)
}

// Run is sim.Run reusing w's memory from an earlier replication.
func (w *World) Run(cfg *Config, rep int, opt Options) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			ie, ok := r.(invariantError)
			if !ok {
				panic(r)
			}
			err = fmt.Errorf("scenario %s, replication %d: %w (a pingtune bug: please report it with the scenario)", cfg.Name, rep, ie)
		}
	}()
	w.reset(cfg, rep, opt)
	w.start()
	if err := w.play(cfg.Horizon); err != nil {
		return Result{}, err
	}
	w.radioCatchUp(w.now())
	w.closeHorizon()
	if !w.settled() {
		if err := w.play(w.latestEnd()); err != nil {
			return Result{}, err
		}
	}
	w.radioCatchUp(w.now())
	w.finish()
	if w.check {
		if err := w.checkEnd(); err != nil {
			return Result{}, fmt.Errorf("scenario %s, replication %d: %w", cfg.Name, rep, err)
		}
	}
	res = w.res
	// The World keeps its buffers for the next replication; the Result gets its own.
	res.Breaks = slices.Clone(res.Breaks)
	res.PushLatency = w.res.PushLatency.Packed()
	res.Intervals = slices.Clone(res.Intervals)
	return res, nil
}

// play runs events up to until; in the drain it stops as soon as everything
// that began by the horizon is settled.
func (w *World) play(until time.Duration) error {
	cfg := w.cfg
	for {
		if w.cancel != nil && w.eng.Fired()%cancelPoll == 0 && w.cancel() {
			return w.cancelled(w.res.Rep)
		}
		last := w.now()
		ev, ok, err := w.eng.Next(until)
		if w.check && w.now() < last {
			return fmt.Errorf("scenario %s, replication %d: %w", cfg.Name, w.res.Rep,
				invariantError(fmt.Sprintf("time went back from %v to %v", last, w.now())))
		}
		if err != nil {
			if errors.Is(err, des.ErrMaxEvents) {
				return fmt.Errorf("scenario %s, replication %d: stopped at %v of %v after max_events = %d events; raise max_events or shorten the horizon",
					cfg.Name, w.res.Rep, w.now(), cfg.Horizon, cfg.MaxEvents)
			}
			return err
		}
		if !ok {
			return nil
		}
		w.dispatch(ev)
		w.settle()
		if w.check && w.android {
			w.checkDevice() // device_state.go
		}
		if w.draining && w.settled() {
			return nil
		}
	}
}

func (w *World) now() time.Duration {
	if w.virtual {
		return w.vnow
	}
	return w.eng.Now()
}

func (w *World) reset(cfg *Config, rep int, opt Options) {
	w.cfg = cfg
	w.eng.Reset(cfg.MaxEvents)
	for s := stream(1); s < numStreams; s++ {
		seedStream(&w.pcg[s], cfg.Seed, rep, s)
		if w.rng[s] == nil {
			w.rng[s] = rand.New(&w.pcg[s])
		}
	}
	w.tracer, w.check, w.cancel = opt.Tracer, opt.Check, opt.Cancel
	w.lazyRadio, w.virtual = opt.Tracer == nil, false
	breaks, lat, spans := w.res.Breaks[:0], w.res.PushLatency, w.res.Intervals[:0]
	lat.Reset()
	w.res = Result{Rep: rep, Horizon: cfg.Horizon, Breaks: breaks, PushLatency: lat, Intervals: spans}
	w.drawFleet()
	w.startPolicy()
	w.connectedAt, w.pingGapAt = 0, 0
	w.lanes = [NumLanes]clock{}
	w.drawPhases()
	w.draining, w.books, w.openSides = false, horizonBooks{}, 0
	w.budgetEnd, w.taskHeld, w.sessionUntil, w.lastPing = 0, false, 0, 0
	w.noticePending, w.timeoutPending, w.pongPending = ViaNone, false, false
	w.unread = w.unread[:0]
	w.conns = w.conns[:0]
	w.cur, w.pingOut, w.pingSeq, w.failures = -1, false, 0, 0
	w.unrecovered = w.unrecovered[:0]
	w.pathDownUntil, w.serverDownUntil, w.ifaceDown, w.leaked = 0, 0, false, false
	w.natConn, w.session = -1, -1
	w.queue = w.queue[:0]
	w.pkts, w.freePkt = w.pkts[:0], w.freePkt[:0]
	w.radio = radio{}
	// Every timer handle refers to the previous run's engine state: clear them.
	w.budgetTimer, w.taskWarn, w.taskLimit, w.sessionEnd = des.Timer{}, des.Timer{}, des.Timer{}, des.Timer{}
	w.keepalive, w.heartbeat, w.relaunch = des.Timer{}, des.Timer{}, des.Timer{}
	w.pingTimer, w.connTimer, w.backoff = des.Timer{}, des.Timer{}, des.Timer{}
	w.pathTimer, w.natTimer, w.serverTimer, w.idleTimer = des.Timer{}, des.Timer{}, des.Timer{}, des.Timer{}
	w.dozeTimer, w.lightTimer, w.screenTimer, w.motionTimer = des.Timer{}, des.Timer{}, des.Timer{}, des.Timer{}
	w.chargingTimer, w.allowTimer, w.freezeTimer = des.Timer{}, des.Timer{}, des.Timer{}
	w.dozeInactiveFor, w.dozeNextIdle, w.dozeNextBudget, w.lightNextIdle = 0, 0, 0, 0
	w.screenUntil, w.motionUntil, w.chargingUntil, w.allowUntil = 0, 0, 0, 0
	w.alarmHeld, w.alarmLimited, w.netWaiting, w.whileIdleN = false, false, false, 0
	w.android = cfg.Platform.IsAndroid()
	w.fcm, w.fcmFree, w.fcmInFlight, w.fcmHeld = w.fcm[:0], w.fcmFree[:0], 0, w.fcmHeld[:0]
}

// start sets up time zero: the app was launched earlier, connected, and has
// just been suspended in the background; the NAT and the server saw its last
// packet now. The generators schedule their first events.
func (w *World) start() {
	cfg := w.cfg
	w.lanes[LaneNAT].state = 1
	w.lanes[LaneSession].state = 1
	if cfg.Platform.AlwaysAwake {
		w.lanes[LaneApp].state = uint8(Background)
		w.eng.Set(&w.heartbeat, w.phased(phaseHeartbeat, w.interval), evHeartbeat, 0)
	} else {
		w.lanes[LaneApp].state = uint8(Suspended)
		if cfg.Platform.Keepalive {
			w.eng.Set(&w.keepalive, w.phased(phaseKeepalive, w.interval), evKeepalive, 0)
		}
	}
	id := w.newConn()
	c := &w.conns[id]
	c.open, c.alive = true, true
	w.openSession(id)
	w.natCross(id, true)
	w.lanes[LaneConn].state = uint8(ConnUp)

	if u := cfg.User; u.SessionsPerDay > 0 {
		w.eng.At(w.userGap(), evUserSession, 0)
	}
	if o := cfg.Network.Outages; o != nil {
		w.eng.At(w.firstArrival(phaseOutages, o.Every, streamOutages), evOutage, 0)
	}
	if h := cfg.Network.Handovers; h != nil {
		w.eng.At(w.firstArrival(phaseHandovers, h.Every, streamHandovers), evHandover, 0)
	}
	if r := cfg.Server.Restarts; r != nil {
		w.eng.At(w.firstArrival(phaseRestarts, r.Every, streamRestarts), evRestart, 0)
	}
	if p := cfg.Server.Pushes; p != nil && p.PerHour > 0 {
		w.eng.At(w.pushGap(), evPush, 0)
	}
	for i, e := range cfg.Events {
		if e.At <= cfg.Horizon {
			w.eng.At(e.At, evScripted, int64(i))
		}
	}
	if w.android {
		w.startAndroid()
	}
}

func (w *World) dispatch(ev des.Event) {
	if w.lazyRadio && w.radio.due && w.radio.next <= ev.At {
		w.radioCatchUp(ev.At)
	}
	if w.draining && generator(ev.Kind) {
		return // the generators stop at the horizon
	}
	switch ev.Kind {
	case evKeepalive:
		w.onKeepalive()
	case evHeartbeat:
		w.onHeartbeat()
	case evBudget:
		// settle, which runs after every event, suspends the app if it has
		// no task and its budget is over.
	case evTaskWarn:
		w.onTaskWarning()
	case evTaskLimit:
		w.onTaskLimit()
	case evRelaunch:
		w.onRelaunch()
	case evUserSession:
		w.onUserSession()
	case evSessionEnd:
		w.leaveForeground()
	case evPingTimeout:
		w.onPingTimeout(ev.Arg)
	case evConnectTimeout:
		w.onConnectTimeout(int(ev.Arg))
	case evReconnect:
		w.onReconnect()
	case evUplink:
		w.onUplink(int32(ev.Arg))
	case evAtServer:
		w.onAtServer(int32(ev.Arg))
	case evDownlink:
		w.onDownlink(int32(ev.Arg))
	case evAtDevice:
		w.onAtDevice(int32(ev.Arg))
	case evNATExpire:
		w.onNATExpire()
	case evIdleTimeout:
		w.onIdleTimeout()
	case evOutage:
		w.onOutageGenerator()
	case evPathRestore:
		w.onPathRestore()
	case evHandover:
		w.onHandoverGenerator()
	case evRestart:
		w.onRestartGenerator()
	case evServerBack:
		w.onServerBack()
	case evPush:
		w.onPushGenerator()
	case evScripted:
		w.onScripted(int(ev.Arg))
	case evRadio:
		w.onRadio()
	case evDozeStep:
		w.onDozeStep()
	case evLightStep:
		w.onLightStep()
	case evAllowlistEnd:
		w.dozeChanged()
	case evScreen:
		w.onScreenSession()
	case evScreenOff:
		w.screenMayGoOff()
	case evMotion:
		w.onMotion()
	case evMotionEnd:
		w.onMotionEnd()
	case evCharging:
		w.onCharging()
	case evChargingEnd:
		w.onChargingEnd()
	case evFCM:
		w.onFCM(int32(ev.Arg))
	case evFreeze:
		w.onFreeze()
	default:
		panic(invariantError(fmt.Sprintf("unknown event kind %d", ev.Kind)))
	}
}

// onScripted replays one of the scenario's explicit events.
func (w *World) onScripted(i int) {
	e := &w.cfg.Events[i]
	switch e.Kind {
	case ScriptNetworkDown:
		w.outage(e.For, e.SignalsClient)
	case ScriptHandover:
		w.handover()
	case ScriptServerRestart:
		w.restart(e.Restart, e.For)
	case ScriptUserOpen:
		w.enterForeground(e.For)
	}
}

// energySoFar is the radio and CPU energy used up to now, for traces.
func (w *World) energySoFar() float64 {
	now := w.now()
	e := w.radio.energy + w.radioPower()*(now-w.lanes[LaneRadio].since).Seconds()
	if !w.cfg.Platform.AlwaysAwake {
		bg := w.lanes[LaneApp].total[Background]
		if w.appState() == Background {
			bg += now - w.lanes[LaneApp].since
		}
		e += w.cfg.Device.CPUPower * bg.Seconds()
	}
	return e
}

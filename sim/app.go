package sim

import (
	"time"

	"pingtune/sim/des"
)

// This file is the app and its platform: foreground and background, wakeups,
// background tasks and the watchdog, the keepalive handler, kills and relaunches.

// hasCPU reports whether the app can run code now.
func (w *World) hasCPU() bool {
	s := w.appState()
	return s == Foreground || s == Background
}

// timerDriven reports whether pings come from the app's own timer (in the
// foreground and on always-awake devices) rather than the platform's handler.
func (w *World) timerDriven() bool {
	return w.appState() == Foreground || w.cfg.Platform.AlwaysAwake
}

// pingInterval is the timer-driven interval in the current state.
func (w *World) pingInterval() time.Duration {
	if w.appState() == Foreground {
		return w.cfg.ForegroundInterval()
	}
	return w.interval
}

// registerKeepalive arms the platform's keepalive handler (setKeepAliveTimeout).
func (w *World) registerKeepalive() {
	if !w.cfg.Platform.Keepalive || w.cfg.Platform.AlwaysAwake {
		return
	}
	w.eng.Set(&w.keepalive, later(w.now(), w.keepaliveGap()), evKeepalive, 0)
}

// keepaliveGap is the time to the next keepalive: the interval, less an early
// firing drawn each time, never zero.
func (w *World) keepaliveGap() time.Duration {
	early := w.cfg.Platform.KeepaliveEarly.Sample(w.rng[streamKeepalive])
	return max(w.interval-early, time.Millisecond)
}

func (w *World) onKeepalive() {
	if w.android && !w.alarmMayFire() {
		return // held for the maintenance window or the while-idle limit (doze_rules.go)
	}
	w.eng.Set(&w.keepalive, later(w.now(), w.keepaliveGap()), evKeepalive, 0)
	w.event(TraceKeepalive, 0, 0, 0)
	// The handler runs in the foreground too; the ping it sends keeps the
	// background schedule, which the server's idle timer is set against.
	switch w.appState() {
	case Suspended:
		w.wake(WakeKeepalive)
	case Background:
		w.beginTask()
	}
	w.beat()
}

func (w *World) onHeartbeat() {
	if c := w.current(); c != nil && c.open && !w.pingOut && w.timerDriven() {
		// The ping sets the next heartbeat itself; setting it here too
		// would only be moved there (to the same time and a later sequence).
		w.sendPing()
		return
	}
	w.eng.Set(&w.heartbeat, later(w.now(), w.pingInterval()), evHeartbeat, 0)
	w.beat()
}

// beat is one heartbeat: ping if connected, otherwise try to reconnect.
// While Doze blocks the network the app waits for it (doze_rules.go).
func (w *World) beat() {
	if w.android {
		if w.netBlocked() {
			w.netWaiting = true
			return
		}
		w.netWaiting = false
	}
	if via := w.noticePending; via != ViaNone && w.android && w.hasCPU() {
		// A socket Doze destroyed: the write fails at once (doze_rules.go).
		w.noticePending = ViaNone
		w.clientDetects(via)
	}
	if c := w.current(); c != nil && c.open {
		if !w.pingOut {
			w.sendPing()
		}
		return
	}
	w.ensureConnected()
}

// wake gives a suspended app CPU for one of the wakeup causes.
func (w *World) wake(cause WakeCause) {
	if w.appState() != Suspended {
		panic(invariantError("a wakeup from " + LaneApp.StateName(uint8(w.appState()))))
	}
	if cause != WakeUser && w.wakelocksIgnored() {
		panic(invariantError("a " + cause.String() + " wakeup while Doze ignores the app's wakelocks"))
	}
	w.res.Wakeups[cause]++
	w.event(TraceWakeup, uint8(cause), 0, 0)
	if cause == WakeUser {
		w.setState(LaneApp, uint8(Foreground))
		return
	}
	w.setState(LaneApp, uint8(Background))
	w.setBudget(w.cfg.Platform.WakeupBudget)
	w.beginTask()
	w.onCPU()
}

// setBudget gives the app d of CPU without a background task.
func (w *World) setBudget(d time.Duration) {
	w.budgetEnd = later(w.now(), d)
	w.eng.Set(&w.budgetTimer, w.budgetEnd, evBudget, 0)
}

// onCPU runs what waited for the app to have CPU again: a notice that the
// socket died, a ping timeout that passed, data that arrived unread.
func (w *World) onCPU() {
	// Data that arrived is read before timers that ran out are handled: a
	// pong that came in time answers its ping even if the app wakes late.
	if w.pongPending {
		w.pongPending = false
		w.pongReceived()
	}
	if w.timeoutPending {
		w.timeoutPending = false
		w.pingTimedOut()
	}
	for _, push := range w.unread {
		w.pushDelivered(push)
	}
	w.unread = w.unread[:0]
	if via := w.noticePending; via != ViaNone {
		w.noticePending = ViaNone
		w.clientDetects(via)
	}
	w.ensureConnected()
}

// busy reports whether the app has network work in hand: a ping awaiting its
// pong, a connect attempt, a reconnect waiting out its backoff.
func (w *World) busy() bool {
	c := w.current()
	return w.pingOut || (c != nil && c.connecting) || w.eng.Pending(w.backoff)
}

// settle ends the background task when the app's work is done (under
// end_when_done) and suspends a background app that has nothing left to run
// on. The event loop calls it after every event, so no rule needs to
// remember to, and none can suspend the app halfway through handling one.
func (w *World) settle() {
	if w.appState() == Background && !w.cfg.Platform.AlwaysAwake {
		w.settleBackground()
	}
}

// settleBackground is settle for an app in the background.
func (w *World) settleBackground() {
	if w.taskHeld && w.endsWhenDone() && !w.busy() {
		w.endTask()
	}
	if !w.holdsTask() && (!w.busy() || w.now() >= w.budgetEnd) {
		w.suspend()
	}
}

// suspend takes the CPU away. A connect attempt in flight is abandoned and a
// pending reconnect waits for the next wakeup; a ping timeout still runs out
// and is noticed then.
func (w *World) suspend() {
	w.setState(LaneApp, uint8(Suspended))
	if w.android {
		w.armFreezer() // freezer.go
	}
	w.eng.Stop(&w.budgetTimer)
	w.eng.Stop(&w.backoff)
	if c := w.current(); c != nil && c.connecting {
		w.abandonConnect()
	}
}

// beginTask begins a background task (beginBackgroundTaskWithExpirationHandler)
// if none is held; a task that is already held keeps its deadline.
func (w *World) beginTask() {
	if w.cfg.Platform.AlwaysAwake || w.cfg.App.BackgroundTask == NoTask {
		return
	}
	if w.taskHeld {
		w.beginAnother()
		return
	}
	w.taskHeld = true
	w.setState(LaneTask, 1)
	w.startTaskClock()
}

// startTaskClock arms the expiration warning and the watchdog for the held task.
func (w *World) startTaskClock() {
	p := &w.cfg.Platform
	w.eng.Set(&w.taskWarn, later(w.now(), p.BackgroundTaskLimit-p.ExpiryWarning), evTaskWarn, 0)
	if !w.leaked || !w.eng.Pending(w.taskLimit) { // a leaked task's deadline comes first
		w.eng.Set(&w.taskLimit, later(w.now(), p.BackgroundTaskLimit), evTaskLimit, 0)
	}
}

// endTask ends the held task (endBackgroundTask).
func (w *World) endTask() {
	w.taskHeld = false
	w.eng.Stop(&w.taskWarn)
	if w.leaked {
		return // the leaked task is still held, and its watchdog runs
	}
	w.setState(LaneTask, 0)
	w.eng.Stop(&w.taskLimit)
}

// onTaskWarning is the expiration handler. Every policy but leak ends the task.
func (w *World) onTaskWarning() {
	if w.cfg.App.BackgroundTask == Leak {
		return
	}
	w.endTask()
}

// onTaskLimit is the watchdog: a task still held at its limit kills the app.
func (w *World) onTaskLimit() {
	if w.android {
		w.wakelockTimeout()
		return
	}
	if w.holdsTask() && w.appState() == Background {
		w.kill()
	}
}

// kill is the watchdog's 0x8badf00d: the app dies, the kernel closes its socket.
func (w *World) kill() {
	w.res.Kills++
	w.event(TraceKill, 0, 0, 0)
	if c := w.current(); c != nil && (c.open || c.connecting) {
		id := w.cur
		if c.alive {
			w.breakConn(id, CauseKill)
		}
		if c.open {
			w.send(pktFin, id, w.rtt(), 0)
		}
		w.clientLetGo(id)
	}
	for _, push := range w.unread {
		w.res.Pushes.Lost++
		w.event(TracePushLost, 0, 0, push.id)
	}
	w.unread = w.unread[:0]
	w.noticePending, w.timeoutPending, w.pongPending = ViaNone, false, false
	w.pingOut = false
	for _, t := range [...]*des.Timer{&w.pingTimer, &w.connTimer, &w.backoff, &w.budgetTimer, &w.keepalive, &w.heartbeat} {
		w.eng.Stop(t)
	}
	w.leaked = false
	if w.taskHeld {
		w.endTask()
	}
	w.setState(LaneTask, 0)
	w.eng.Stop(&w.taskLimit)
	w.setState(LaneApp, uint8(Terminated))
	w.syncConn()
	if w.cfg.Platform.RelaunchAfterKill {
		w.eng.Set(&w.relaunch, later(w.now(), w.cfg.Platform.RelaunchDelay), evRelaunch, 0)
	}
}

// onRelaunch: the platform starts the killed app again in the background.
func (w *World) onRelaunch() {
	if w.appState() != Terminated {
		return
	}
	w.res.Relaunches++
	w.event(TraceRelaunch, 0, 0, 0)
	w.setState(LaneApp, uint8(Background))
	w.setBudget(w.cfg.Platform.WakeupBudget)
	w.launched()
	w.beginTask()
	w.ensureConnected()
}

// launched re-arms what a fresh process sets up: the keepalive handler or
// the ping timer.
func (w *World) launched() {
	if w.cfg.Platform.AlwaysAwake {
		w.eng.Set(&w.heartbeat, later(w.now(), w.interval), evHeartbeat, 0)
		return
	}
	w.registerKeepalive()
}

func (w *World) onUserSession() {
	length := w.cfg.User.SessionLength.Sample(w.rng[streamUser])
	w.eng.At(later(w.now(), w.userGap()), evUserSession, 0)
	w.enterForeground(length)
}

// userGap is the time to the next session: Poisson, sessions_per_day a day.
func (w *World) userGap() time.Duration {
	mean := 24 * time.Hour.Seconds() / w.cfg.User.SessionsPerDay
	return durationOf(w.rng[streamUser].ExpFloat64() * mean * float64(time.Second))
}

// enterForeground: the user opens the app for length (sessions that overlap merge).
func (w *World) enterForeground(length time.Duration) {
	w.event(TraceUserOpen, 0, 0, int64(length))
	if until := later(w.now(), length); until > w.sessionUntil {
		w.sessionUntil = until
		w.eng.Set(&w.sessionEnd, until, evSessionEnd, 0)
	}
	switch w.appState() {
	case Foreground:
		return
	case Suspended:
		w.wake(WakeUser)
	case Background:
		w.setState(LaneApp, uint8(Foreground))
	case Terminated:
		w.setState(LaneApp, uint8(Foreground))
		w.launched()
	}
	if w.android {
		w.screenOn() // Doze ends before the app runs (device_state.go)
	}
	// The platform does not count background time while the app is in use.
	w.eng.Stop(&w.budgetTimer)
	w.eng.Stop(&w.taskWarn)
	w.eng.Stop(&w.taskLimit)
	w.onCPU()
	// An app coming to the screen refreshes its connection: a ping now if it
	// has one, a connect otherwise.
	w.beat()
	w.eng.Set(&w.heartbeat, later(w.now(), w.pingInterval()), evHeartbeat, 0)
}

// leaveForeground: the user leaves; the app gets the background grace and,
// per its policy, a background task.
func (w *World) leaveForeground() {
	if w.appState() != Foreground {
		return
	}
	w.setState(LaneApp, uint8(Background))
	if w.cfg.Platform.AlwaysAwake {
		w.eng.Set(&w.heartbeat, max(later(w.lastPing, w.interval), w.now()), evHeartbeat, 0)
		return
	}
	w.eng.Stop(&w.heartbeat)
	w.setBudget(w.cfg.Platform.EnterBackgroundGrace)
	if w.holdsTask() {
		w.startTaskClock() // a task held since before the session runs again
	} else {
		w.beginTask()
	}
	if w.android {
		w.screenMayGoOff()
	}
}

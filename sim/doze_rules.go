package sim

import "time"

// This file is what Doze restricts for the app, and how the app gets through.
//
//   - Network: in deep idle and light idle (not in their maintenance windows)
//     the app's packets are dropped both ways by the firewall
//     (NetworkPolicyManagerService's dozable chain); its socket stays open,
//     the NAT's and the server's idle timers keep running. The app sees the
//     network blocked (ConnectivityManager), so it neither pings nor
//     connects; it does so when the block lifts.
//   - Wakelocks: in deep idle, PowerManagerService ignores the app's partial
//     wakelocks: an app in the background loses the CPU.
//   - Alarms: in deep idle, AlarmManager defers alarms to the next
//     maintenance window (or Doze's end); a while-idle alarm fires within
//     the while-idle limit and puts the app on the temporary allowlist.
//
// The temporary allowlist (after a while-idle alarm or a high-priority FCM
// message) and a foreground service exempt the app from the network and
// wakelock rules; nothing exempts an app's ordinary alarms.

// dozeRestricts reports whether Doze holds the network back: deep or light idle.
func (w *World) dozeRestricts() bool {
	if !w.android {
		return false
	}
	return w.dozeState() == DozeIdle || w.lightState() == LightIdle
}

// allowlisted reports whether the app is on the temporary allowlist.
func (w *World) allowlisted() bool { return w.now() < w.allowUntil }

// exempt reports whether Doze's network and wakelock rules spare the app.
func (w *World) exempt() bool { return w.cfg.Platform.Android.ForegroundService || w.allowlisted() }

// netBlocked reports whether Doze drops the app's packets now.
func (w *World) netBlocked() bool { return w.dozeRestricts() && !w.exempt() }

// wakelocksIgnored reports whether Doze ignores the app's wakelocks now.
func (w *World) wakelocksIgnored() bool {
	return w.android && w.dozeState() == DozeIdle && !w.exempt()
}

// alarmsDeferred reports whether AlarmManager holds ordinary alarms back.
func (w *World) alarmsDeferred() bool {
	return w.android && w.dozeState() == DozeIdle
}

// allowFor puts the app on the temporary allowlist for d (a later grant
// extends it). The caller then runs what the grant lets through.
func (w *World) allowFor(d time.Duration) {
	w.event(TraceAllowlist, 0, d, 0)
	if until := later(w.now(), d); until > w.allowUntil {
		w.allowUntil = until
		w.eng.Set(&w.allowTimer, until, evAllowlistEnd, 0)
	}
}

// dozeChanged applies Doze's rules after a change of its state, of the
// allowlist or of the device: what waited for the network or the next
// maintenance window runs, and an app whose wakelocks Doze now ignores
// loses the CPU.
func (w *World) dozeChanged() {
	if w.wakelocksIgnored() && w.appState() == Background {
		w.dozeSuspend()
	}
	if (w.alarmHeld || w.alarmLimited) && !w.alarmsDeferred() {
		// Doze ended or a window opened: the alarm it held back is due.
		w.alarmHeld, w.alarmLimited = false, false
		w.eng.Stop(&w.keepalive)
		w.onKeepalive()
	}
	if !w.dozeRestricts() {
		w.releaseFCM()
	}
	if w.netWaiting && !w.netBlocked() {
		w.netWaiting = false
		if w.appState() == Suspended {
			w.wake(WakeKeepalive)
		}
		if w.hasCPU() {
			w.beat()
		}
	}
}

// dozeSuspend: Doze ignores the app's wakelocks, so the CPU sleeps; its
// background work stops where it is (a ping's timeout is noticed later).
func (w *World) dozeSuspend() {
	if w.taskHeld {
		w.endTask()
	}
	if w.leaked {
		w.leaked = false
		w.setState(LaneTask, 0)
		w.eng.Stop(&w.taskLimit)
	}
	w.suspend()
}

// alarmMayFire decides an Android heartbeat alarm that is due now: it fires
// (true), or waits for the maintenance window or the while-idle limit.
func (w *World) alarmMayFire() bool {
	whileIdle := w.cfg.App.Alarm == AlarmWhileIdle
	if w.alarmsDeferred() {
		if !whileIdle {
			w.alarmHeld = true
			w.event(TraceAlarmDeferred, 0, 0, 0)
			return false
		}
		if next := w.whileIdleNext(); next > w.now() {
			w.alarmLimited = true
			w.eng.Set(&w.keepalive, next, evKeepalive, 0)
			w.event(TraceAlarmDeferred, 0, next-w.now(), 0)
			return false
		}
		w.allowFor(w.doze().AlarmAllowlist)
	}
	w.alarmLimited = false
	if whileIdle {
		w.whileIdleFired()
	}
	return true
}

// whileIdleNext is the earliest time the app's next while-idle alarm may
// fire in deep idle: WhileIdleGap after the last one before Android 12;
// from 12, when the oldest of the last WhileIdleQuota leaves the window.
func (w *World) whileIdleNext() time.Duration {
	d := w.doze()
	if !w.cfg.Platform.Android.quotaRule() {
		if w.whileIdleN == 0 {
			return 0
		}
		return later(w.whileIdleLog[0], d.WhileIdleGap)
	}
	if w.whileIdleN < d.WhileIdleQuota {
		return 0
	}
	return later(w.whileIdleLog[w.whileIdleN%d.WhileIdleQuota], d.WhileIdleWindow)
}

// whileIdleFired records a while-idle alarm's firing: the last one before
// Android 12, a ring of the last WhileIdleQuota from 12.
func (w *World) whileIdleFired() {
	n := 1
	if w.cfg.Platform.Android.quotaRule() {
		n = w.doze().WhileIdleQuota
	}
	if len(w.whileIdleLog) != n {
		w.whileIdleLog = make([]time.Duration, n)
	}
	w.whileIdleLog[w.whileIdleN%n] = w.now()
	w.whileIdleN++
}

// wakelockTimeout: on Android a background task is a partial wakelock taken
// with a timeout (background_task_limit): at the limit it is released, and
// nothing is killed (iOS's watchdog has no Android counterpart).
func (w *World) wakelockTimeout() {
	if w.leaked {
		w.leaked = false
		if !w.taskHeld {
			w.setState(LaneTask, 0)
		}
	}
	if w.taskHeld {
		w.endTask()
	}
}

// dozeKillSockets: Doze enabled its firewall chain (an idle entry, deep or
// light), which destroys the open TCP sockets of the apps it blocks
// (NetworkManagementService.closeSocketsForFirewallChainLocked; from 14,
// ConnectivityService). The break is counted under kill (a socket killed
// under the app; Android has no watchdog to kill the app).
func (w *World) dozeKillSockets() {
	if !w.doze().IdleKillsSockets || w.exempt() {
		return
	}
	w.destroySocket()
}

// destroySocket: the platform destroys the app's TCP socket (netd
// socketDestroy). The kernel's RST reaches the server (RSTs pass Doze's
// firewall); the app reads ECONNABORTED when it next runs.
func (w *World) destroySocket() {
	c := w.current()
	if c == nil {
		return
	}
	if c.connecting {
		w.abandonConnect()
		w.send(pktFin, w.cur, w.rtt(), 0) // the half-open socket's RST
		w.netWaiting = true
		return
	}
	if !c.open || c.closed {
		return
	}
	id := w.cur
	if c.alive {
		w.breakConn(id, CauseSocketDestroyed)
	}
	c.closed = true
	w.send(pktFin, id, w.rtt(), 0)
	w.event(TraceSocketKilled, 0, 0, int64(id))
	// Nothing wakes the app for it (it is cached, soon frozen): a running
	// app reads the error now, a suspended one when it next runs.
	if w.hasCPU() {
		w.clientDetects(ViaReset)
	} else {
		w.noticePending = ViaReset
	}
}

// firewallPasses reports whether Doze's firewall lets packet kind k through
// while it blocks the app: only resets (FIN/RST) pass.
func firewallPasses(k pktKind) bool { return k == pktFin || k == pktReset }

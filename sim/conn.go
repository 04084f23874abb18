package sim

import (
	"math"
	"time"
)

// This file is the client's side of the connection: pings and pongs,
// connecting with backoff, breaks and how the client learns of them.

// current is the client's current connection, or nil before the first.
func (w *World) current() *conn {
	if w.cur < 0 {
		return nil
	}
	return &w.conns[w.cur]
}

// newConn adds a connection and makes it the client's current one.
func (w *World) newConn() int {
	w.conns = append(w.conns, conn{brk: -1})
	w.cur = len(w.conns) - 1
	return w.cur
}

// syncConn derives the connection lane from the current connection's flags.
// Call it after every change to them.
func (w *World) syncConn() {
	s := ConnDown
	if c := w.current(); c != nil {
		switch {
		case c.connecting:
			s = ConnConnecting
		case c.open && c.alive:
			s = ConnUp
		case c.open:
			s = ConnBroken
		}
	}
	w.setState(LaneConn, uint8(s))
}

func (w *World) rtt() time.Duration { return w.cfg.Network.RTT.Sample(w.rng[streamLatency]) }

// sendPing sends a heartbeat and arms the pong timeout.
func (w *World) sendPing() {
	w.pingGapAt = w.pingGap()
	w.pingOut = true
	w.pingSeq++
	w.pingSentAt = w.now()
	w.lastPing = w.now()
	w.res.Pings++
	rtt := w.rtt()
	p := w.newPacket(pktPing, w.cur, rtt)
	w.pkts[p].seq = w.pingSeq
	w.uplink(p, rtt) // the radio stays active until the pong is due
	w.eng.Set(&w.pingTimer, later(w.now(), w.cfg.App.Timeout), evPingTimeout, w.pingSeq)
	if w.timerDriven() {
		w.eng.Set(&w.heartbeat, later(w.now(), w.pingInterval()), evHeartbeat, 0)
	}
	w.event(TracePingSent, 0, 0, int64(w.cur))
}

// pongReceived: the heartbeat is answered; under end_when_done the task can end.
func (w *World) pongReceived() {
	w.pingOut, w.timeoutPending = false, false
	w.eng.Stop(&w.pingTimer)
	w.res.Pongs++
	w.event(TracePongReceived, 0, w.now()-w.pingSentAt, int64(w.cur))
	w.observe(obsPong, w.pingGapAt)
}

func (w *World) onPingTimeout(seq int64) {
	if !w.pingOut || seq != w.pingSeq {
		return
	}
	if !w.hasCPU() {
		w.timeoutPending = true // the app notices when it next runs
		return
	}
	w.pingTimedOut()
}

// pingTimedOut: no pong within the timeout, so the client declares the
// connection dead, closes it and reconnects. On a connection that was in fact
// up (a slow round trip) that is a false alarm, and it costs a reconnect.
func (w *World) pingTimedOut() {
	w.pingOut = false
	w.res.PingTimeouts++
	w.event(TracePingTimeout, 0, 0, int64(w.cur))
	w.observe(obsTimeout, w.pingGapAt)
	c := w.current()
	if c.alive {
		w.res.FalseTimeouts++
		c.alive, c.open, c.closed = false, false, true
		w.send(pktFin, w.cur, w.rtt(), 0)
		w.syncConn()
		w.ensureConnected()
		return
	}
	w.clientDetects(ViaPingTimeout)
}

// notice: the socket of connection id reports EOF, a reset, or its interface
// gone. The app hears it now if it has CPU, wakes for it if the platform wakes
// on socket close, or hears it when it next runs.
func (w *World) notice(id int, via Via) {
	c := &w.conns[id]
	if id != w.cur || !c.open {
		return
	}
	switch w.appState() {
	case Foreground, Background:
		w.clientDetects(via)
	case Suspended:
		w.noticePending = via
		if w.cfg.Platform.WakeOnSocketClose && !w.wakelocksIgnored() {
			w.wake(WakeSocket)
		}
	}
}

// clientDetects: the client learns its connection is dead, closes it and
// starts reconnecting.
func (w *World) clientDetects(via Via) {
	c := w.current()
	if c == nil || !c.open {
		return
	}
	if c.alive {
		panic(invariantError("the client detected a break on a live connection"))
	}
	c.open, c.closed = false, true
	w.pingOut, w.timeoutPending = false, false
	w.eng.Stop(&w.pingTimer)
	w.resolveClient(c, via)
	w.syncConn()
	w.ensureConnected()
}

// clientLetGo closes connection id on the client side without detection
// logic: the process is gone.
func (w *World) clientLetGo(id int) {
	c := &w.conns[id]
	c.open, c.connecting, c.closed = false, false, true
	w.eng.Stop(&w.connTimer)
	w.resolveClient(c, ViaKill)
}

// resolveClient records when the client learned of c's break.
func (w *World) resolveClient(c *conn, via Via) {
	if c.brk < 0 {
		return
	}
	b := &w.res.Breaks[c.brk]
	if b.Client == Unresolved {
		b.Client, b.ClientVia = w.now()-b.At, via
		w.openSides--
		if w.tracer != nil {
			w.emit(TraceEvent{Kind: TraceDetectClient, Cause: uint8(b.Cause), Latency: b.Client, Via: via, ID: int64(w.cur)})
		}
	}
}

// breakConn kills a live connection: one end or the path is gone, and at least
// one side does not know yet.
func (w *World) breakConn(id int, cause Cause) {
	c := &w.conns[id]
	if !c.alive {
		panic(invariantError("a break of a connection that was not up"))
	}
	c.alive = false
	if w.draining {
		// After the horizon nothing new is counted: the connection dies,
		// but the drain only waits for the breaks of the horizon.
		w.syncConn()
		return
	}
	w.openSides += 2
	c.brk = len(w.res.Breaks)
	w.res.Breaks = append(w.res.Breaks, Break{Cause: cause, At: w.now(), Client: Unresolved, Server: Unresolved, Recover: Unresolved})
	w.unrecovered = append(w.unrecovered, c.brk)
	w.event(TraceBreak, uint8(cause), 0, int64(id))
	w.syncConn()
}

// ensureConnected starts a connect attempt if the app can run, has no
// connection and is not waiting out a backoff.
func (w *World) ensureConnected() {
	if !w.hasCPU() || w.eng.Pending(w.backoff) {
		return
	}
	if c := w.current(); c != nil && (c.open || c.connecting) {
		return
	}
	if w.android && w.netBlocked() {
		w.netWaiting = true // the app connects when Doze lets it (doze_rules.go)
		return
	}
	w.connect()
}

// connect starts a TCP (and whatever the app layers on it) handshake that
// takes network.connect_time when the path and the server are up, and fails
// after app.heartbeat.timeout otherwise.
func (w *World) connect() {
	if w.ifaceDown {
		w.connectWithoutInterface()
		return
	}
	id := w.newConn()
	w.conns[id].connecting = true
	w.res.Connects++
	ct := w.cfg.Network.ConnectTime.Sample(w.rng[streamLatency])
	w.uplink(w.newPacket(pktSyn, id, ct), ct)
	w.eng.Set(&w.connTimer, later(w.now(), w.cfg.App.Timeout), evConnectTimeout, int64(id))
	w.event(TraceConnectStart, 0, 0, int64(id))
	w.syncConn()
}

func (w *World) onConnectTimeout(id int) {
	c := &w.conns[id]
	if id != w.cur || !c.connecting {
		return
	}
	c.connecting, c.closed = false, true
	w.connectFailed(id)
}

// connectFailed books the failure of attempt id and starts the backoff.
func (w *World) connectFailed(id int) {
	w.res.ConnectFails++
	w.failures++
	w.event(TraceConnectFail, 0, 0, int64(id))
	w.eng.Set(&w.backoff, later(w.now(), w.backoffDelay()), evReconnect, 0)
	w.syncConn()
}

// backoffDelay is the wait after the latest failure: initial × multiplier^(n-1),
// capped at max, spread by ±jitter.
func (w *World) backoffDelay() time.Duration {
	b := w.cfg.App.Reconnect
	d := float64(b.Initial) * math.Pow(b.Multiplier, float64(w.failures-1))
	d = min(d, float64(b.Max))
	if b.Jitter > 0 {
		d *= 1 + b.Jitter*(2*w.rng[streamReconnect].Float64()-1)
	}
	return durationOf(d)
}

func (w *World) onReconnect() {
	w.ensureConnected()
}

// abandonConnect drops an attempt in flight: the app lost its CPU.
func (w *World) abandonConnect() {
	c := w.current()
	c.connecting, c.closed = false, true
	w.eng.Stop(&w.connTimer)
	w.syncConn()
}

// established: the handshake of connection id completed.
func (w *World) established(id int) {
	c := &w.conns[id]
	c.connecting, c.open, c.alive = false, true, true
	w.failures = 0
	w.eng.Stop(&w.connTimer)
	w.policyConnected()
	w.event(TraceConnectOK, 0, 0, int64(id))
	for _, i := range w.unrecovered {
		b := &w.res.Breaks[i]
		b.Recover = w.now() - b.At
		w.event(TraceRecover, uint8(b.Cause), b.Recover, int64(id))
	}
	w.unrecovered = w.unrecovered[:0]
	w.syncConn()
}

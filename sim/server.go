package sim

import "time"

// This file is the server: sessions, the idle timeout, restarts and pushes.

// openSession: the server accepts connection id as the client's session.
func (w *World) openSession(id int) {
	w.session = id
	w.setState(LaneSession, 0)
	w.heard()
}

// heard: a packet from the client arrived; the idle timer starts again.
func (w *World) heard() {
	if w.idleTimeout > 0 {
		w.armIdleTimer()
	}
}

// armIdleTimer starts the server's idle timer again.
func (w *World) armIdleTimer() {
	w.eng.Set(&w.idleTimer, later(w.now(), w.idleTimeout), evIdleTimeout, 0)
}

// serverCloses ends the server's session; if its connection had broken, this
// is when the server learned of it.
func (w *World) serverCloses(via Via) {
	id := w.session
	c := &w.conns[id]
	if c.alive {
		panic(invariantError("the server closed a live session without a break"))
	}
	w.session = -1
	w.setState(LaneSession, 1)
	w.eng.Stop(&w.idleTimer)
	if c.brk >= 0 {
		if b := &w.res.Breaks[c.brk]; b.Server == Unresolved {
			b.Server, b.ServerVia = w.now()-b.At, via
			w.openSides--
			if w.tracer != nil {
				w.emit(TraceEvent{Kind: TraceDetectServer, Cause: uint8(b.Cause), Latency: b.Server, Via: via, ID: int64(id)})
			}
		}
	}
}

func (w *World) onIdleTimeout() {
	if w.session < 0 {
		return
	}
	id := w.session
	w.event(TraceServerIdleTimeout, 0, 0, int64(id))
	if w.conns[id].alive {
		w.breakConn(id, CauseServerIdle)
	}
	w.serverCloses(ViaIdleTimeout)
	w.downlink(w.newPacket(pktReset, id, w.rtt()))
}

// restart takes the server down for downtime. It loses every session; a
// graceful restart tells the client (FIN/RST), a silent one does not.
func (w *World) restart(kind RestartKind, downtime time.Duration) {
	w.event(TraceServerRestart, uint8(kind), 0, 0)
	if w.session >= 0 {
		id := w.session
		if w.conns[id].alive {
			cause := CauseServerGraceful
			if kind == Silent {
				cause = CauseServerSilent
			}
			w.breakConn(id, cause)
		}
		w.serverCloses(ViaRestart)
		if kind == Graceful {
			w.downlink(w.newPacket(pktReset, id, w.rtt()))
		}
	}
	w.setState(LaneServer, 1)
	if until := later(w.now(), downtime); until > w.serverDownUntil {
		w.serverDownUntil = until
		w.eng.Set(&w.serverTimer, until, evServerBack, 0)
	}
}

func (w *World) onServerBack() {
	if w.now() >= w.serverDownUntil {
		w.setState(LaneServer, 0)
	}
}

func (w *World) onRestartGenerator() {
	r := w.cfg.Server.Restarts
	down := r.Downtime.Sample(w.rng[streamRestarts])
	w.eng.At(later(later(w.now(), down), r.Every.Sample(w.rng[streamRestarts])), evRestart, 0)
	w.restart(r.Kind, down)
}

// pushGap is the time to the next push: Poisson at per_hour.
func (w *World) pushGap() time.Duration {
	mean := time.Hour.Seconds() / w.cfg.Server.Pushes.PerHour
	return durationOf(w.rng[streamPushes].ExpFloat64() * mean * float64(time.Second))
}

func (w *World) onPushGenerator() {
	w.eng.At(later(w.now(), w.pushGap()), evPush, 0)
	w.res.Pushes.Sent++
	push := pushRef{sent: w.now(), id: int64(w.res.Pushes.Sent)}
	w.event(TracePushSent, 0, 0, push.id)
	if w.state(LaneServer) != 0 || w.session < 0 {
		if w.cfg.Server.Pushes.FCM != nil && w.state(LaneServer) == 0 {
			w.sendFCM(push) // fcm.go
			return
		}
		if w.cfg.Server.Pushes.DropOffline {
			w.res.Pushes.Dropped++
			w.event(TracePushDropped, 0, 0, push.id)
			return
		}
		w.queue = append(w.queue, push)
		w.event(TracePushQueued, 0, 0, push.id)
		return
	}
	w.sendPush(w.session, push, w.rtt())
}

// sendPush sends a push down connection id.
func (w *World) sendPush(id int, push pushRef, rtt time.Duration) {
	p := w.newPacket(pktPush, id, rtt)
	w.pkts[p].push = push
	w.downlink(p)
}

// flushQueue sends the pushes held for an offline client down its new
// connection, behind the handshake's answer.
func (w *World) flushQueue(id int, rtt time.Duration) {
	for _, push := range w.queue {
		w.sendPush(id, push, rtt)
	}
	w.queue = w.queue[:0]
}

// pushDelivered: the app read a push; it acknowledges it.
func (w *World) pushDelivered(push pushRef) {
	w.res.Pushes.Delivered++
	lat := w.now() - push.sent
	w.res.PushLatency.Record(int64(lat))
	w.event(TracePushDelivered, 0, lat, push.id)
	w.send(pktAck, w.cur, w.rtt(), 0)
}

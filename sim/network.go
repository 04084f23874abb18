package sim

import "time"

// This file is the network path: outages, handovers and the NAT.

// outage takes the path down for d. The connection dies; the client is told
// at once if signals (the interface went away), otherwise it finds out later.
func (w *World) outage(d time.Duration, signals bool) {
	if until := later(w.now(), d); until > w.pathDownUntil {
		w.pathDownUntil = until
		w.eng.Set(&w.pathTimer, until, evPathRestore, 0)
	}
	w.ifaceDown = w.ifaceDown || signals
	if w.state(LanePath) != 0 {
		return // already down: the outage only lasts longer
	}
	w.setState(LanePath, 1)
	w.loseClientSide(CauseWifi, signals, ViaInterface)
	if signals {
		w.observe(obsNetworkChange, 0)
	}
}

func (w *World) onPathRestore() {
	if w.now() >= w.pathDownUntil {
		w.setState(LanePath, 0)
		w.ifaceDown = false
	}
}

// handover changes the device's IP: the connection dies, the path stays up,
// and the client is told.
func (w *World) handover() {
	w.event(TraceHandover, 0, 0, 0)
	w.loseClientSide(CauseHandover, true, ViaIPChange)
	w.redrawNAT()
	w.observe(obsNetworkChange, 0)
}

// loseClientSide cuts the client's current connection off at the device.
func (w *World) loseClientSide(cause Cause, signals bool, via Via) {
	c := w.current()
	if c == nil || c.pathLost || !(c.open || c.connecting) {
		return
	}
	c.pathLost = true
	if c.alive {
		w.breakConn(w.cur, cause)
	}
	if signals {
		w.notice(w.cur, via)
	}
}

func (w *World) onOutageGenerator() {
	o := w.cfg.Network.Outages
	d := o.Duration.Sample(w.rng[streamOutages])
	w.eng.At(later(later(w.now(), d), o.Every.Sample(w.rng[streamOutages])), evOutage, 0)
	w.outage(d, o.SignalsClient)
}

func (w *World) onHandoverGenerator() {
	w.eng.At(later(w.now(), w.cfg.Network.Handovers.Every.Sample(w.rng[streamHandovers])), evHandover, 0)
	w.handover()
}

// natCross passes a packet of connection id through the NAT, refreshing its
// mapping. Without a mapping only a connect (create) gets through, making one.
// With no NAT configured everything passes.
func (w *World) natCross(id int, create bool) bool {
	if w.natIdle <= 0 {
		return true
	}
	return w.natMapping(id, create)
}

// natMapping is natCross through a NAT.
func (w *World) natMapping(id int, create bool) bool {
	if w.natConn != id {
		if !create {
			return false // a NAT drops a mid-connection packet it has no mapping for
		}
		w.natConn = id
		w.setState(LaneNAT, 0)
	}
	w.eng.Set(&w.natTimer, later(w.now(), w.natIdle), evNATExpire, 0)
	return true
}

// onNATExpire: nothing crossed for nat_idle_timeout; the mapping is dropped
// and nobody is told.
func (w *World) onNATExpire() {
	id := w.natConn
	w.natConn = -1
	w.setState(LaneNAT, 1)
	w.event(TraceNATExpired, 0, 0, int64(id))
	if id >= 0 && w.conns[id].alive {
		w.breakConn(id, CauseNAT)
	}
}

package sim

import "time"

// pktKind is what a packet carries.
type pktKind uint8

const (
	pktPing   pktKind = iota // client → server heartbeat
	pktPong                  // server → client answer
	pktSyn                   // client → server: the connect handshake
	pktAccept                // server → client: the handshake's answer
	pktPush                  // server → client message
	pktAck                   // client → server: a push was read
	pktFin                   // client → server: the client closed (FIN, or RST from a closed socket)
	pktReset                 // server → client: the server closed (FIN or RST)
)

// packet is one message in flight. For a connect, rtt is the whole handshake
// time; each direction takes half.
type packet struct {
	kind pktKind
	conn int
	rtt  time.Duration
	seq  int64 // the ping a pong answers
	push pushRef
	// paging: the packet waits at the base station for the radio's paging
	// occasion (paging.go).
	paging bool
}

// pushRef names a push and when the server sent it.
type pushRef struct {
	sent time.Duration
	id   int64 // 1, 2, … in the order the server sent them
}

// newPacket takes a packet from the pool.
func (w *World) newPacket(kind pktKind, conn int, rtt time.Duration) int32 {
	var i int32
	if n := len(w.freePkt); n > 0 {
		i = w.freePkt[n-1]
		w.freePkt = w.freePkt[:n-1]
	} else {
		w.pkts = append(w.pkts, packet{})
		i = int32(len(w.pkts) - 1)
	}
	w.pkts[i] = packet{kind: kind, conn: conn, rtt: rtt}
	return i
}

func (w *World) freePacket(p int32) { w.freePkt = append(w.freePkt, p) }

// send queues a client packet on connection conn.
func (w *World) send(kind pktKind, conn int, rtt, need time.Duration) {
	w.uplink(w.newPacket(kind, conn, rtt), need)
}

// uplink sends packet p from the device once the radio is ready, keeping the
// radio active for need after that (the time an answer is expected within).
func (w *World) uplink(p int32, need time.Duration) {
	if w.android && w.netBlocked() && !firewallPasses(w.pkts[p].kind) {
		w.drop(p) // Doze's firewall: the packet never reaches the radio
		return
	}
	w.eng.At(w.radioRequest(need, w.pkts[p].kind.isSmall()), evUplink, int64(p))
}

// downlink sends packet p from the server towards the device.
func (w *World) downlink(p int32) {
	w.eng.At(later(w.now(), w.pkts[p].rtt/2), evDownlink, int64(p))
}

// drop loses packet p on the way; a lost push is counted.
func (w *World) drop(p int32) {
	if pk := &w.pkts[p]; pk.kind == pktPush {
		w.res.Pushes.Lost++
		w.event(TracePushLost, 0, 0, pk.push.id)
	}
	w.freePacket(p)
}

// onUplink: the packet leaves the device and crosses the access network and the NAT.
func (w *World) onUplink(p int32) {
	pk := &w.pkts[p]
	if w.android {
		if w.netBlocked() && !firewallPasses(pk.kind) {
			w.drop(p)
			return
		}
		w.checkDozeFirewall(pk.kind)
	}
	if w.state(LanePath) != 0 || w.conns[pk.conn].pathLost || !w.natCross(pk.conn, pk.kind == pktSyn) {
		w.drop(p)
		return
	}
	w.eng.At(later(w.now(), pk.rtt/2), evAtServer, int64(p))
}

// onDownlink: the packet crosses the NAT and the access network; an idle
// radio is paged and must be promoted before it can receive.
func (w *World) onDownlink(p int32) {
	pk := &w.pkts[p]
	if w.state(LanePath) != 0 || w.conns[pk.conn].pathLost || !w.natCross(pk.conn, false) {
		w.drop(p)
		return
	}
	if w.waitForPaging(p) {
		return
	}
	w.reachDevice(p)
}

// reachDevice hands packet p to the radio, which receives it once promoted.
func (w *World) reachDevice(p int32) {
	if ready := w.radioRequest(0, w.pkts[p].kind.isSmall()); ready > w.now() {
		w.eng.At(ready, evAtDevice, int64(p))
		return
	}
	w.onAtDevice(p)
}

// onAtDevice: the device's kernel has the packet.
func (w *World) onAtDevice(p int32) {
	if w.pkts[p].paging {
		w.pkts[p].paging = false
		w.reachDevice(p) // the paging occasion: now the promotion
		return
	}
	if w.android {
		if w.netBlocked() && !firewallPasses(w.pkts[p].kind) {
			w.drop(p) // Doze's firewall drops what the radio received
			return
		}
		w.checkDozeFirewall(w.pkts[p].kind)
	}
	pk := w.pkts[p]
	w.freePacket(p)
	c := &w.conns[pk.conn]
	if c.closed {
		// A closed socket answers anything but a reset with a reset.
		if pk.kind == pktPush {
			w.res.Pushes.Lost++
			w.event(TracePushLost, 0, 0, pk.push.id)
		}
		if pk.kind != pktReset {
			w.send(pktFin, pk.conn, pk.rtt, 0)
		}
		return
	}
	switch pk.kind {
	case pktPong:
		if pk.conn != w.cur || !w.pingOut || pk.seq != w.pingSeq {
			return // the answer to a ping already given up on
		}
		switch {
		case w.hasCPU():
			w.pongReceived()
		case w.cfg.Platform.WakeOnSocketData:
			w.wake(WakeSocket)
			w.pongReceived()
		default:
			w.pongPending = true
		}
	case pktAccept:
		if pk.conn == w.cur && c.connecting && w.session == pk.conn {
			w.established(pk.conn)
		}
	case pktPush:
		switch {
		case w.hasCPU():
			if w.taskHeld && w.appState() == Background {
				w.beginTask() // the data handler begins its own (task_policy.go)
			}
			w.pushDelivered(pk.push)
		case w.cfg.Platform.WakeOnSocketData:
			w.wake(WakePush)
			w.pushDelivered(pk.push)
		default:
			w.unread = append(w.unread, pk.push)
		}
	case pktReset:
		w.notice(pk.conn, ViaReset)
	default:
		panic(invariantError("an uplink packet arrived at the device"))
	}
}

// onAtServer: the server has the packet (if it is up).
func (w *World) onAtServer(p int32) {
	pk := &w.pkts[p]
	if w.state(LaneServer) != 0 {
		w.drop(p)
		return
	}
	switch pk.kind {
	case pktPing:
		if w.session != pk.conn {
			pk.kind = pktReset // a ping on a connection the server lost: RST
		} else {
			w.heard()
			pk.kind = pktPong
		}
		w.downlink(p)
	case pktSyn:
		if w.conns[pk.conn].closed {
			// The client gave up on this attempt before its SYN arrived; its
			// kernel answers the SYN-ACK with a reset, so no session opens.
			w.freePacket(p)
			return
		}
		if w.session >= 0 {
			// The client connected again while the server still held its
			// old session; the server closes the old one (as an MQTT broker
			// does on a CONNECT with the same client id).
			w.serverCloses(ViaTakeover)
		}
		w.openSession(pk.conn)
		// Pushes held for the client go with the handshake's answer (ahead
		// of it in the event order, at the same instant), so the app reads
		// them in the same wakeup that completes the connect.
		w.flushQueue(pk.conn, pk.rtt) // may grow w.pkts: pk is stale after it
		w.pkts[p].kind = pktAccept
		w.downlink(p)
	case pktAck:
		if w.session == pk.conn {
			w.heard()
		}
		w.freePacket(p)
	case pktFin:
		if w.session == pk.conn {
			w.serverCloses(ViaFIN)
		}
		w.freePacket(p)
	default:
		panic(invariantError("a downlink packet arrived at the server"))
	}
}

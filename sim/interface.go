package sim

// This file is the rule for connecting without a network interface. While
// an outage the OS signals (the interface went away: Wi-Fi lost, no
// coverage, airplane mode) holds the path down, a connect fails at once in
// the socket call (ENETUNREACH): no packet, so no radio, and no wait for the
// connect timeout, so no CPU held for it. Only an outage the OS does not
// signal (an upstream loss behind a working link) makes an attempt wait for
// app.heartbeat.timeout. The backoff between attempts is the same.

// connectWithoutInterface is connect while the interface is gone.
func (w *World) connectWithoutInterface() {
	id := w.newConn()
	w.conns[id].closed = true
	w.res.Connects++
	w.event(TraceConnectStart, 0, 0, int64(id))
	w.connectFailed(id)
}

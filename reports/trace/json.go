package trace

import (
	"bufio"
	"io"
	"strconv"
	"time"

	"pingtune/sim"
)

// JSON is a sim.Tracer that writes a replication's records as JSON
// lines, one object per record, in time order, with its keys in a fixed
// order so that the same replication always gives the same bytes. The first
// line is a snapshot of every lane at the window's start (before any record
// at that instant):
//
//	{"t_s":0,"kind":"snapshot","lanes":{"app":"suspended","task":"none","path":"up","nat":"none","server":"up","session":"none","conn":"up","radio":"idle"}}
//
// On an Android platform the snapshot goes on with the device states and
// Doze: "screen", "motion", "charging", "doze", "light_doze".
//
// Every other line has t_s (seconds from the scenario's start, exact to the
// nanosecond), kind (sim.TraceKind's name) and, last, energy_j (radio and
// CPU energy used so far, J), and between them the fields its kind uses:
//
//	state                                  lane, from, to; stage (radio tail stage, from 0) when to is tail
//	wakeup                                 cause: keepalive, socket, push, user
//	break                                  cause: wifi, handover, nat, server_graceful, server_silent, kill, server_idle; conn
//	detect_client, detect_server           cause, side (client or server), via (how that side learned: ping_timeout, interface_down, ip_change, reset, kill, idle_timeout, restart, takeover, fin), conn (the broken one), latency_s since the break
//	recover                                cause, conn (the new one), latency_s since the break
//	ping_sent, ping_timeout                conn
//	pong_received                          conn, latency_s (the round trip the app saw, promotion included)
//	connect_start, connect_ok, connect_fail conn
//	push_sent, push_queued, push_dropped   push (its number, from 1)
//	push_delivered                         push, latency_s since it was sent
//	push_lost                              (push when the model names it)
//	user_open                              for_s (the session's length)
//	nat_expired, server_idle_timeout       conn (the mapping's or session's connection)
//	server_restart                         restart: graceful or silent
//	keepalive, kill, relaunch, handover    nothing more
//	fcm_sent, fcm_held                     push (Android: FCM carries it; a normal-priority one waits for Doze's window)
//	alarm_deferred                         latency_s until the while-idle limit lets it fire (0: the next maintenance window)
//	allowlist                              latency_s: how long Doze's temporary allowlist lasts
//	socket_killed                          conn (Android destroyed it: a Doze idle entry, the freezer)
//
// Write the records of a run to it, then Close it.
type JSON struct {
	// lanes is how many lanes the snapshot lists: the device states and
	// Doze only on an Android platform.
	lanes sim.Lane
	out   *bufio.Writer
	win   Filter
	buf   []byte
	err   error
	head  bool
}

// NewJSON writes to w the records of a run of cfg that fall in win.
func NewJSON(w io.Writer, cfg *sim.Config, win Window) *JSON {
	return &JSON{lanes: UsedLanes(cfg), out: bufio.NewWriter(w), win: NewFilter(cfg, win)}
}

// Trace writes e if it falls in the window.
func (t *JSON) Trace(e sim.TraceEvent) {
	push := int64(-1)
	switch e.Kind {
	case sim.TracePushSent, sim.TracePushQueued, sim.TracePushDropped, sim.TracePushDelivered, sim.TracePushLost,
		sim.TraceFCMSent, sim.TraceFCMHeld:
		push = e.ID
	}
	if !t.win.See(e) || t.err != nil {
		return
	}
	t.snapshot()
	t.buf = appendRecord(t.buf[:0], e, push)
	_, t.err = t.out.Write(t.buf)
}

// Close writes the snapshot if no record fell in the window, and flushes.
// It returns the first write error.
func (t *JSON) Close() error {
	t.snapshot()
	if t.err != nil {
		return t.err
	}
	return t.out.Flush()
}

// snapshot writes the lanes at the window's start, once.
func (t *JSON) snapshot() {
	if t.head || t.err != nil {
		return
	}
	t.head = true
	s := t.win.Start()
	b := append(t.buf[:0], `{"t_s":`...)
	b = appendSeconds(b, t.win.win.From)
	b = append(b, `,"kind":"snapshot","lanes":{`...)
	for l := sim.Lane(0); l < t.lanes; l++ {
		if l > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, l.String())
		b = append(b, ':')
		b = strconv.AppendQuote(b, l.StateName(s[l]))
	}
	b = append(b, "}}\n"...)
	t.buf = b
	_, t.err = t.out.Write(b)
}

// appendRecord appends e as one JSON line; push is the push's id (-1: none).
func appendRecord(b []byte, e sim.TraceEvent, push int64) []byte {
	b = append(b, `{"t_s":`...)
	b = appendSeconds(b, e.At)
	b = appendString(b, "kind", e.Kind.String())
	switch e.Kind {
	case sim.TraceState:
		b = appendString(b, "lane", e.Lane.String())
		b = appendString(b, "from", e.Lane.StateName(e.From))
		b = appendString(b, "to", e.Lane.StateName(e.To))
		if e.Lane == sim.LaneRadio && sim.RadioState(e.To) == sim.RadioTail {
			b = appendInt(b, "stage", e.ID)
		}
	case sim.TraceWakeup:
		b = appendString(b, "cause", sim.WakeCause(e.Cause).String())
	case sim.TracePingSent, sim.TracePingTimeout, sim.TraceConnectStart, sim.TraceConnectOK, sim.TraceConnectFail,
		sim.TraceServerIdleTimeout:
		b = appendInt(b, "conn", e.ID)
	case sim.TracePongReceived:
		b = appendInt(b, "conn", e.ID)
		b = appendDuration(b, "latency_s", e.Latency)
	case sim.TraceBreak:
		b = appendString(b, "cause", sim.Cause(e.Cause).String())
		b = appendInt(b, "conn", e.ID)
	case sim.TraceDetectClient, sim.TraceDetectServer:
		b = appendString(b, "cause", sim.Cause(e.Cause).String())
		side := "client"
		if e.Kind == sim.TraceDetectServer {
			side = "server"
		}
		b = appendString(b, "side", side)
		b = appendString(b, "via", e.Via.String())
		b = appendInt(b, "conn", e.ID)
		b = appendDuration(b, "latency_s", e.Latency)
	case sim.TraceRecover:
		b = appendString(b, "cause", sim.Cause(e.Cause).String())
		b = appendInt(b, "conn", e.ID)
		b = appendDuration(b, "latency_s", e.Latency)
	case sim.TraceAlarmDeferred, sim.TraceAllowlist:
		b = appendDuration(b, "latency_s", e.Latency)
	case sim.TraceSocketKilled:
		b = appendInt(b, "conn", e.ID)
	case sim.TracePushSent, sim.TracePushQueued, sim.TracePushDropped, sim.TracePushDelivered, sim.TracePushLost,
		sim.TraceFCMSent, sim.TraceFCMHeld:
		if push > 0 {
			b = appendInt(b, "push", push)
		}
		if e.Kind == sim.TracePushDelivered {
			b = appendDuration(b, "latency_s", e.Latency)
		}
	case sim.TraceUserOpen:
		b = appendDuration(b, "for_s", time.Duration(e.ID))
	case sim.TraceNATExpired:
		if e.ID >= 0 {
			b = appendInt(b, "conn", e.ID)
		}
	case sim.TraceServerRestart:
		b = appendString(b, "restart", sim.RestartKind(e.Cause).String())
	case sim.TraceInterval:
		b = appendDuration(b, "interval_s", e.Latency)
	}
	b = append(b, `,"energy_j":`...)
	b = strconv.AppendFloat(b, e.EnergyJ, 'f', 3, 64)
	return append(b, "}\n"...)
}

func appendString(b []byte, key, val string) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, `":`...)
	return strconv.AppendQuote(b, val)
}

func appendInt(b []byte, key string, v int64) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, `":`...)
	return strconv.AppendInt(b, v, 10)
}

func appendDuration(b []byte, key string, d time.Duration) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, `":`...)
	return appendSeconds(b, d)
}

// appendSeconds writes d in seconds, exactly: 612.3, 0.08, 604800.
func appendSeconds(b []byte, d time.Duration) []byte {
	if d < 0 {
		b = append(b, '-')
		d = -d
	}
	b = strconv.AppendInt(b, int64(d/time.Second), 10)
	frac := int64(d % time.Second)
	if frac == 0 {
		return b
	}
	var digits [9]byte
	for i := 8; i >= 0; i-- {
		digits[i] = byte('0' + frac%10)
		frac /= 10
	}
	n := 9
	for digits[n-1] == '0' {
		n--
	}
	b = append(b, '.')
	return append(b, digits[:n]...)
}

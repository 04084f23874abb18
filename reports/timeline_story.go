package reports

import (
	"fmt"
	"time"

	"pingtune/sim"
)

// tlStoryLine tells one break's story under the timeline: when it happened,
// when and how each side learned of it, and when a connection was up again.
type tlStoryLine struct {
	N     int // the break's number in the replication, from 1
	Cause sim.Cause
	Text  string
}

// tlStory is a line for every break that happened, or was resolved, in the
// window, in time order. It reads the records once (tlIndex), so a long
// window with many breaks costs no more than its records and breaks.
func tlStory(t *Timeline) []tlStoryLine {
	var lines []tlStoryLine
	x := newTLIndex(t.Events)
	for i, b := range t.Result.Breaks {
		if !tlBreakInWindow(b, t.Window) {
			continue
		}
		s := fmt.Sprintf("%s at %s", b.Cause, Clock(b.At))
		if b.At < t.Window.From {
			s += " (before this window)"
		}
		s += ": " + tlWhy(t, x, b)
		s += ". Client: " + tlResolution(b.At, b.Client, tlClientHow(t, x, b))
		s += ". Server: " + tlResolution(b.At, b.Server, tlServerHow(t, b))
		s += ". Up again: " + tlResolution(b.At, b.Recover, tlReconnects(x, b))
		lines = append(lines, tlStoryLine{N: i + 1, Cause: b.Cause, Text: s + "."})
	}
	return lines
}

// tlWhy says what broke the connection.
func tlWhy(t *Timeline, x *tlIndex, b sim.Break) string {
	cfg := t.Config
	switch b.Cause {
	case sim.CauseWifi:
		if up, ok := x.pathUpAfter(b.At); ok {
			return fmt.Sprintf("the network path went down for %s", tlLatency(up-b.At))
		}
		return "the network path went down"
	case sim.CauseHandover:
		return "the device's IP address changed"
	case sim.CauseNAT:
		return fmt.Sprintf("nothing had crossed the NAT for its idle timeout (%s), so it forgot the mapping", tlSetting(cfg.Network.NATIdleTimeout))
	case sim.CauseServerGraceful:
		return "the server restarted and closed its connections"
	case sim.CauseServerSilent:
		return "the server vanished without closing anything"
	case sim.CauseKill:
		return fmt.Sprintf("the watchdog killed the app for holding a background task past %s", tlSetting(cfg.Platform.BackgroundTaskLimit))
	case sim.CauseServerIdle:
		return fmt.Sprintf("the server heard nothing for its idle timeout (%s) and closed a live connection", tlSetting(cfg.ServerIdleTimeout()))
	}
	return b.Cause.String()
}

// tlReconnects says how many connect attempts failed between b and the
// connection it was repaired with, and the longest wait between two.
func tlReconnects(x *tlIndex, b sim.Break) string {
	if b.Recover == sim.Unresolved {
		return ""
	}
	fails, wait := x.reconnects(b.At, b.At+b.Recover)
	if fails == 0 {
		return ""
	}
	if fails == 1 {
		return fmt.Sprintf("following 1 failed connect and a %s wait", tlLatency(wait))
	}
	return fmt.Sprintf("following %d failed connects (the longest wait between tries %s)", fails, tlLatency(wait))
}

// tlBreakInWindow reports whether b, or one of its resolutions, is in win.
func tlBreakInWindow(b sim.Break, win Window) bool {
	if win.Contains(b.At) {
		return true
	}
	for _, l := range []time.Duration{b.Client, b.Server, b.Recover} {
		if l != sim.Unresolved && win.Contains(b.At+l) {
			return true
		}
	}
	return false
}

// tlResolution says when something happened after a break at at, and how.
func tlResolution(at, latency time.Duration, how string) string {
	if latency == sim.Unresolved {
		return "not before the run ended (censored)"
	}
	s := fmt.Sprintf("after %s (%s)", tlLatency(latency), Clock(at+latency))
	if how != "" {
		s += ", " + how
	}
	return s
}

// tlClientHow says how the client learned of b (the model records it), and
// whether the app heard of it at once or only when it next ran.
func tlClientHow(t *Timeline, x *tlIndex, b sim.Break) string {
	if b.Client == sim.Unresolved {
		return ""
	}
	at := b.At + b.Client
	var what string
	switch b.ClientVia {
	case sim.ViaKill:
		return "the app was killed"
	case sim.ViaPingTimeout:
		return fmt.Sprintf("its ping at %s got no pong within %s", Clock(at-t.Config.App.Timeout), tlSetting(t.Config.App.Timeout))
	case sim.ViaIPChange:
		what = "the OS reported the IP change"
	case sim.ViaInterface:
		what = "the OS reported the interface down"
	default:
		what = "a FIN or reset from the server arrived"
	}
	switch wake := x.wakeAt(at); {
	case wake == int(sim.WakeSocket):
		return what + " and woke the app"
	case wake >= 0:
		return fmt.Sprintf("%s; the app noticed on its next wakeup (%s)", what, sim.WakeCause(wake))
	}
	return what
}

// tlServerHow says how the server learned of b.
func tlServerHow(t *Timeline, b sim.Break) string {
	switch b.ServerVia {
	case sim.ViaIdleTimeout:
		return fmt.Sprintf("its idle timeout (%s) ran out", tlSetting(t.Config.ServerIdleTimeout()))
	case sim.ViaRestart:
		return "it restarted"
	case sim.ViaTakeover:
		return "the client's new connection replaced the session"
	case sim.ViaFIN:
		if b.Cause == sim.CauseKill {
			return "the killed app's FIN arrived"
		}
		return "a FIN or reset from the client arrived"
	}
	return ""
}

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
// window, in time order.
func tlStory(t *Timeline) []tlStoryLine {
	var lines []tlStoryLine
	for i, b := range t.Result.Breaks {
		if !tlBreakInWindow(b, t.Window) {
			continue
		}
		s := fmt.Sprintf("%s at %s", b.Cause, Clock(b.At))
		if b.At < t.Window.From {
			s += " (before this window)"
		}
		s += ": " + tlWhy(t, b)
		s += ". Client: " + tlResolution(b.At, b.Client, tlClientHow(t, b))
		s += ". Server: " + tlResolution(b.At, b.Server, tlServerHow(t, b))
		s += ". Up again: " + tlResolution(b.At, b.Recover, tlReconnects(t, b))
		lines = append(lines, tlStoryLine{N: i + 1, Cause: b.Cause, Text: s + "."})
	}
	return lines
}

// tlWhy says what broke the connection.
func tlWhy(t *Timeline, b sim.Break) string {
	cfg := t.Config
	switch b.Cause {
	case sim.CauseWifi:
		for _, e := range t.Events {
			if e.Kind == sim.TraceState && e.Lane == sim.LanePath && e.To == 0 && e.At > b.At {
				return fmt.Sprintf("the network path went down for %s", tlLatency(e.At-b.At))
			}
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
func tlReconnects(t *Timeline, b sim.Break) string {
	if b.Recover == sim.Unresolved {
		return ""
	}
	end := b.At + b.Recover
	fails := 0
	var lastFail, wait time.Duration = -1, 0
	for _, e := range t.Events {
		if e.At < b.At || e.At > end {
			continue
		}
		switch e.Kind {
		case sim.TraceConnectFail:
			fails++
			lastFail = e.At
		case sim.TraceConnectStart:
			if lastFail >= 0 {
				wait = max(wait, e.At-lastFail)
			}
		}
	}
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

// tlDetection finds the index of the record of kind k that resolved b, or -1
// when it is outside the window.
func tlDetection(t *Timeline, b sim.Break, k sim.TraceKind, latency time.Duration) int {
	if latency == sim.Unresolved {
		return -1
	}
	for i, e := range t.Events {
		if e.Kind == k && e.At == b.At+latency && sim.Cause(e.Cause) == b.Cause && e.Latency == latency {
			return i
		}
	}
	return -1
}

// tlSameInstant is the records just before record i at the same time.
func tlSameInstant(t *Timeline, i int) []sim.TraceEvent {
	j := i
	for j > 0 && t.Events[j-1].At == t.Events[i].At {
		j--
	}
	return t.Events[j:i]
}

// tlClientHow says how the client learned of b, read from the records at the
// instant it did.
func tlClientHow(t *Timeline, b sim.Break) string {
	i := tlDetection(t, b, sim.TraceDetectClient, b.Client)
	if i < 0 {
		return ""
	}
	var timeout, kill, handover, pathDown bool
	wake := -1
	for _, e := range tlSameInstant(t, i) {
		switch {
		case e.Kind == sim.TracePingTimeout:
			timeout = true
		case e.Kind == sim.TraceKill:
			kill = true
		case e.Kind == sim.TraceHandover:
			handover = true
		case e.Kind == sim.TraceState && e.Lane == sim.LanePath && e.To == 1:
			pathDown = true
		case e.Kind == sim.TraceWakeup:
			wake = int(e.Cause)
		}
	}
	switch {
	case kill:
		return "the app was killed"
	case timeout:
		at := t.Events[i].At - t.Config.App.Timeout
		return fmt.Sprintf("its ping at %s got no pong within %s", Clock(at), tlSetting(t.Config.App.Timeout))
	case handover:
		return "the OS reported the IP change"
	case pathDown:
		return "the OS reported the interface down"
	case wake == int(sim.WakeSocket):
		return "the dead socket woke the app"
	case wake >= 0:
		return fmt.Sprintf("noticed the dead socket on its next wakeup (%s)", sim.WakeCause(wake))
	}
	return "a reset from the server arrived"
}

// tlServerHow says how the server learned of b.
func tlServerHow(t *Timeline, b sim.Break) string {
	i := tlDetection(t, b, sim.TraceDetectServer, b.Server)
	if i < 0 {
		return ""
	}
	for _, e := range tlSameInstant(t, i) {
		switch e.Kind {
		case sim.TraceServerIdleTimeout:
			return fmt.Sprintf("its idle timeout (%s) ran out", tlSetting(t.Config.ServerIdleTimeout()))
		case sim.TraceServerRestart:
			return "it restarted"
		}
	}
	conn := t.Events[i].ID
	for _, e := range t.Events[:i] {
		if e.Kind == sim.TraceConnectStart && e.At >= b.At && e.ID > conn {
			return "the client's new connection replaced the session"
		}
	}
	if b.Cause == sim.CauseKill {
		return "the killed app's FIN arrived"
	}
	return "a FIN or reset from the client arrived"
}

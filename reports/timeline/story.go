package timeline

import (
	"fmt"
	"time"

	"pingtune/internal/durfmt"
	"pingtune/reports/trace"
	"pingtune/sim"
)

// storyLine tells one break's story under the timeline: when it happened,
// when and how each side learned of it, and when a connection was up again.
type storyLine struct {
	N     int // the break's number in the replication, from 1
	Cause sim.Cause
	Text  string
}

// tellStory is a line for every break that happened, or was resolved, in the
// window, in time order. It reads the records once (index), so a long
// window with many breaks costs no more than its records and breaks.
func tellStory(t *Timeline) []storyLine {
	var lines []storyLine
	x := newIndex(t.Events)
	for i, b := range t.Result.Breaks {
		if !breakInWindow(b, t.Window) {
			continue
		}
		s := fmt.Sprintf("%s at %s", b.Cause, durfmt.Clock(b.At))
		if b.At < t.Window.From {
			s += " (before this window)"
		}
		s += ": " + whyText(t, x, b)
		s += ". Client: " + resolution(b.At, b.Client, clientHow(t, x, b))
		s += ". Server: " + resolution(b.At, b.Server, serverHow(t, b))
		s += ". Up again: " + resolution(b.At, b.Recover, reconnectsText(x, b))
		lines = append(lines, storyLine{N: i + 1, Cause: b.Cause, Text: s + "."})
	}
	return lines
}

// whyText says what broke the connection.
func whyText(t *Timeline, x *index, b sim.Break) string {
	cfg := t.Config
	switch b.Cause {
	case sim.CauseWifi:
		if up, ok := x.pathUpAfter(b.At); ok {
			return fmt.Sprintf("the network path went down for %s", durfmt.Human((up - b.At).Seconds()))
		}
		return "the network path went down"
	case sim.CauseHandover:
		return "the device's IP address changed"
	case sim.CauseNAT:
		if cfg.Network.NATIdleFleet != nil && cfg.Network.RedrawOnHandover {
			return "nothing had crossed the NAT for its idle timeout, so it forgot the mapping"
		}
		return fmt.Sprintf("nothing had crossed the NAT for its idle timeout (%s), so it forgot the mapping", natText(t))
	case sim.CauseServerGraceful:
		return "the server restarted and closed its connections"
	case sim.CauseServerSilent:
		return "the server vanished without closing anything"
	case sim.CauseSocketDestroyed:
		return "Android destroyed the app's socket (a Doze idle entry, or the freezer)"
	case sim.CauseKill:
		return fmt.Sprintf("the watchdog killed the app for holding a background task past %s", durfmt.Setting(cfg.Platform.BackgroundTaskLimit))
	case sim.CauseServerIdle:
		return fmt.Sprintf("the server heard nothing for its idle timeout (%s) and closed a live connection", durfmt.Setting(cfg.ServerIdleTimeout()))
	}
	return b.Cause.String()
}

// reconnectsText says how many connect attempts failed between b and the
// connection it was repaired with, and the longest wait between two.
func reconnectsText(x *index, b sim.Break) string {
	if b.Recover == sim.Unresolved {
		return ""
	}
	fails, wait := x.reconnects(b.At, b.At+b.Recover)
	if fails == 0 {
		return ""
	}
	if fails == 1 {
		return fmt.Sprintf("following 1 failed connect and a %s wait", durfmt.Human(wait.Seconds()))
	}
	return fmt.Sprintf("following %d failed connects (the longest wait between tries %s)", fails, durfmt.Human(wait.Seconds()))
}

// breakInWindow reports whether b, or one of its resolutions, is in win.
func breakInWindow(b sim.Break, win trace.Window) bool {
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

// resolution says when something happened after a break at at, and how.
func resolution(at, latency time.Duration, how string) string {
	if latency == sim.Unresolved {
		return "not before the run ended (censored)"
	}
	s := fmt.Sprintf("after %s (%s)", durfmt.Human(latency.Seconds()), durfmt.Clock(at+latency))
	if how != "" {
		s += ", " + how
	}
	return s
}

// clientHow says how the client learned of b (the model records it), and
// whether the app heard of it at once or only when it next ran.
func clientHow(t *Timeline, x *index, b sim.Break) string {
	if b.Client == sim.Unresolved {
		return ""
	}
	at := b.At + b.Client
	var what string
	switch b.ClientVia {
	case sim.ViaKill:
		return "the app was killed"
	case sim.ViaPingTimeout:
		return fmt.Sprintf("its ping at %s got no pong within %s", durfmt.Clock(at-t.Config.App.Timeout), durfmt.Setting(t.Config.App.Timeout))
	case sim.ViaIPChange:
		what = "the OS reported the IP change"
	case sim.ViaInterface:
		what = "the OS reported the interface down"
	case sim.ViaReset:
		what = "a FIN or reset from the server arrived"
		if b.Cause == sim.CauseSocketDestroyed {
			what = "the socket's read failed (ECONNABORTED)"
		}
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

// serverHow says how the server learned of b.
func serverHow(t *Timeline, b sim.Break) string {
	switch b.ServerVia {
	case sim.ViaIdleTimeout:
		return fmt.Sprintf("its idle timeout (%s) ran out", durfmt.Setting(t.Config.ServerIdleTimeout()))
	case sim.ViaRestart:
		return "it restarted"
	case sim.ViaTakeover:
		return "the client's new connection replaced the session"
	case sim.ViaFIN:
		switch b.Cause {
		case sim.CauseSocketDestroyed:
			return "the destroyed socket's reset arrived"
		case sim.CauseKill:
			return "the killed app's FIN arrived"
		}
		return "a FIN or reset from the client arrived"
	}
	return ""
}

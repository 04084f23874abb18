package timeline

import (
	"time"

	"gonum.org/v1/plot/text"

	"pingtune/internal/durfmt"
	"pingtune/sim"
)

// drawIntervals writes, under a moving heartbeat policy, the background
// interval in force along the app's row: the one at the window's start, and
// a tick with the new value at each change (the trace's interval records).
// A fixed interval is in the title and draws nothing here.
func drawIntervals(p *painter, l *layout, t *Timeline) {
	if t.Config.App.Policy.Kind == sim.PolicyFixed || t.Result == nil {
		return
	}
	y := l.barTop(rowApp) - 2
	st := textStyle{size: 0.8 * l.font, color: colMuted, yalign: text.YBottom}
	p.text(l.x0+2, y, st, "interval "+durfmt.Setting(intervalAt(t.Result, t.Window.From)))
	for _, e := range t.Events {
		if e.Kind != sim.TraceInterval {
			continue
		}
		x := l.x(e.At)
		p.line(colMuted, 1, nil, x, l.barTop(rowApp), x, l.barBottom(rowApp))
		p.text(x+2, y, st, "→ "+durfmt.Setting(e.Latency))
	}
}

// intervalAt is the background interval r ran at at time at.
func intervalAt(r *sim.Result, at time.Duration) time.Duration {
	var iv time.Duration
	for _, s := range r.Intervals {
		if s.From > at {
			break
		}
		iv = s.Interval
	}
	return iv
}

// natOf is the NAT idle timeout of t's replication: the scenario's, or the
// one its fleet drew.
func natOf(t *Timeline) time.Duration {
	if t.Config.Network.NATIdleFleet != nil && t.Result != nil {
		return t.Result.NATIdle
	}
	return t.Config.Network.NATIdleTimeout
}

// natText writes the replication's NAT idle timeout: as the scenario sets
// it, or, drawn by a fleet, rounded for people.
func natText(t *Timeline) string {
	if t.Config.Network.NATIdleFleet != nil {
		return durfmt.Human(natOf(t).Seconds())
	}
	return durfmt.Setting(natOf(t))
}

package timeline

import (
	"time"

	"gonum.org/v1/plot/text"

	"pingtune/sim"
)

// drawLanes draws every lane's state spans as a bar in its row, each span
// at its true extent. A burst of states other than the lane's resting one
// (a wakeup, a radio promotion-active-tail cycle) narrower than minSpanPx
// would vanish; it is drawn minSpanPx wide from its true start, in the
// colour of the state it spent most of its time in, so it stays visible
// without showing a state that lasted only an instant of it.
func drawLanes(p *painter, l *layout, t *Timeline) {
	spans := laneSpans(t)
	for r := row(0); r < l.rows; r++ {
		if r == rowMessages {
			continue
		}
		lane := rowLanes[r]
		ls := laneStyles[lane]
		y0, y1 := l.barTop(r), l.barBottom(r)
		if why := laneUnused(t.Config, lane); why != "" {
			p.rect(l.x0, y0, l.x1, y1, colNone)
			p.text((l.x0+l.x1)/2, l.mid(r), textStyle{size: 0.85 * l.font, color: colMuted, xalign: text.XCenter, yalign: text.YCenter}, why)
			continue
		}
		for _, s := range spans[lane] {
			p.rect(l.x(s.From), y0, l.x(s.To), y1, ls.colors[s.State])
		}
		for _, b := range bursts(spans[lane], ls.rest) {
			if x0 := l.x(b.From); l.x(b.To)-x0 < minSpanPx {
				p.rect(x0, y0, min(x0+minSpanPx, l.x1), y1, ls.colors[b.State])
			}
		}
	}
}

// laneUnused says why a lane has nothing to show in this scenario, or "".
func laneUnused(cfg *sim.Config, lane sim.Lane) string {
	switch {
	case lane == sim.LaneNAT && cfg.Network.NATIdleTimeout <= 0 && cfg.Network.NATIdleFleet == nil:
		return "no NAT on the path in this scenario"
	case lane == sim.LaneTask && cfg.Platform.AlwaysAwake:
		return "no background tasks: the device never suspends the app"
	case lane == sim.LaneLight && !cfg.Platform.Android.Doze.Light:
		return "light Doze is off in this scenario"
	}
	return ""
}

// bursts joins the back-to-back spans of states other than rest into
// bursts, each with the state it spent most time in.
func bursts(spans []span, rest uint8) []span {
	var out []span
	var in [sim.NumDozeStates]time.Duration // time per state in the current burst (Doze has the most states)
	open := false
	flush := func() {
		if !open {
			return
		}
		b := &out[len(out)-1]
		for s, d := range in {
			if d > in[b.State] {
				b.State = uint8(s)
			}
		}
		in, open = [sim.NumDozeStates]time.Duration{}, false
	}
	for _, s := range spans {
		if s.State == rest {
			flush()
			continue
		}
		if !open || out[len(out)-1].To != s.From {
			flush()
			out = append(out, span{From: s.From, To: s.To, State: s.State})
			open = true
		}
		out[len(out)-1].To = s.To
		in[s.State] += s.To - s.From
	}
	flush()
	return out
}

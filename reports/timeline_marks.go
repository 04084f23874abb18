package reports

import (
	"fmt"
	"image/color"
	"time"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"pingtune/sim"
)

// tlDrawBreakGuides draws a dashed line in the cause's colour down every row at
// each break in the window, numbered as the story under the picture numbers
// it, and under the connection and session bars an arrow from the break to
// when each side learned of it. Breaks closer than 15 px on average (a
// window of days) get neither: their markers on the rows are left to say it.
func tlDrawBreakGuides(p *tlPainter, l *tlLayout, t *Timeline) {
	n := 0
	for _, b := range t.Result.Breaks {
		if tlBreakInWindow(b, t.Window) {
			n++
		}
	}
	if float64(n) > (l.x1-l.x0)/15 {
		return
	}
	lastLabel := -1e9
	var used [tlNumRows]float64 // per row, where the last arrow label ends
	for i := range used {
		used[i] = -1e9
	}
	for i, b := range t.Result.Breaks {
		if !tlBreakInWindow(b, t.Window) {
			continue
		}
		c := tlCauseColors[b.Cause]
		if t.Window.Contains(b.At) {
			x := l.x(b.At)
			p.line(c, 1.2, []vg.Length{4, 3}, x, l.top-2, x, l.axisY)
			label := fmt.Sprintf("#%d %s", i+1, b.Cause)
			st := tlText{size: 0.9 * l.font, bold: true, color: c, xalign: text.XCenter, yalign: text.YBottom}
			if w := p.textWidth(st, label); x-w/2 > lastLabel+4 {
				p.text(x, l.top-3, st, label)
				lastLabel = x + w/2
			}
		}
	}
	// The arrows go over every guide line, so that no guide crosses a label.
	for _, b := range t.Result.Breaks {
		if !tlBreakInWindow(b, t.Window) {
			continue
		}
		c := tlCauseColors[b.Cause]
		tlDetectArrow(p, l, tlRowConn, b.At, b.Client, c, "client", &used[tlRowConn])
		tlDetectArrow(p, l, tlRowSession, b.At, b.Server, c, "server", &used[tlRowSession])
	}
}

// tlDetectArrow draws, under row r's bar, a line from a break at at to its
// detection latency later, labelled with the latency where the label fits
// (inside the arrow, or beside it) without covering the row's last label,
// which ends at *used.
func tlDetectArrow(p *tlPainter, l *tlLayout, r tlRow, at, latency time.Duration, c color.Color, side string, used *float64) {
	if latency == sim.Unresolved {
		return
	}
	from, to := max(at, l.win.From), min(at+latency, l.win.To)
	if to < from {
		return
	}
	y := l.barBottom(r) + 0.22*l.rowH
	x0, x1 := l.x(from), l.x(to)
	p.line(c, 1.5, nil, x0, y, x1, y)
	p.line(c, 1.5, nil, x0, y-4, x0, y+4)
	if at+latency <= l.win.To {
		p.poly(c, x1, y, x1-6, y-3.5, x1-6, y+3.5)
	}
	label := fmt.Sprintf("%s knew after %s", side, tlLatency(latency))
	st := tlText{size: 0.85 * l.font, color: c, yalign: text.YCenter}
	w := p.textWidth(st, label)
	var lx float64 // where the label starts
	switch {
	case x1-x0 > w+16:
		lx = (x0+x1)/2 - w/2
	case x1+8+w < l.x1:
		lx = x1 + 8
	case x0-8-w > l.x0:
		lx = x0 - 8 - w
	default:
		return
	}
	if lx < *used+6 {
		return
	}
	p.rect(lx-3, y-0.6*l.font, lx+w+3, y+0.6*l.font, color.White)
	p.text(lx, y, st, label)
	*used = lx + w
}

// tlDrawMarks draws a marker for every happening in the window on the row it
// concerns.
func tlDrawMarks(p *tlPainter, l *tlLayout, t *Timeline) {
	r := max(4.5, l.barH*0.42)
	msg := l.mid(tlRowMessages)
	pingY, pushY := msg-0.2*l.rowH, msg+0.2*l.rowH
	sent := map[time.Duration]bool{} // push send times seen in the window
	var lastPing time.Duration = -1
	for _, e := range t.Events {
		x := l.x(e.At)
		switch e.Kind {
		case sim.TraceWakeup:
			tlTriDown(p, x, l.barTop(tlRowApp)-r-2, r, tlWakeColors[e.Cause])
		case sim.TraceKill:
			tlHaloCross(p, x, l.mid(tlRowApp), r+2, color.Black)
		case sim.TraceRelaunch:
			tlTriUp(p, x, l.barBottom(tlRowApp)+r+2, r, tlColText)
		case sim.TraceHandover:
			tlDiamond(p, x, l.mid(tlRowPath), r, tlCauseColors[sim.CauseHandover])
		case sim.TraceServerRestart:
			c := tlCauseColors[sim.CauseServerGraceful]
			if sim.RestartKind(e.Cause) == sim.Silent {
				c = tlCauseColors[sim.CauseServerSilent]
			}
			tlSquare(p, x, l.barTop(tlRowServer)-r-2, r, c)
		case sim.TraceBreak:
			tlHaloCross(p, x, l.mid(tlRowConn), r+1, tlCauseColors[e.Cause])
		case sim.TraceDetectClient:
			tlDiamond(p, x, l.mid(tlRowConn), r, tlCauseColors[e.Cause])
		case sim.TraceDetectServer:
			tlDiamond(p, x, l.mid(tlRowSession), r, tlCauseColors[e.Cause])
		case sim.TraceConnectFail:
			tlCross(p, x, l.barTop(tlRowConn)-r-2, r*0.7, tlColMuted)
		case sim.TracePingSent:
			tlTriUp(p, x, pingY, r, tlColPing)
			lastPing = e.At
		case sim.TracePongReceived:
			tlTriDown(p, x, pingY+r+3, r, tlColPong)
		case sim.TracePingTimeout:
			if lastPing >= 0 {
				p.line(tlColTimeout, 1.5, []vg.Length{3, 2}, l.x(lastPing), pingY, x, pingY)
			}
			tlCross(p, x, pingY, r, tlColTimeout)
		case sim.TracePushSent:
			tlRing(p, x, pushY, r, tlColPush)
			sent[e.At] = true
		case sim.TracePushQueued:
			tlSquare(p, x, pushY+r+3, r*0.6, tlColMissing)
		case sim.TracePushDelivered:
			from := e.At - e.Latency
			if from < l.win.From || sent[from] {
				p.line(tlColPush, 1, nil, l.x(max(from, l.win.From)), pushY, x, pushY)
			}
			tlDot(p, x, pushY, r, tlColPush)
		case sim.TracePushLost:
			tlCross(p, x, pushY, r, tlColPushLost)
		case sim.TracePushDropped:
			tlCross(p, x, pushY, r, tlColDropped)
		}
	}
}

package timeline

import (
	"fmt"
	"image/color"
	"time"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"pingtune/internal/durfmt"
	"pingtune/sim"
)

// drawBreakGuides draws a dashed line in the cause's colour down every row at
// each break in the window, numbered as the story under the picture numbers
// it, and under the connection and session bars an arrow from the break to
// when each side learned of it. Breaks closer than 15 px on average (a
// window of days) get neither: their markers on the rows are left to say it.
func drawBreakGuides(p *painter, l *layout, t *Timeline) {
	n := 0
	for _, b := range t.Result.Breaks {
		if breakInWindow(b, t.Window) {
			n++
		}
	}
	if float64(n) > (l.x1-l.x0)/15 {
		return
	}
	lastLabel := -1e9
	var used [numRows]float64 // per row, where the last arrow label ends
	for i := range used {
		used[i] = -1e9
	}
	for i, b := range t.Result.Breaks {
		if !breakInWindow(b, t.Window) {
			continue
		}
		c := causeColors[b.Cause]
		if t.Window.Contains(b.At) {
			x := l.x(b.At)
			p.line(c, 1.2, []vg.Length{4, 3}, x, l.top-2, x, l.axisY)
			label := fmt.Sprintf("#%d %s", i+1, b.Cause)
			st := textStyle{size: 0.9 * l.font, bold: true, color: c, xalign: text.XCenter, yalign: text.YBottom}
			if w := p.textWidth(st, label); x-w/2 > lastLabel+4 {
				p.text(x, l.top-3, st, label)
				lastLabel = x + w/2
			}
		}
	}
	// The arrows go over every guide line, so that no guide crosses a label.
	for _, b := range t.Result.Breaks {
		if !breakInWindow(b, t.Window) {
			continue
		}
		c := causeColors[b.Cause]
		detectArrow(p, l, rowConn, b.At, b.Client, c, "client", &used[rowConn])
		detectArrow(p, l, rowSession, b.At, b.Server, c, "server", &used[rowSession])
	}
}

// detectArrow draws, under row r's bar, a line from a break at at to its
// detection latency later, labelled with the latency where the label fits
// (inside the arrow, or beside it) without covering the row's last label,
// which ends at *used.
func detectArrow(p *painter, l *layout, r row, at, latency time.Duration, c color.Color, side string, used *float64) {
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
	label := fmt.Sprintf("%s knew after %s", side, durfmt.Human(latency.Seconds()))
	st := textStyle{size: 0.85 * l.font, color: c, yalign: text.YCenter}
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

// drawMarks draws a marker for every happening in the window on the row it
// concerns.
func drawMarks(p *painter, l *layout, t *Timeline) {
	r := max(4.5, l.barH*0.42)
	msg := l.mid(rowMessages)
	pingY, pushY := msg-0.2*l.rowH, msg+0.2*l.rowH
	sent := map[time.Duration]bool{} // push send times seen in the window
	var lastPing time.Duration = -1
	for _, e := range t.Events {
		x := l.x(e.At)
		switch e.Kind {
		case sim.TraceWakeup:
			triDown(p, x, l.barTop(rowApp)-r-2, r, wakeColors[e.Cause])
		case sim.TraceKill:
			haloCross(p, x, l.mid(rowApp), r+2, color.Black)
		case sim.TraceRelaunch:
			triUp(p, x, l.barBottom(rowApp)+r+2, r, colText)
		case sim.TraceHandover:
			diamond(p, x, l.mid(rowPath), r, causeColors[sim.CauseHandover])
		case sim.TraceServerRestart:
			c := causeColors[sim.CauseServerGraceful]
			if sim.RestartKind(e.Cause) == sim.Silent {
				c = causeColors[sim.CauseServerSilent]
			}
			square(p, x, l.barTop(rowServer)-r-2, r, c)
		case sim.TraceBreak:
			haloCross(p, x, l.mid(rowConn), r+1, causeColors[e.Cause])
		case sim.TraceDetectClient:
			diamond(p, x, l.mid(rowConn), r, causeColors[e.Cause])
		case sim.TraceDetectServer:
			diamond(p, x, l.mid(rowSession), r, causeColors[e.Cause])
		case sim.TraceConnectFail:
			cross(p, x, l.barTop(rowConn)-r-2, r*0.7, colMuted)
		case sim.TracePingSent:
			triUp(p, x, pingY, r, colPing)
			lastPing = e.At
		case sim.TracePongReceived:
			triDown(p, x, pingY+r+3, r, colPong)
		case sim.TracePingTimeout:
			if lastPing >= 0 {
				p.line(colTimeout, 1.5, []vg.Length{3, 2}, l.x(lastPing), pingY, x, pingY)
			}
			cross(p, x, pingY, r, colTimeout)
		case sim.TracePushSent:
			ring(p, x, pushY, r, colPush)
			sent[e.At] = true
		case sim.TracePushQueued:
			square(p, x, pushY+r+3, r*0.6, colMissing)
		case sim.TracePushDelivered:
			from := e.At - e.Latency
			if from < l.win.From || sent[from] {
				p.line(colPush, 1, nil, l.x(max(from, l.win.From)), pushY, x, pushY)
			}
			dot(p, x, pushY, r, colPush)
		case sim.TracePushLost:
			cross(p, x, pushY, r, colPushLost)
		case sim.TracePushDropped:
			cross(p, x, pushY, r, colDropped)
		}
	}
}

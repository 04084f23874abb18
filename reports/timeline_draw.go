package reports

import (
	"fmt"
	"image/color"
	"io"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg/vgimg"
)

// Limits of a timeline picture's size, in pixels.
const (
	MinTimelineWidth, MinTimelineHeight = 800, 500
	MaxTimelineWidth, MaxTimelineHeight = 10000, 10000
)

// tlMinSpanPx is the narrowest a state span other than a lane's resting state
// is drawn: a 0.3 s wakeup or radio promotion stays visible in a 6 h window.
// It starts where the span starts and only widens it to the right; the
// legend says so.
const tlMinSpanPx = 2

// WriteTimelinePNG draws t as a width×height PNG: one lane per state
// machine, markers for what happened, the breaks' stories underneath.
func WriteTimelinePNG(w io.Writer, t *Timeline, width, height int) error {
	if width < MinTimelineWidth || height < MinTimelineHeight || width > MaxTimelineWidth || height > MaxTimelineHeight {
		return fmt.Errorf("timeline: size %dx%d outside %dx%d to %dx%d", width, height,
			MinTimelineWidth, MinTimelineHeight, MaxTimelineWidth, MaxTimelineHeight)
	}
	if t.Window.Len() <= 0 {
		return fmt.Errorf("timeline: empty window %s", t.Window)
	}
	p := newTLPainter(width, height)
	l := newTLLayout(t, width, height)
	tlDrawTitle(p, &l, t)
	tlDrawGrid(p, &l, t)
	tlDrawLanes(p, &l, t)
	tlDrawBreakGuides(p, &l, t)
	tlDrawHorizon(p, &l, t)
	tlDrawMarks(p, &l, t)
	tlDrawAxis(p, &l)
	tlDrawLegend(p, &l)
	tlDrawStory(p, &l, t)
	_, err := vgimg.PngCanvas{Canvas: p.c}.WriteTo(w)
	return err
}

// tlDrawTitle names the scenario, the replication and the settings that decide
// detection, and what the window holds.
func tlDrawTitle(p *tlPainter, l *tlLayout, t *Timeline) {
	cfg := t.Config
	p.text(16, 0.8*l.font, tlText{size: 1.45 * l.font, bold: true, yalign: text.YTop},
		fmt.Sprintf("%s — replication %d, seed %d", cfg.Name, t.Rep, cfg.Seed))
	hb := "heartbeat " + tlSetting(cfg.App.Interval)
	if eff := cfg.EffectiveInterval(); eff != cfg.App.Interval {
		hb += " (platform clamps to " + tlSetting(eff) + ")"
	}
	parts := []string{hb, "pong timeout " + tlSetting(cfg.App.Timeout)}
	if nat := cfg.Network.NATIdleTimeout; nat > 0 {
		parts = append(parts, "NAT idle timeout "+tlSetting(nat))
	} else {
		parts = append(parts, "no NAT")
	}
	if s := cfg.ServerIdleTimeout(); s > 0 && cfg.Server.IdleTimeoutMultiple > 0 {
		parts = append(parts, fmt.Sprintf("server idle timeout %s (%g× heartbeat)", tlSetting(s), cfg.Server.IdleTimeoutMultiple))
	} else if s > 0 {
		parts = append(parts, "server idle timeout "+tlSetting(s))
	} else {
		parts = append(parts, "no server idle timeout")
	}
	parts = append(parts, "platform "+cfg.Platform.Name, "radio "+cfg.Radio.Name)
	if !cfg.Platform.AlwaysAwake {
		parts = append(parts, "background task "+cfg.App.BackgroundTask.String())
	}
	p.text(16, 2.75*l.font, tlText{size: l.font, color: tlColMuted, yalign: text.YTop}, strings.Join(parts, " · "))
	p.text(l.w-16, 0.8*l.font, tlText{size: l.font, color: tlColMuted, xalign: text.XRight, yalign: text.YTop},
		fmt.Sprintf("showing %s to %s of %s (h:mm:ss from the start)", Clock(t.Window.From), Clock(t.Window.To), Clock(cfg.Horizon)))
}

// tlDrawGrid draws the rows' titles and state legends in the left column, the
// row separators and the time grid.
func tlDrawGrid(p *tlPainter, l *tlLayout, t *Timeline) {
	step := tlTickStep(l.win.Len(), int((l.x1-l.x0)/90))
	for _, tk := range tlTicks(l.win, step) {
		x := l.x(tk)
		p.line(tlColGrid, 1, nil, x, l.top, x, l.axisY)
	}
	for r := tlRow(0); r < tlNumRows; r++ {
		y0 := l.top + float64(r)*l.rowH
		if r > 0 {
			p.line(tlColGrid, 1, nil, 8, y0, l.x1, y0)
		}
		title, entries := tlRowLegend(t, r)
		p.text(12, y0+0.1*l.rowH, tlText{size: l.font, bold: true, yalign: text.YTop}, title)
		small := l.rowLegendText()
		x, y := 12.0, y0+0.1*l.rowH+1.7*l.font
		for i, e := range entries {
			if i > 0 && i%l.legendCols[r] == 0 {
				x, y = 12, y+1.2*l.font
			}
			e.draw(p, x+5, y, 5)
			p.text(x+13, y, small, e.name)
			x += 13 + small.width(e.name) + 10
		}
	}
}

// tlLegendEntry is a marker or colour with its name.
type tlLegendEntry struct {
	name string
	draw func(p *tlPainter, x, y, r float64)
}

func tlSwatch(c color.Color) func(p *tlPainter, x, y, r float64) {
	return func(p *tlPainter, x, y, r float64) {
		p.rect(x-r, y-r, x+r, y+r, c)
		p.frame(x-r, y-r, x+r, y+r, tlColMuted, 0.5)
	}
}

func tlMark(g tlGlyph, c color.Color) func(p *tlPainter, x, y, r float64) {
	return func(p *tlPainter, x, y, r float64) { g(p, x, y, r, c) }
}

// tlRowLegend is row r's title and what its colours and markers mean.
func tlRowLegend(t *Timeline, r tlRow) (string, []tlLegendEntry) {
	if r == tlRowMessages {
		return "pings and pushes", []tlLegendEntry{
			{"ping", tlMark(tlTriUp, tlColPing)}, {"pong", tlMark(tlTriDown, tlColPong)},
			{"no pong", tlMark(tlCross, tlColTimeout)}, {"push read", tlMark(tlDot, tlColPush)},
			{"push sent", tlMark(tlRing, tlColPush)}, {"push lost", tlMark(tlCross, tlColPushLost)},
		}
	}
	ls := tlLaneStyles[tlRowLanes[r]]
	if tlLaneUnused(t.Config, tlRowLanes[r]) != "" {
		return ls.title, []tlLegendEntry{{"not in this scenario", tlSwatch(tlColNone)}}
	}
	var es []tlLegendEntry
	for i, name := range ls.names {
		es = append(es, tlLegendEntry{name, tlSwatch(ls.colors[i])})
	}
	return ls.title, es
}

// tlDrawAxis draws the time axis under the rows, in h:mm from the scenario's start.
func tlDrawAxis(p *tlPainter, l *tlLayout) {
	p.line(tlColText, 1, nil, l.x0, l.axisY, l.x1, l.axisY)
	step := tlTickStep(l.win.Len(), int((l.x1-l.x0)/90))
	for _, tk := range tlTicks(l.win, step) {
		x := l.x(tk)
		p.line(tlColText, 1, nil, x, l.axisY, x, l.axisY+5)
		p.text(x, l.axisY+7, tlText{size: l.font, xalign: text.XCenter, yalign: text.YTop}, tlAxisClock(tk))
	}
}

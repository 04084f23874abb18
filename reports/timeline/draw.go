package timeline

import (
	"fmt"
	"image/color"
	"io"
	"strings"

	"gonum.org/v1/plot/text"

	"pingtune/internal/durfmt"
	"pingtune/sim"
)

// Limits of a timeline picture's size, in pixels.
const (
	MinWidth, MinHeight = 800, 500
	MaxWidth, MaxHeight = 10000, 10000
)

// minSpanPx is the narrowest a state span other than a lane's resting state
// is drawn: a 0.3 s wakeup or radio promotion stays visible in a 6 h window.
// It starts where the span starts and only widens it to the right; the
// legend says so.
const minSpanPx = 2

// WritePNG draws t as a width×height PNG: one lane per state
// machine, markers for what happened, the breaks' stories underneath.
func WritePNG(w io.Writer, t *Timeline, width, height int) error {
	return Write(w, t, width, height, FormatPNG)
}

// Write draws t as a width×height picture in format, as WritePNG does.
func Write(w io.Writer, t *Timeline, width, height int, format Format) error {
	if format != FormatPNG && format != FormatSVG {
		return fmt.Errorf("timeline: unknown picture format %q", format)
	}
	if width < MinWidth || height < MinHeight || width > MaxWidth || height > MaxHeight {
		return fmt.Errorf("timeline: size %dx%d outside %dx%d to %dx%d", width, height,
			MinWidth, MinHeight, MaxWidth, MaxHeight)
	}
	if t.Window.Len() <= 0 {
		return fmt.Errorf("timeline: empty window %s", t.Window)
	}
	p := newPainter(width, height, format)
	l := newLayout(t, width, height)
	drawTitle(p, &l, t)
	drawGrid(p, &l, t)
	drawLanes(p, &l, t)
	drawIntervals(p, &l, t)
	drawBreakGuides(p, &l, t)
	drawHorizon(p, &l, t)
	drawMarks(p, &l, t)
	drawAxis(p, &l)
	drawLegend(p, &l)
	drawStory(p, &l, t)
	return p.writeTo(w)
}

// drawTitle names the scenario, the replication and the settings that decide
// detection, and what the window holds.
func drawTitle(p *painter, l *layout, t *Timeline) {
	cfg := t.Config
	p.text(16, 0.8*l.font, textStyle{size: 1.45 * l.font, bold: true, yalign: text.YTop},
		fmt.Sprintf("%s — replication %d, seed %d", cfg.Name, t.Rep, cfg.Seed))
	hb := "heartbeat " + durfmt.Setting(cfg.App.Interval)
	if eff := cfg.EffectiveInterval(); eff != cfg.App.Interval {
		hb += " (platform clamps to " + durfmt.Setting(eff) + ")"
	}
	if k := cfg.App.Policy.Kind; k != sim.PolicyFixed {
		hb = "heartbeat policy " + k.String()
	}
	parts := []string{hb, "pong timeout " + durfmt.Setting(cfg.App.Timeout)}
	if nat := natOf(t); nat > 0 && cfg.Network.NATIdleFleet != nil {
		parts = append(parts, "NAT idle timeout "+durfmt.Human(nat.Seconds())+" (this replication's draw)")
	} else if nat > 0 {
		parts = append(parts, "NAT idle timeout "+durfmt.Setting(nat))
	} else {
		parts = append(parts, "no NAT")
	}
	if s := cfg.ServerIdleTimeout(); s > 0 && cfg.Server.IdleTimeoutMultiple > 0 {
		parts = append(parts, fmt.Sprintf("server idle timeout %s (%g× heartbeat)", durfmt.Setting(s), cfg.Server.IdleTimeoutMultiple))
	} else if s > 0 {
		parts = append(parts, "server idle timeout "+durfmt.Setting(s))
	} else {
		parts = append(parts, "no server idle timeout")
	}
	parts = append(parts, "platform "+cfg.Platform.Name, "radio "+cfg.Radio.Name)
	if !cfg.Platform.AlwaysAwake {
		parts = append(parts, "background task "+cfg.App.BackgroundTask.String())
	}
	p.text(16, 2.75*l.font, textStyle{size: l.font, color: colMuted, yalign: text.YTop}, strings.Join(parts, " · "))
	p.text(l.w-16, 0.8*l.font, textStyle{size: l.font, color: colMuted, xalign: text.XRight, yalign: text.YTop},
		fmt.Sprintf("showing %s to %s of %s (h:mm:ss from the start)", durfmt.Clock(t.Window.From), durfmt.Clock(t.Window.To), durfmt.Clock(cfg.Horizon)))
}

// drawGrid draws the rows' titles and state legends in the left column, the
// row separators and the time grid.
func drawGrid(p *painter, l *layout, t *Timeline) {
	step := tickStep(l.win.Len(), int((l.x1-l.x0)/90))
	for _, tk := range ticks(l.win, step) {
		x := l.x(tk)
		p.line(colGrid, 1, nil, x, l.top, x, l.axisY)
	}
	for r := row(0); r < l.rows; r++ {
		y0 := l.top + float64(r)*l.rowH
		if r > 0 {
			p.line(colGrid, 1, nil, 8, y0, l.x1, y0)
		}
		title, entries := rowLegend(t, r)
		p.text(12, y0+0.1*l.rowH, textStyle{size: l.font, bold: true, yalign: text.YTop}, title)
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

// legendEntry is a marker or colour with its name.
type legendEntry struct {
	name string
	draw func(p *painter, x, y, r float64)
}

func swatch(c color.Color) func(p *painter, x, y, r float64) {
	return func(p *painter, x, y, r float64) {
		p.rect(x-r, y-r, x+r, y+r, c)
		p.frame(x-r, y-r, x+r, y+r, colMuted, 0.5)
	}
}

func mark(g glyphShape, c color.Color) func(p *painter, x, y, r float64) {
	return func(p *painter, x, y, r float64) { g(p, x, y, r, c) }
}

// rowLegend is row r's title and what its colours and markers mean.
func rowLegend(t *Timeline, r row) (string, []legendEntry) {
	if r == rowMessages {
		return "pings and pushes", []legendEntry{
			{"ping", mark(triUp, colPing)}, {"pong", mark(triDown, colPong)},
			{"no pong", mark(cross, colTimeout)}, {"push read", mark(dot, colPush)},
			{"push sent", mark(ring, colPush)}, {"push lost", mark(cross, colPushLost)},
		}
	}
	ls := laneStyles[rowLanes[r]]
	if laneUnused(t.Config, rowLanes[r]) != "" {
		return ls.title, []legendEntry{{"not in this scenario", swatch(colNone)}}
	}
	var es []legendEntry
	for i, name := range ls.names {
		es = append(es, legendEntry{name, swatch(ls.colors[i])})
	}
	return ls.title, es
}

// drawAxis draws the time axis under the rows, in h:mm from the scenario's start.
func drawAxis(p *painter, l *layout) {
	p.line(colText, 1, nil, l.x0, l.axisY, l.x1, l.axisY)
	step := tickStep(l.win.Len(), int((l.x1-l.x0)/90))
	for _, tk := range ticks(l.win, step) {
		x := l.x(tk)
		p.line(colText, 1, nil, x, l.axisY, x, l.axisY+5)
		p.text(x, l.axisY+7, textStyle{size: l.font, xalign: text.XCenter, yalign: text.YTop}, durfmt.AxisClock(tk))
	}
}

package timeline

import (
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot/text"

	"pingtune/sim"
)

// legendItem is one entry of the marker legend under the axis: a group's
// heading (bold, starting a line), a marker with its name, or a note.
type legendItem struct {
	name    string
	heading bool
	note    bool
	glyph   glyphShape
	color   color.Color
}

// legendItems explains the markers that are not in a row's own legend:
// the wakeup causes above the app, the other happenings, the break causes
// and the detections. Only Android destroys sockets (sim.CauseSocketDestroyed).
func legendItems(android bool) []legendItem {
	items := []legendItem{{name: "wakeups, above the app:", heading: true}}
	for c := range sim.NumWakeCauses {
		items = append(items, legendItem{name: c.String(), glyph: triDown, color: wakeColors[c]})
	}
	items = append(items,
		legendItem{name: "watchdog kill", glyph: haloCross, color: color.Black},
		legendItem{name: "relaunch", glyph: triUp, color: colText},
		legendItem{name: "graceful restart", glyph: square, color: causeColors[sim.CauseServerGraceful]},
		legendItem{name: "silent restart", glyph: square, color: causeColors[sim.CauseServerSilent]},
		legendItem{name: "IP change", glyph: diamond, color: causeColors[sim.CauseHandover]},
		legendItem{name: "connect failed", glyph: cross, color: colMuted},
		legendItem{name: "push queued (server)", glyph: square, color: colMissing},
		legendItem{name: "push dropped", glyph: cross, color: colDropped},
		legendItem{name: "breaks, by cause:", heading: true})
	for c := range sim.NumCauses {
		if c == sim.CauseSocketDestroyed && !android {
			continue
		}
		items = append(items, legendItem{name: c.String(), glyph: haloCross, color: causeColors[c]})
	}
	return append(items,
		legendItem{name: "detected: client on the connection, server on the session", glyph: diamond, color: colIdle},
		legendItem{name: fmt.Sprintf("states shorter than %dpx are drawn %dpx wide", minSpanPx, minSpanPx), note: true})
}

// placedItem is where a legend item goes: its left edge and its line.
type placedItem struct {
	x    float64
	line int
}

// legendStyle is the style of an item.
func legendStyle(it legendItem, font float64) textStyle {
	st := textStyle{size: 0.9 * font, color: colText, yalign: text.YCenter, bold: it.heading}
	if it.note {
		st.size, st.color = 0.8*font, colMuted
	}
	return st
}

// flow places the items left to right from x = 12, a heading starting a
// new line and any item that would pass maxX going to the next; it returns
// the places and the number of lines.
func flow(items []legendItem, font, maxX float64) ([]placedItem, int) {
	out := make([]placedItem, len(items))
	x, line := 12.0, 0
	for i, it := range items {
		w := legendStyle(it, font).width(it.name)
		if it.glyph != nil {
			w += 13
		}
		if (it.heading && i > 0) || (x > 12 && x+w > maxX) {
			x, line = 12, line+1
		}
		out[i] = placedItem{x: x, line: line}
		x += w + 12
	}
	return out, line + 1
}

// drawLegend draws the marker legend where the layout placed it.
func drawLegend(p *painter, l *layout) {
	lineH := 1.35 * l.font
	for i, it := range l.items {
		pl := l.placed[i]
		x, y := pl.x, l.legend+float64(pl.line)*lineH
		if it.glyph != nil {
			it.glyph(p, x+5, y, 5, it.color)
			x += 13
		}
		p.text(x, y, legendStyle(it, l.font), it.name)
	}
}

// drawStory writes each break of the window under the picture: when it
// happened, when and how each side learned of it, when it was repaired. A
// story wraps onto a second line; stories that do not fit are counted.
func drawStory(p *painter, l *layout, t *Timeline) {
	lines := tellStory(t)
	lineH := 1.35 * l.font
	st := textStyle{size: 0.92 * l.font, color: colText, yalign: text.YCenter}
	muted := st
	muted.color = colMuted
	y := l.storyY
	if len(lines) == 0 {
		p.text(12, y, muted, "No connection broke in this window.")
		return
	}
	bold := st
	bold.bold = true
	for i, s := range lines {
		label := fmt.Sprintf("#%d", s.N)
		x := 30 + p.textWidth(bold, label) + 6
		parts := wrap(p, st, s.Text, l.w-16-x, 2)
		if y+float64(len(parts))*lineH > l.h-4+lineH/2 || (i < len(lines)-1 && y+float64(len(parts)+1)*lineH > l.h-4+lineH/2) {
			p.text(12, y, muted, fmt.Sprintf("… and %d more breaks in this window (pingtune trace lists them all)", len(lines)-i))
			return
		}
		haloCross(p, 18, y, 5, causeColors[s.Cause])
		p.text(30, y, bold, label)
		for _, part := range parts {
			p.text(x, y, st, part)
			y += lineH
		}
	}
}

// wrap breaks s into at most n lines of width w, at spaces; the last line
// is cut with an ellipsis if it must be.
func wrap(p *painter, st textStyle, s string, w float64, n int) []string {
	var out []string
	for len(out) < n-1 && p.textWidth(st, s) > w {
		words := strings.Fields(s)
		k := len(words)
		for k > 1 && p.textWidth(st, strings.Join(words[:k], " ")) > w {
			k--
		}
		out = append(out, strings.Join(words[:k], " "))
		s = strings.Join(words[k:], " ")
	}
	return append(out, fitText(p, st, s, w))
}

// fitText cuts s to width w with an ellipsis.
func fitText(p *painter, st textStyle, s string, w float64) string {
	if p.textWidth(st, s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && p.textWidth(st, string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

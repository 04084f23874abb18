package reports

import (
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot/text"

	"pingtune/sim"
)

// tlLegendItem is one entry of the marker legend under the axis: a group's
// heading (bold, starting a line), a marker with its name, or a note.
type tlLegendItem struct {
	name    string
	heading bool
	note    bool
	glyph   tlGlyph
	color   color.Color
}

// tlLegendItems explains the markers that are not in a row's own legend:
// the wakeup causes above the app, the other happenings, the break causes
// and the detections.
func tlLegendItems() []tlLegendItem {
	items := []tlLegendItem{{name: "wakeups, above the app:", heading: true}}
	for c := range sim.NumWakeCauses {
		items = append(items, tlLegendItem{name: c.String(), glyph: tlTriDown, color: tlWakeColors[c]})
	}
	items = append(items,
		tlLegendItem{name: "watchdog kill", glyph: tlHaloCross, color: color.Black},
		tlLegendItem{name: "relaunch", glyph: tlTriUp, color: tlColText},
		tlLegendItem{name: "graceful restart", glyph: tlSquare, color: tlCauseColors[sim.CauseServerGraceful]},
		tlLegendItem{name: "silent restart", glyph: tlSquare, color: tlCauseColors[sim.CauseServerSilent]},
		tlLegendItem{name: "IP change", glyph: tlDiamond, color: tlCauseColors[sim.CauseHandover]},
		tlLegendItem{name: "connect failed", glyph: tlCross, color: tlColMuted},
		tlLegendItem{name: "push queued (server)", glyph: tlSquare, color: tlColMissing},
		tlLegendItem{name: "push dropped", glyph: tlCross, color: tlColDropped},
		tlLegendItem{name: "breaks, by cause:", heading: true})
	for c := range sim.NumCauses {
		items = append(items, tlLegendItem{name: c.String(), glyph: tlHaloCross, color: tlCauseColors[c]})
	}
	return append(items,
		tlLegendItem{name: "detected: client on the connection, server on the session", glyph: tlDiamond, color: tlColIdle},
		tlLegendItem{name: fmt.Sprintf("states shorter than %dpx are drawn %dpx wide", tlMinSpanPx, tlMinSpanPx), note: true})
}

// tlPlacedItem is where a legend item goes: its left edge and its line.
type tlPlacedItem struct {
	x    float64
	line int
}

// tlLegendStyle is the style of an item.
func tlLegendStyle(it tlLegendItem, font float64) tlText {
	st := tlText{size: 0.9 * font, color: tlColText, yalign: text.YCenter, bold: it.heading}
	if it.note {
		st.size, st.color = 0.8*font, tlColMuted
	}
	return st
}

// tlFlow places the items left to right from x = 12, a heading starting a
// new line and any item that would pass maxX going to the next; it returns
// the places and the number of lines.
func tlFlow(items []tlLegendItem, font, maxX float64) ([]tlPlacedItem, int) {
	out := make([]tlPlacedItem, len(items))
	x, line := 12.0, 0
	for i, it := range items {
		w := tlLegendStyle(it, font).width(it.name)
		if it.glyph != nil {
			w += 13
		}
		if (it.heading && i > 0) || (x > 12 && x+w > maxX) {
			x, line = 12, line+1
		}
		out[i] = tlPlacedItem{x: x, line: line}
		x += w + 12
	}
	return out, line + 1
}

// tlDrawLegend draws the marker legend where the layout placed it.
func tlDrawLegend(p *tlPainter, l *tlLayout) {
	lineH := 1.35 * l.font
	for i, it := range l.items {
		pl := l.placed[i]
		x, y := pl.x, l.legend+float64(pl.line)*lineH
		if it.glyph != nil {
			it.glyph(p, x+5, y, 5, it.color)
			x += 13
		}
		p.text(x, y, tlLegendStyle(it, l.font), it.name)
	}
}

// tlDrawStory writes each break of the window under the picture: when it
// happened, when and how each side learned of it, when it was repaired. A
// story wraps onto a second line; stories that do not fit are counted.
func tlDrawStory(p *tlPainter, l *tlLayout, t *Timeline) {
	lines := tlStory(t)
	lineH := 1.35 * l.font
	st := tlText{size: 0.92 * l.font, color: tlColText, yalign: text.YCenter}
	muted := st
	muted.color = tlColMuted
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
		parts := tlWrap(p, st, s.Text, l.w-16-x, 2)
		if y+float64(len(parts))*lineH > l.h-4+lineH/2 || (i < len(lines)-1 && y+float64(len(parts)+1)*lineH > l.h-4+lineH/2) {
			p.text(12, y, muted, fmt.Sprintf("… and %d more breaks in this window (pingtune trace lists them all)", len(lines)-i))
			return
		}
		tlHaloCross(p, 18, y, 5, tlCauseColors[s.Cause])
		p.text(30, y, bold, label)
		for _, part := range parts {
			p.text(x, y, st, part)
			y += lineH
		}
	}
}

// tlWrap breaks s into at most n lines of width w, at spaces; the last line
// is cut with an ellipsis if it must be.
func tlWrap(p *tlPainter, st tlText, s string, w float64, n int) []string {
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
	return append(out, tlFit(p, st, s, w))
}

// tlFit cuts s to width w with an ellipsis.
func tlFit(p *tlPainter, st tlText, s string, w float64) string {
	if p.textWidth(st, s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && p.textWidth(st, string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

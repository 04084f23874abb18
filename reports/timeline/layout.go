package timeline

import (
	"time"

	"gonum.org/v1/plot/text"

	"pingtune/reports/trace"
	"pingtune/sim"
)

// row is one horizontal band of the timeline: a lane's states, or the
// pings and pushes.
type row int

// The rows, top to bottom: the device (app, task, radio), the network
// (path, NAT), the server (server, session), then the connection as the
// client sees it and the messages that cross it; on an Android platform,
// below them, the device states and Doze (only those timelines have these
// rows, so that the others are drawn as before).
const (
	rowApp row = iota
	rowTask
	rowRadio
	rowPath
	rowNAT
	rowServer
	rowSession
	rowConn
	rowMessages
	rowScreen
	rowCharging
	rowMotion
	rowDoze
	rowLight
	numRows
)

// rowLanes maps the lane rows to their lanes.
var rowLanes = [...]sim.Lane{
	rowApp: sim.LaneApp, rowTask: sim.LaneTask, rowRadio: sim.LaneRadio, rowPath: sim.LanePath,
	rowNAT: sim.LaneNAT, rowServer: sim.LaneServer, rowSession: sim.LaneSession, rowConn: sim.LaneConn,
	rowScreen: sim.LaneScreen, rowCharging: sim.LaneCharging, rowMotion: sim.LaneMotion, rowDoze: sim.LaneDoze, rowLight: sim.LaneLight,
}

// rowsOf is how many rows, from the first, t's timeline has.
func rowsOf(t *Timeline) row {
	if t.Config.Platform.IsAndroid() {
		return numRows
	}
	return rowMessages + 1
}

// layout places the timeline's parts on a w×h picture, in pixels from the
// top-left corner.
type layout struct {
	w, h       float64
	rows       row     // the rows drawn: rowMessages+1, or numRows on Android
	x0, x1     float64 // the time axis runs from x0 (window start) to x1 (end)
	top        float64 // the top of the first row
	rowH       float64
	barH       float64 // the height of a lane's state bar
	axisY      float64 // the time axis line
	legend     float64 // the middle of the marker legend's first line
	legendN    int     // its lines
	storyY     float64 // the middle of the break stories' first line
	win        trace.Window
	font       float64      // the base font size, px
	legendCols [numRows]int // per row, its legend's entries per line
	items      []legendItem // the marker legend
	placed     []placedItem // where its items go
}

// maxStory is how many lines of break stories a timeline makes room for
// (a story takes one or two).
const maxStory = 5

func newLayout(t *Timeline, w, h int) layout {
	l := layout{w: float64(w), h: float64(h), win: t.Window, rows: rowsOf(t)}
	l.font = max(10, min(13, l.h/70))
	l.top = 5.2 * l.font
	lineH := 1.35 * l.font
	l.items = legendItems(t.Config.Platform.IsAndroid())
	l.placed, l.legendN = flow(l.items, l.font, l.w-12)
	bottom := 2.2*l.font + float64(l.legendN)*lineH + 0.6*l.font + (maxStory+1)*lineH
	l.rowH = (l.h - l.top - bottom) / float64(l.rows)
	l.barH = max(8, 0.34*l.rowH)
	l.axisY = l.top + float64(l.rows)*l.rowH
	l.legend = l.axisY + 2.2*l.font + 0.5*lineH
	l.storyY = l.legend + float64(l.legendN)*lineH + 0.6*l.font

	// Each row's legend in the left column takes as many lines as fit under
	// its title, and the column is as wide as the widest legend needs.
	fit := 1 + int((0.9*l.rowH-2.3*l.font-2)/(1.2*l.font))
	small := l.rowLegendText()
	width := 0.0
	for r := row(0); r < l.rows; r++ {
		_, entries := rowLegend(t, r)
		cols := max(2, (len(entries)+max(fit, 1)-1)/max(fit, 1))
		l.legendCols[r] = cols
		for i := 0; i < len(entries); i += cols {
			x := 0.0
			for _, e := range entries[i:min(i+cols, len(entries))] {
				x += 13 + small.width(e.name) + 10
			}
			width = max(width, x)
		}
	}
	l.x0, l.x1 = max(12*l.font+40, width+24), l.w-24
	return l
}

// rowLegendText is the style of the rows' state legends.
func (l *layout) rowLegendText() textStyle {
	return textStyle{size: 0.85 * l.font, color: colText, yalign: text.YCenter}
}

// x is where time t falls on the axis.
func (l *layout) x(t time.Duration) float64 {
	return l.x0 + (l.x1-l.x0)*float64(t-l.win.From)/float64(l.win.Len())
}

// mid is the vertical middle of row r.
func (l *layout) mid(r row) float64 { return l.top + (float64(r)+0.5)*l.rowH }

// barTop and barBottom are the edges of row r's state bar.
func (l *layout) barTop(r row) float64    { return l.mid(r) - l.barH/2 }
func (l *layout) barBottom(r row) float64 { return l.mid(r) + l.barH/2 }

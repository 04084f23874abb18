package timeline

import (
	"image/color"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// drawHorizon marks the horizon when the window reaches it: there the
// costs and the generators stop, and what follows is the drain that only
// watches the breaks of the horizon resolve. Past the run's end, where the
// drain stopped, the lanes are veiled: nothing was simulated there.
func drawHorizon(p *painter, l *layout, t *Timeline) {
	h := t.Config.Horizon
	st := textStyle{size: 0.85 * l.font, color: colMuted, xalign: text.XLeft, yalign: text.YBottom}
	if end := t.Result.End; end > t.Window.From && end < t.Window.To {
		x := l.x(end)
		p.rect(x, l.top-2, l.x1, l.axisY, color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xc8})
		p.line(colMuted, 1, nil, x, l.top-2, x, l.axisY)
		p.text(x+3, l.axisY-3, st, "end of the run")
	}
	if !t.Window.Contains(h) || h == t.Window.To {
		return
	}
	x := l.x(h)
	p.line(colText, 1.4, []vg.Length{2, 2}, x, l.top-2, x, l.axisY)
	st.color = colText
	st.xalign = text.XRight
	p.text(x-3, l.axisY-3, st, "horizon: costs stop, the drain follows open breaks →")
}

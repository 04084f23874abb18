package reports

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The legend is drawn by the reports, not by gonum/plot: inside the data
// area, on a white box with a thin frame so that grid lines and curves do
// not run through its text, and inset from the edges so that no swatch is
// cut at the picture's edge. A plot's Legend.Top and Left say which corner;
// its XOffs and YOffs move the box (a negative YOffs lowers a top legend,
// e.g. under the notes along the top of a panel).
const (
	legendInset = 6 // points between the data area's edge and the box
	legendPad   = 4 // points between the box's frame and its entries
)

// drawPlot draws p on c with its legend boxed. The legend is taken off p
// while gonum/plot draws the rest, and put back.
func drawPlot(p *plot.Plot, c draw.Canvas) {
	leg := p.Legend
	p.Legend = plot.NewLegend()
	p.Draw(c)
	p.Legend = leg
	box, ok := legendBox(p.DataCanvas(c), leg)
	if !ok {
		return
	}
	dc := draw.Canvas{Canvas: c.Canvas, Rectangle: box}
	dc.SetColor(color.NRGBA{255, 255, 255, 235})
	dc.Fill(box.Path())
	dc.SetColor(color.RGBA{190, 190, 190, 255})
	dc.SetLineWidth(vg.Points(0.6))
	dc.Stroke(box.Path())
	leg.XOffs, leg.YOffs = 0, 0
	inner := draw.Crop(dc, vg.Points(legendPad), -vg.Points(legendPad), vg.Points(legendPad), -vg.Points(legendPad))
	leg.Draw(inner)
}

// legendBox is where drawPlot puts leg's box in the data area da, and
// whether leg has entries. Layers that place text (pointLabels) keep out of it.
func legendBox(da draw.Canvas, leg plot.Legend) (vg.Rectangle, bool) {
	size := leg.Rectangle(da).Size() // its size is right, its place is not
	if size.X <= 0 || size.Y <= 0 {
		return vg.Rectangle{}, false
	}
	w := size.X + 2*vg.Points(legendPad)
	h := size.Y + 2*vg.Points(legendPad) + leg.TextStyle.FontExtents().Descent
	in := vg.Points(legendInset)
	var r vg.Rectangle
	if leg.Left {
		r.Min.X = da.Min.X + in + leg.XOffs
		r.Max.X = r.Min.X + w
	} else {
		r.Max.X = da.Max.X - in + leg.XOffs
		r.Min.X = r.Max.X - w
	}
	if leg.Top {
		r.Max.Y = da.Max.Y - in + leg.YOffs
		r.Min.Y = r.Max.Y - h
	} else {
		r.Min.Y = da.Min.Y + in + leg.YOffs
		r.Max.Y = r.Min.Y + h
	}
	return r, true
}

package reports

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// colGreenDark marks the recommendation: darker than the allowed region's
// green, so that it stands out on it.
var colGreenDark = color.RGBA{0, 110, 80, 255}

// starGlyph is a five-pointed star filled in the glyph's colour with a
// white edge, so that it reads over the point, the error bars and the lines
// under it.
type starGlyph struct{}

func (starGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	var p vg.Path
	for k := range 10 {
		r := sty.Radius
		if k%2 == 1 {
			r *= 0.45
		}
		a := math.Pi/2 + float64(k)*math.Pi/5
		q := vg.Point{X: pt.X + r*vg.Length(math.Cos(a)), Y: pt.Y + r*vg.Length(math.Sin(a))}
		if k == 0 {
			p.Move(q)
		} else {
			p.Line(q)
		}
	}
	p.Close()
	c.SetColor(sty.Color)
	c.Fill(p)
	c.SetColor(color.White)
	c.SetLineWidth(vg.Points(0.8))
	c.Stroke(p)
}

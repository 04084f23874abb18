package timeline

import (
	"bytes"
	"fmt"
	"image/color"
	"io"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// painter draws on a w×h pixel image in pixel coordinates, x to the right
// and y down from the top-left corner (vg's y goes up; painter flips it).
type painter struct {
	c    vg.CanvasWriterTo
	dc   draw.Canvas
	w, h float64
}

// newPainter makes a white w×h picture in format (FormatPNG or FormatSVG).
// One vg point is one pixel: the PNG is drawn at 72 dpi, and an SVG's
// user unit is the point.
func newPainter(w, h int, format Format) *painter {
	var c vg.CanvasWriterTo
	switch format {
	case FormatSVG:
		c = vgsvg.NewWith(vgsvg.UseWH(vg.Length(w), vg.Length(h)))
	default:
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(vg.Length(w), vg.Length(h)), vgimg.UseDPI(72))}
	}
	p := &painter{c: c, dc: draw.New(c), w: float64(w), h: float64(h)}
	p.rect(0, 0, p.w, p.h, color.White)
	return p
}

// writeTo writes the picture. An SVG says its size in pixels, as the PNG
// has it: vgsvg writes points, which a browser would draw 4/3 as large.
func (p *painter) writeTo(w io.Writer) error {
	if _, ok := p.c.(*vgsvg.Canvas); !ok {
		_, err := p.c.WriteTo(w)
		return err
	}
	var buf bytes.Buffer
	if _, err := p.c.WriteTo(&buf); err != nil {
		return err
	}
	pt := fmt.Sprintf(`width="%gpt" height="%gpt"`, p.w, p.h)
	px := fmt.Sprintf(`width="%gpx" height="%gpx"`, p.w, p.h)
	_, err := w.Write(bytes.Replace(buf.Bytes(), []byte(pt), []byte(px), 1))
	return err
}

func (p *painter) pt(x, y float64) vg.Point {
	return vg.Point{X: vg.Length(x), Y: vg.Length(p.h - y)}
}

// rect fills the rectangle from (x0, y0) to (x1, y1).
func (p *painter) rect(x0, y0, x1, y1 float64, c color.Color) {
	p.poly(c, x0, y0, x1, y0, x1, y1, x0, y1)
}

// frame strokes the rectangle's outline.
func (p *painter) frame(x0, y0, x1, y1 float64, c color.Color, width float64) {
	p.line(c, width, nil, x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)
}

// path runs through the points x0, y0, x1, y1, ...
func (p *painter) path(xy ...float64) vg.Path {
	var path vg.Path
	for i := 0; i+1 < len(xy); i += 2 {
		if i == 0 {
			path.Move(p.pt(xy[i], xy[i+1]))
		} else {
			path.Line(p.pt(xy[i], xy[i+1]))
		}
	}
	return path
}

// poly fills the polygon through the points x0, y0, x1, y1, ...
func (p *painter) poly(c color.Color, xy ...float64) {
	path := p.path(xy...)
	path.Close()
	p.c.SetColor(c)
	p.c.Fill(path)
}

// line strokes the polyline through the points; dash nil is solid.
func (p *painter) line(c color.Color, width float64, dash []vg.Length, xy ...float64) {
	path := p.path(xy...)
	p.c.SetColor(c)
	p.c.SetLineWidth(vg.Length(width))
	p.c.SetLineDash(dash, 0)
	p.c.Stroke(path)
	p.c.SetLineDash(nil, 0)
}

// circle fills (or, if ring, strokes) a circle of radius r around (x, y).
func (p *painter) circle(x, y, r float64, c color.Color, ring bool) {
	var path vg.Path
	path.Move(p.pt(x+r, y))
	path.Arc(p.pt(x, y), vg.Length(r), 0, 2*3.141592653589793)
	path.Close()
	p.c.SetColor(c)
	if ring {
		p.c.SetLineWidth(1.5)
		p.c.Stroke(path)
		return
	}
	p.c.Fill(path)
}

// textStyle is a font at size px, bold or not, aligned at its anchor.
type textStyle struct {
	size   float64
	bold   bool
	color  color.Color
	xalign text.XAlignment
	yalign text.YAlignment
}

func (s textStyle) style() draw.TextStyle {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Length(s.size)}
	if s.bold {
		f.Weight = xfont.WeightBold
	}
	c := s.color
	if c == nil {
		c = color.Black
	}
	return draw.TextStyle{Color: c, Font: f, XAlign: s.xalign, YAlign: s.yalign, Handler: plot.DefaultTextHandler}
}

// text writes one line with its anchor at (x, y).
func (p *painter) text(x, y float64, s textStyle, str string) {
	p.dc.FillText(s.style(), p.pt(x, y), str)
}

// textWidth is the width str takes in style s.
func (p *painter) textWidth(s textStyle, str string) float64 { return s.width(str) }

// width is the width str takes in style s.
func (s textStyle) width(str string) float64 { return float64(s.style().Width(str)) }

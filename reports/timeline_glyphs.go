package reports

import "image/color"

// tlGlyph is a marker shape drawn centred on (x, y) with radius r.
type tlGlyph func(p *tlPainter, x, y, r float64, c color.Color)

func tlTriUp(p *tlPainter, x, y, r float64, c color.Color) {
	p.poly(c, x-r, y+0.8*r, x+r, y+0.8*r, x, y-r)
}

func tlTriDown(p *tlPainter, x, y, r float64, c color.Color) {
	p.poly(c, x-r, y-0.8*r, x+r, y-0.8*r, x, y+r)
}

func tlCross(p *tlPainter, x, y, r float64, c color.Color) {
	w := max(1.8, r/2.5)
	p.line(c, w, nil, x-r, y-r, x+r, y+r)
	p.line(c, w, nil, x-r, y+r, x+r, y-r)
}

// tlHaloCross is a cross with a white edge, to stand out on any lane colour.
func tlHaloCross(p *tlPainter, x, y, r float64, c color.Color) {
	w := max(1.8, r/2.5)
	p.line(color.White, w+2.5, nil, x-r, y-r, x+r, y+r)
	p.line(color.White, w+2.5, nil, x-r, y+r, x+r, y-r)
	tlCross(p, x, y, r, c)
}

func tlDiamond(p *tlPainter, x, y, r float64, c color.Color) {
	p.poly(color.Black, x, y-r-1.2, x+r+1.2, y, x, y+r+1.2, x-r-1.2, y)
	p.poly(c, x, y-r, x+r, y, x, y+r, x-r, y)
}

func tlDot(p *tlPainter, x, y, r float64, c color.Color) { p.circle(x, y, r*0.8, c, false) }

func tlRing(p *tlPainter, x, y, r float64, c color.Color) { p.circle(x, y, r*0.8, c, true) }

func tlSquare(p *tlPainter, x, y, r float64, c color.Color) {
	p.rect(x-r*0.75, y-r*0.75, x+r*0.75, y+r*0.75, c)
}

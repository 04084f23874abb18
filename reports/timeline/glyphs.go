package timeline

import "image/color"

// glyphShape is a marker shape drawn centred on (x, y) with radius r.
type glyphShape func(p *painter, x, y, r float64, c color.Color)

func triUp(p *painter, x, y, r float64, c color.Color) {
	p.poly(c, x-r, y+0.8*r, x+r, y+0.8*r, x, y-r)
}

func triDown(p *painter, x, y, r float64, c color.Color) {
	p.poly(c, x-r, y-0.8*r, x+r, y-0.8*r, x, y+r)
}

func cross(p *painter, x, y, r float64, c color.Color) {
	w := max(1.8, r/2.5)
	p.line(c, w, nil, x-r, y-r, x+r, y+r)
	p.line(c, w, nil, x-r, y+r, x+r, y-r)
}

// haloCross is a cross with a white edge, to stand out on any lane colour.
func haloCross(p *painter, x, y, r float64, c color.Color) {
	w := max(1.8, r/2.5)
	p.line(color.White, w+2.5, nil, x-r, y-r, x+r, y+r)
	p.line(color.White, w+2.5, nil, x-r, y+r, x+r, y-r)
	cross(p, x, y, r, c)
}

func diamond(p *painter, x, y, r float64, c color.Color) {
	p.poly(color.Black, x, y-r-1.2, x+r+1.2, y, x, y+r+1.2, x-r-1.2, y)
	p.poly(c, x, y-r, x+r, y, x, y+r, x-r, y)
}

func dot(p *painter, x, y, r float64, c color.Color) { p.circle(x, y, r*0.8, c, false) }

func ring(p *painter, x, y, r float64, c color.Color) { p.circle(x, y, r*0.8, c, true) }

func square(p *painter, x, y, r float64, c color.Color) {
	p.rect(x-r*0.75, y-r*0.75, x+r*0.75, y+r*0.75, c)
}

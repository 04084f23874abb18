package sweep

import (
	"fmt"

	"pingtune/stats"
)

// An interval longer than a NAT's or the server's idle timeout breaks its own
// connection every cycle, and each such break is found at the next ping. Past
// that point a pooled p95 of detection can even fall (the flood of quickly
// found breaks dilutes it) while the app is worse in every way a user cares
// about. So an interval that breaks its own connections is not recommended
// while another one meets the requirements without doing so, unless the
// scenario says sweep.allow_self_breaks: true.

// selfBreaking reports whether p's self-inflicted breaks per day are
// significantly above zero: the lower end of their 95% interval is.
func selfBreaking(p *stats.Point) bool {
	return p.Metrics.SelfBreaksPerDay.Lo() > 0
}

// passOver marks the qualifying points that break their own connections
// when another qualifying point does not, and returns their indices.
func passOver(points []Point, pol Policy) []int {
	if pol.AllowSelfBreaks {
		return nil
	}
	clean := false
	for i := range points {
		if points[i].Qualifies && !points[i].SelfBreaks {
			clean = true
			break
		}
	}
	if !clean {
		return nil
	}
	var out []int
	for i := range points {
		p := &points[i]
		if !p.Qualifies || !p.SelfBreaks {
			continue
		}
		e, b := p.Metrics.SelfBreaksPerDay, p.Metrics.Breaks.ByCause
		p.PassedOver = fmt.Sprintf("it breaks its own connection %s [%s, %s] times a day (nat %d, server_idle %d in all); "+
			"another interval meets every requirement without that (sweep.allow_self_breaks: true allows it)",
			num3(e.Mean), num3(e.Lo()), num3(e.Hi()), b.NAT, b.ServerIdle)
		out = append(out, i)
	}
	return out
}

// eligible reports whether p may be recommended: it qualifies and was not
// passed over.
func eligible(p *Point) bool { return p.Qualifies && p.PassedOver == "" }

// num3 writes x with three significant digits.
func num3(x float64) string { return fmt.Sprintf("%.3g", x) }

package sweep

import (
	"math"
	"slices"

	"pingtune/metric"
)

// axisMetrics are the detection metrics the trade-off can be drawn against,
// in the order of preference on a tie.
var axisMetrics = []string{DetectClientP95, UnnoticedMinPerDay, DetectServerP95}

// axis picks the detection metric of the trade-off: the one whose
// requirement binds the recommendation, or, when none binds, the one that
// varies most across the sweep (relative to its mean), so that the picture
// is never drawn against a constant.
func axis(res *Result) string {
	if rec := res.Recommendation; rec.Index >= 0 {
		for _, k := range rec.Binding {
			if m := res.Requirements[k].Metric; slices.Contains(axisMetrics, m) {
				return m
			}
		}
	}
	best, spread := axisMetrics[0], 0.0
	for _, m := range axisMetrics {
		lo, hi, sum, n := math.Inf(1), math.Inf(-1), 0.0, 0
		for i := range res.Points {
			if v, ok := AxisValue(&res.Points[i], m); ok {
				lo, hi, sum, n = math.Min(lo, v), math.Max(hi, v), sum+v, n+1
			}
		}
		if n < 2 {
			continue
		}
		if mean := math.Abs(sum / float64(n)); mean > 0 {
			if s := (hi - lo) / mean; s > spread {
				best, spread = m, s
			}
		}
	}
	return best
}

// AxisValue is p's value of an axis metric (a p95 in seconds, or minutes a
// day), and whether it has one (a p95 needs breaks).
func AxisValue(p *Point, metric string) (float64, bool) {
	v, _, _, ok := AxisEstimate(p, metric)
	return v, ok
}

// AxisEstimate is AxisValue with its 95% interval: a latency's p95 with its
// distribution-free interval, a rate's mean with its Student-t one.
func AxisEstimate(p *Point, key string) (v, lo, hi float64, ok bool) {
	def := metric.ByRequire(key)
	switch {
	case !slices.Contains(axisMetrics, key) || def == nil:
		return math.NaN(), math.NaN(), math.NaN(), false
	case def.IsLatency():
		l := def.Latency(&p.Metrics)
		return l.P95, float64(l.P95CI95[0]), float64(l.P95CI95[1]), l.N > 0
	}
	e := def.Estimate(&p.Metrics)
	return e.Mean, e.Lo(), e.Hi(), true
}

package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"pingtune/internal/durfmt"
	"pingtune/metric"
	"pingtune/sweep"
)

// sweepTable is the per-interval table of the terminal summary and the
// report: the cost, the detection, the connection and the verdict. The
// "runs at" column is there only when the platform clamps an interval.
func sweepTable(res *sweep.Result) (head []string, right []bool, rows [][]string) {
	head, right, rows = sweepColumns(res)
	if !anyClamped(res) {
		head, right = append(head[:1:1], head[2:]...), append(right[:1:1], right[2:]...)
		for k, r := range rows {
			rows[k] = append(r[:1:1], r[2:]...)
		}
	}
	return head, right, rows
}

// anyClamped reports whether the platform runs some interval at another.
func anyClamped(res *sweep.Result) bool {
	for i := range res.Points {
		if res.Points[i].EffectiveIntervalS != res.Points[i].IntervalS {
			return true
		}
	}
	return false
}

// sweepColumns is every column of the table, "runs at" second.
func sweepColumns(res *sweep.Result) (head []string, right []bool, rows [][]string) {
	head = []string{"interval", "runs at", "wakeups/h", "battery %/day [95% CI]", "Δ vs previous (paired)",
		"client p95 [95% CI]", "server p95", "availability", "breaks/day", "pushes lost", "requirements", "note"}
	right = []bool{true, true, true, true, true, true, true, true, true, true, false, false}
	dec := batteryDecimals(res)
	fix := func(x float64) string { return fixed(x, dec) }
	for i := range res.Points {
		p := &res.Points[i]
		m := &p.Metrics
		runs := ""
		if p.EffectiveIntervalS != p.IntervalS {
			runs = ivl(p.EffectiveIntervalS)
		}
		delta := ""
		if d := p.VsPrevious; d != nil {
			e := d.BatteryPctPerDay
			delta = fmt.Sprintf("%s [%s, %s]", fixedSigned(e.Mean, dec+1), fixed(e.Lo(), dec+1), fixed(e.Hi(), dec+1))
		}
		client := "–"
		if l := m.DetectClientS; l.N > 0 {
			client = fmt.Sprintf("%s [%s, %s]", durfmt.Human(l.P95), durfmt.Human(float64(l.P95CI95[0])), durfmt.Human(float64(l.P95CI95[1])))
		}
		server := "–"
		if l := m.DetectServerS; l.N > 0 {
			server = durfmt.Human(l.P95)
		}
		lost := "–"
		if ps := m.Pushes; ps.Sent > 0 {
			lost = pct2(float64(ps.Lost+ps.Dropped) / float64(ps.Sent))
		}
		var note []string
		if i == res.Recommendation.Index {
			note = append(note, "◀ recommended")
		}
		if i == res.Recommendation.Closest {
			note = append(note, "closest")
		}
		if contains(res.Pareto, i) {
			note = append(note, "Pareto")
		}
		if p.PassedOver != "" {
			note = append(note, "passed over: breaks itself")
		}
		b := m.BatteryPctPerDay
		rows = append(rows, []string{
			ivl(p.IntervalS), runs, num(m.WakeupsPerHour.Mean), estimate(b.Mean, b.Lo(), b.Hi(), fix), delta,
			client, server, pct2(m.Availability.Mean), num(m.BreaksPerDay.Mean), lost, verdictCell(p), strings.Join(note, ", "),
		})
	}
	return head, right, rows
}

// verdictCell sums up a point's requirements: "ok", or what fails.
func verdictCell(p *sweep.Point) string {
	if len(p.Checks) == 0 {
		return "–"
	}
	var bad []string
	for _, c := range p.Checks {
		switch c.Status {
		case sweep.Unmet:
			bad = append(bad, fmt.Sprintf("✗ %s %s", c.Metric, versus(c, float64(c.Value))))
		case sweep.Unproven:
			bad = append(bad, fmt.Sprintf("? %s %s", c.Metric, versus(c, float64(c.Conservative))))
		}
	}
	if len(bad) == 0 {
		return "ok"
	}
	return strings.Join(bad, ", ")
}

// versus writes a failing value against its bound: "18m21s > 15m",
// "91.56% < 97%"; the unproven ones at their conservative end.
func versus(c sweep.Check, v float64) string {
	op := ">"
	if !c.Requirement.Upper {
		op = "<"
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return "unknown (too few breaks)"
	}
	return valueNear(c.Metric, v, c.Bound) + " " + op + " " + metricValue(c.Metric, c.Bound)
}

// valueNear writes v as metricValue does, with more digits when three would
// make it look the same as bound.
func valueNear(key string, v, bound float64) string {
	a := metricValue(key, v)
	if v != bound && a == metricValue(key, bound) && !metric.IsLatency(key) {
		if key == sweep.Availability {
			return strconv.FormatFloat(100*v, 'g', 6, 64) + "%"
		}
		a = strings.Replace(a, num(v), strconv.FormatFloat(v, 'g', 6, 64), 1)
	}
	return a
}

// pct2 writes a fraction as a percentage with two decimals.
func pct2(x float64) string {
	if x != x {
		return "–"
	}
	return fmt.Sprintf("%.2f%%", 100*x)
}

// batteryDecimals is the number of decimals that gives the smallest mean
// battery use of the sweep three significant digits, so that the column
// lines up and differences stay readable.
func batteryDecimals(res *sweep.Result) int {
	lo := math.Inf(1)
	for i := range res.Points {
		if b := math.Abs(res.Points[i].Metrics.BatteryPctPerDay.Mean); b > 0 {
			lo = math.Min(lo, b)
		}
	}
	return decimalsFor(lo)
}

// decimalsFor is the number of decimals that gives x three significant digits.
func decimalsFor(x float64) int {
	if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
		return 2
	}
	return max(0, min(6, 2-int(math.Floor(math.Log10(math.Abs(x))))))
}

// fixed writes x with dec decimals ("–" for NaN, ∞ for infinities).
func fixed(x float64, dec int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return num(x)
	}
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if strings.Trim(s, "-0.") == "" {
		return strconv.FormatFloat(0, 'f', dec, 64) // no "-0.00"
	}
	return s
}

// fixedSigned is fixed with a + on positive values.
func fixedSigned(x float64, dec int) string {
	s := fixed(x, dec)
	if x > 0 && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return s
}

// diffFormat formats paired battery differences of res: one decimal more
// than the battery column.
func diffFormat(res *sweep.Result) func(float64) string {
	dec := batteryDecimals(res) + 1
	return func(x float64) string { return fixed(x, dec) }
}

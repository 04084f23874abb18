package reports

import (
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"pingtune/metric"
	"pingtune/stats"
	"pingtune/sweep"
)

// metricsPlot draws every metric against the interval, one panel each, with
// 95% bands: wakeups, battery, energy by radio and CPU; client and server
// detection (p50 and p95) and the time a dead connection goes unnoticed;
// availability, push latency and the share of pushes lost. Requirement
// bounds are dashed; the clamped intervals are shaded and the NAT idle
// timeout is marked.
func metricsPlot(res *sweep.Result, size [2]vg.Length, format string) ([]byte, error) {
	if err := checkPoints(res, "metrics plot"); err != nil {
		return nil, err
	}
	n := len(res.Points)
	x := make([]float64, n)
	for i := range res.Points {
		x[i] = res.Points[i].IntervalS / 60
	}
	est := func(f func(m *stats.Metrics) stats.Estimate, scale float64) (y, lo, hi []float64) {
		y, lo, hi = make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range res.Points {
			e := f(&res.Points[i].Metrics)
			y[i], lo[i], hi[i] = e.Mean*scale, e.Lo()*scale, e.Hi()*scale
		}
		return
	}
	type quant struct{ y, lo, hi []float64 }
	lat := func(f func(m *stats.Metrics) stats.Latency) (p50, p95 quant, maxS float64) {
		p50 = quant{make([]float64, n), make([]float64, n), make([]float64, n)}
		p95 = quant{make([]float64, n), make([]float64, n), make([]float64, n)}
		for i := range res.Points {
			l := f(&res.Points[i].Metrics)
			if l.N == 0 {
				for _, q := range []quant{p50, p95} {
					q.y[i], q.lo[i], q.hi[i] = math.NaN(), math.NaN(), math.NaN()
				}
				continue
			}
			p50.y[i], p50.lo[i], p50.hi[i] = l.P50, float64(l.P50CI95[0]), float64(l.P50CI95[1])
			p95.y[i], p95.lo[i], p95.hi[i] = l.P95, float64(l.P95CI95[0]), float64(l.P95CI95[1])
			maxS = math.Max(maxS, l.P95)
		}
		return
	}

	var panels []*plot.Plot
	var panel func(title, ylabel string, metric string, scale float64, zero bool, ceil float64, cs ...curve) error
	// Rates.
	simple := func(title, ylabel string, metric string, scale float64, zero bool, cs ...curve) error {
		return panel(title, ylabel, metric, scale, zero, math.Inf(1), cs...)
	}
	panel = func(title, ylabel string, metric string, scale float64, zero bool, ceil float64, cs ...curve) error {
		r := newValRange()
		for _, c := range cs {
			r.add(c.y...)
			r.add(c.lo...)
			r.add(c.hi...)
		}
		bound, hasBound, near := reqBound(res, metric, scale, &r)
		p := newPlot(title, "", ylabel)
		lo, hi := r.headroom(zero)
		hi = math.Min(hi, ceil) // availability cannot pass 100%
		intervalAxis(p, res, lo, hi)
		if err := backdrop(p, res); err != nil {
			return err
		}
		for _, c := range cs {
			c.x = x
			if err := c.add(p); err != nil {
				return err
			}
		}
		if hasBound {
			if near {
				if err := reqLine(p, bound, reqLabel(res, metric)); err != nil {
					return err
				}
			} else {
				p.Title.Text += " (" + reqLabel(res, metric) + ": off scale)"
			}
		}
		if len(cs) > 1 {
			p.Legend.Top, p.Legend.Left = true, false
		}
		panels = append(panels, p)
		return nil
	}
	w, wlo, whi := est(func(m *stats.Metrics) stats.Estimate { return m.WakeupsPerHour }, 1)
	ka := make([]float64, n)
	for i := range res.Points {
		ka[i] = res.Points[i].Metrics.WakeupsByCausePerHour.Keepalive
	}
	wtitle := "wakeups per hour"
	if allZero(w) {
		wtitle += ": none (the app is never suspended)"
	}
	if err := simple(wtitle, "wakeups / h", sweep.WakeupsPerHour, 1, true,
		curve{name: "all", y: w, lo: wlo, hi: whi, color: colBlue},
		curve{name: "keepalive", y: ka, color: colSky, dashed: true, noDot: true}); err != nil {
		return nil, err
	}
	b, blo, bhi := est(func(m *stats.Metrics) stats.Estimate { return m.BatteryPctPerDay }, 1)
	if err := simple("battery use", "% of battery / day", sweep.BatteryPctPerDay, 1, false,
		curve{y: b, lo: blo, hi: bhi, color: colBlue}); err != nil {
		return nil, err
	}
	rj, rlo, rhi := est(func(m *stats.Metrics) stats.Estimate { return m.RadioJPerHour }, 1)
	cj, clo, chi := est(func(m *stats.Metrics) stats.Estimate { return m.CPUJPerHour }, 1)
	if err := simple("energy by component", "J / h above idle", "", 1, true,
		curve{name: "radio", y: rj, lo: rlo, hi: rhi, color: colBlue},
		curve{name: "CPU", y: cj, lo: clo, hi: chi, color: colVerm}); err != nil {
		return nil, err
	}
	// Latencies.
	latPanel := func(title, metric string, f func(m *stats.Metrics) stats.Latency) error {
		p50, p95, maxS := lat(f)
		u := unitFor(math.Max(maxS, boundOf(res, metric)))
		scale := 1 / u.div
		for _, q := range []quant{p50, p95} {
			for i := range q.y {
				q.y[i] *= scale
				q.lo[i] *= scale
				q.hi[i] *= scale
			}
		}
		empty := true
		for _, v := range p95.y {
			if !math.IsNaN(v) {
				empty = false
			}
		}
		if empty {
			title += ": nothing measured"
		}
		return simple(title, u.name, metric, scale, true,
			curve{name: "p95", y: p95.y, lo: p95.lo, hi: p95.hi, color: colVerm},
			curve{name: "p50", y: p50.y, lo: p50.lo, hi: p50.hi, color: colBlue})
	}
	if err := latPanel("client detects a break", sweep.DetectClientP95, func(m *stats.Metrics) stats.Latency { return m.DetectClientS }); err != nil {
		return nil, err
	}
	if err := latPanel("server detects a break", sweep.DetectServerP95, func(m *stats.Metrics) stats.Latency { return m.DetectServerS }); err != nil {
		return nil, err
	}
	// Time-weighted detection: unlike a pooled p95, a flood of breaks each
	// found quickly (past a NAT timeout) cannot make it look better.
	u, ulo, uhi := est(func(m *stats.Metrics) stats.Estimate { return m.UnnoticedMinPerDay }, 1)
	if err := simple("dead but unnoticed by the client", "min / day", sweep.UnnoticedMinPerDay, 1, true,
		curve{y: u, lo: ulo, hi: uhi, color: colVerm}); err != nil {
		return nil, err
	}
	a, alo, ahi := est(func(m *stats.Metrics) stats.Estimate { return m.Availability }, 100)
	if err := panel("availability (connection up end to end)", "%", sweep.Availability, 100, false, 100.5,
		curve{y: a, lo: alo, hi: ahi, color: colBlue}); err != nil {
		return nil, err
	}
	if err := latPanel("push delivery (delivered pushes)", sweep.PushLatencyP95, func(m *stats.Metrics) stats.Latency { return m.Pushes.LatencyS }); err != nil {
		return nil, err
	}
	lost := make([]float64, n)
	for i := range res.Points {
		ps := res.Points[i].Metrics.Pushes
		lost[i] = math.NaN()
		if ps.Sent > 0 {
			lost[i] = 100 * float64(ps.Lost+ps.Dropped) / float64(ps.Sent)
		}
	}
	if err := simple("pushes lost or dropped", "% of pushes sent", "", 1, true,
		curve{y: lost, color: colVerm}); err != nil {
		return nil, err
	}
	grid := [][]*plot.Plot{panels[0:3], panels[3:6], panels[6:9]}
	title := fmt.Sprintf("%s: metrics against the heartbeat interval (%d replications × %s; bands: 95%% intervals)",
		res.Scenario, res.Replications, ivl(res.HorizonS))
	return renderTiles(title, grid, size[0], size[1], format)
}

// reqBound is the requirement on metric scaled to the panel's unit, and
// whether it is near enough to the data to draw (it then widens r).
func reqBound(res *sweep.Result, metric string, scale float64, r *valRange) (float64, bool, bool) {
	for _, q := range res.Requirements {
		if q.Metric == metric && metric != "" {
			v := q.Bound * scale
			return v, true, r.addNear(v)
		}
	}
	return 0, false, false
}

// boundOf is a latency requirement's bound in seconds, or 0.
func boundOf(res *sweep.Result, metric string) float64 {
	for _, q := range res.Requirements {
		if q.Metric == metric {
			return q.Bound
		}
	}
	return 0
}

func reqLabel(res *sweep.Result, metric string) string {
	for _, q := range res.Requirements {
		if q.Metric == metric {
			return "required " + opSymbol(q) + " " + boundText(q)
		}
	}
	return ""
}

// opSymbol is ≤ or ≥.
func opSymbol(r sweep.Requirement) string {
	if r.Upper {
		return "≤"
	}
	return "≥"
}

// boundText is a requirement's bound for people: 20m, 2 %/day, 99%.
func boundText(r sweep.Requirement) string {
	switch {
	case metric.IsLatency(r.Metric):
		return sweep.FormatBound(r.Metric, r.Bound)
	case r.Metric == sweep.Availability:
		return strconv.FormatFloat(100*r.Bound, 'g', -1, 64) + "%"
	}
	return metricValue(r.Metric, r.Bound)
}

func allZero(xs []float64) bool {
	for _, x := range xs {
		if x != 0 {
			return false
		}
	}
	return true
}

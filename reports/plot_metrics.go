package reports

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"pingtune/stats"
	"pingtune/sweep"
)

// metricsCaption says what metrics.png shows, naming only the marks it
// has: the grey region and the NAT line only when they are drawn.
func metricsCaption(res *sweep.Result) string {
	var marks []string
	if shadesClamped(res) {
		marks = append(marks, "the grey region is where the platform clamps the interval")
	}
	if marksNAT(res) {
		marks = append(marks, "the dashed vertical line is the NAT idle timeout")
	}
	if len(res.Requirements) > 0 {
		marks = append(marks, "dashed horizontal lines are requirement bounds")
	}
	s := "Every metric against the heartbeat interval with its 95% band."
	if len(marks) > 0 {
		m := strings.Join(marks, "; ")
		s += " " + strings.ToUpper(m[:1]) + m[1:] + "."
	}
	return s
}

// metricsPlot draws every metric against the interval, one panel each, with
// 95% bands: wakeups, battery, energy by radio and CPU; client and server
// detection (p50 and p95) and the time a dead connection goes unnoticed;
// availability, push latency and the share of pushes lost. Requirement
// bounds are dashed; the clamped intervals are shaded and the NAT idle
// timeout is marked. Each panel is drawn by its own function.
func metricsPlot(res *sweep.Result, size [2]vg.Length, format string) ([]byte, error) {
	if err := checkPoints(res, "metrics plot"); err != nil {
		return nil, err
	}
	m := &metricPanels{res: res, x: make([]float64, len(res.Points))}
	for i := range res.Points {
		m.x[i] = res.Points[i].IntervalS / 60
	}
	for _, draw := range []func() error{
		m.wakeups, m.battery, m.energy,
		m.latency("client detects a break", sweep.DetectClientP95, func(m *stats.Metrics) stats.Latency { return m.DetectClientS }),
		m.latency("server detects a break", sweep.DetectServerP95, func(m *stats.Metrics) stats.Latency { return m.DetectServerS }),
		m.unnoticed, m.availability,
		m.latency("push delivery (delivered pushes)", sweep.PushLatencyP95, func(m *stats.Metrics) stats.Latency { return m.Pushes.LatencyS }),
		m.pushesLost,
	} {
		if err := draw(); err != nil {
			return nil, err
		}
	}
	grid := [][]*plot.Plot{m.panels[0:3], m.panels[3:6], m.panels[6:9]}
	title := fmt.Sprintf("%s: metrics against the heartbeat interval (%d replications × %s; bands: 95%% intervals",
		res.Scenario, res.Replications, ivl(res.HorizonS))
	if r := res.Recommendation.Index; r >= 0 {
		title += "; green line: the recommended " + ivl(res.Points[r].IntervalS)
	}
	title += ")"
	return renderTiles(title, grid, size[0], size[1], format)
}

// metricPanels are the panels of metrics.png, drawn in order.
type metricPanels struct {
	res    *sweep.Result
	x      []float64 // the intervals in minutes
	panels []*plot.Plot
}

// panelSpec is one panel: its curves, the requirement key whose bound it
// shows (scaled like the curves), and whether its axis starts at zero and
// stops at ceil.
type panelSpec struct {
	title, ylabel, key string
	scale              float64
	zero               bool
	ceil               float64
	curves             []curve
}

// quantile is a latency quantile at every interval with its 95% interval.
type quantile struct{ y, lo, hi []float64 }

// estimate is f's mean at every interval with its 95% interval, times scale.
func (m *metricPanels) estimate(f func(*stats.Metrics) stats.Estimate, scale float64) (y, lo, hi []float64) {
	n := len(m.res.Points)
	y, lo, hi = make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range m.res.Points {
		e := f(&m.res.Points[i].Metrics)
		y[i], lo[i], hi[i] = e.Mean*scale, e.Lo()*scale, e.Hi()*scale
	}
	return
}

// quantiles are f's p50 and p95 at every interval (NaN without samples),
// and the largest p95.
func (m *metricPanels) quantiles(f func(*stats.Metrics) stats.Latency) (p50, p95 quantile, maxS float64) {
	n := len(m.res.Points)
	p50 = quantile{make([]float64, n), make([]float64, n), make([]float64, n)}
	p95 = quantile{make([]float64, n), make([]float64, n), make([]float64, n)}
	for i := range m.res.Points {
		l := f(&m.res.Points[i].Metrics)
		if l.N == 0 {
			for _, q := range []quantile{p50, p95} {
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

// add draws a panel: the backdrop, the curves, the requirement's bound
// (or, off scale, a note in the title).
func (m *metricPanels) add(s panelSpec) error {
	if s.ceil == 0 {
		s.ceil = math.Inf(1)
	}
	r := newValRange()
	for _, c := range s.curves {
		r.add(c.y...)
		r.add(c.lo...)
		r.add(c.hi...)
	}
	bound, hasBound, near := reqBound(m.res, s.key, s.scale, &r)
	p := newPlot(s.title, "", s.ylabel)
	top := 0.18 // the notes along the top
	if len(s.curves) > 1 {
		top = 0.45 // and the legend under them
	}
	lo, hi := r.headroom(s.zero, top)
	hi = math.Min(hi, s.ceil) // availability cannot pass 100%
	intervalAxis(p, m.res, lo, hi)
	if err := backdrop(p, m.res); err != nil {
		return err
	}
	if err := recLine(p, m.res); err != nil {
		return err
	}
	for _, c := range s.curves {
		c.x = m.x
		if err := c.add(p); err != nil {
			return err
		}
	}
	if hasBound {
		if near {
			if err := reqLine(p, bound, reqLabel(m.res, s.key)); err != nil {
				return err
			}
		} else {
			p.Title.Text += " (" + reqLabel(m.res, s.key) + ": off scale)"
		}
	}
	if len(s.curves) > 1 {
		// Top right, under the notes along the top (the NAT timeout).
		p.Legend.Top, p.Legend.Left = true, false
		p.Legend.YOffs = -vg.Points(12)
	}
	m.panels = append(m.panels, p)
	return nil
}

func (m *metricPanels) wakeups() error {
	w, wlo, whi := m.estimate(func(m *stats.Metrics) stats.Estimate { return m.WakeupsPerHour }, 1)
	ka := make([]float64, len(m.res.Points))
	for i := range m.res.Points {
		ka[i] = m.res.Points[i].Metrics.WakeupsByCausePerHour.Keepalive
	}
	title := "wakeups per hour"
	if allZero(w) {
		title += ": none (the app is never suspended)"
	}
	return m.add(panelSpec{title: title, ylabel: "wakeups / h", key: sweep.WakeupsPerHour, scale: 1, zero: true, curves: []curve{
		{name: "all", y: w, lo: wlo, hi: whi, color: colBlue},
		{name: "keepalive", y: ka, color: colSky, dashed: true, noDot: true}}})
}

func (m *metricPanels) battery() error {
	b, blo, bhi := m.estimate(func(m *stats.Metrics) stats.Estimate { return m.BatteryPctPerDay }, 1)
	return m.add(panelSpec{title: "battery use", ylabel: "% of battery / day", key: sweep.BatteryPctPerDay, scale: 1,
		curves: []curve{{y: b, lo: blo, hi: bhi, color: colBlue}}})
}

func (m *metricPanels) energy() error {
	rj, rlo, rhi := m.estimate(func(m *stats.Metrics) stats.Estimate { return m.RadioJPerHour }, 1)
	cj, clo, chi := m.estimate(func(m *stats.Metrics) stats.Estimate { return m.CPUJPerHour }, 1)
	return m.add(panelSpec{title: "energy by component", ylabel: "J / h above idle", scale: 1, zero: true, curves: []curve{
		{name: "radio", y: rj, lo: rlo, hi: rhi, color: colBlue},
		{name: "CPU", y: cj, lo: clo, hi: chi, color: colVerm}}})
}

// latency is a panel of f's p50 and p95 in a unit that fits them and the
// bound on key.
func (m *metricPanels) latency(title, key string, f func(*stats.Metrics) stats.Latency) func() error {
	return func() error {
		p50, p95, maxS := m.quantiles(f)
		u := unitFor(math.Max(maxS, boundOf(m.res, key)))
		scale := 1 / u.div
		for _, q := range []quantile{p50, p95} {
			for i := range q.y {
				q.y[i] *= scale
				q.lo[i] *= scale
				q.hi[i] *= scale
			}
		}
		t := title
		if allNaN(p95.y) {
			t += ": nothing measured"
		}
		// Where p50 and p95 coincide both stay visible: the p50's small
		// dots and dashes over the p95's squares and solid line.
		return m.add(panelSpec{title: t, ylabel: u.name, key: key, scale: scale, zero: true, curves: []curve{
			{name: "p95", y: p95.y, lo: p95.lo, hi: p95.hi, color: colVerm, glyph: draw.SquareGlyph{}, radius: vg.Points(3.2), width: vg.Points(2.2)},
			{name: "p50", y: p50.y, lo: p50.lo, hi: p50.hi, color: colBlue, dashed: true, radius: vg.Points(1.8)}}})
	}
}

// unnoticed is time-weighted detection: unlike a pooled p95, a flood of
// breaks each found quickly (past a NAT timeout) cannot make it look better.
func (m *metricPanels) unnoticed() error {
	u, ulo, uhi := m.estimate(func(m *stats.Metrics) stats.Estimate { return m.UnnoticedMinPerDay }, 1)
	return m.add(panelSpec{title: "dead but unnoticed by the client", ylabel: "min / day", key: sweep.UnnoticedMinPerDay, scale: 1, zero: true,
		curves: []curve{{y: u, lo: ulo, hi: uhi, color: colVerm}}})
}

func (m *metricPanels) availability() error {
	a, alo, ahi := m.estimate(func(m *stats.Metrics) stats.Estimate { return m.Availability }, 100)
	return m.add(panelSpec{title: "availability (connection up end to end)", ylabel: "%", key: sweep.Availability, scale: 100, ceil: 100.5,
		curves: []curve{{y: a, lo: alo, hi: ahi, color: colBlue}}})
}

func (m *metricPanels) pushesLost() error {
	lost := make([]float64, len(m.res.Points))
	for i := range m.res.Points {
		ps := m.res.Points[i].Metrics.Pushes
		lost[i] = math.NaN()
		if ps.Sent > 0 {
			lost[i] = 100 * float64(ps.Lost+ps.Dropped) / float64(ps.Sent)
		}
	}
	return m.add(panelSpec{title: "pushes lost or dropped", ylabel: "% of pushes sent", scale: 1, zero: true,
		curves: []curve{{y: lost, color: colVerm}}})
}

// allNaN reports whether xs has no number.
func allNaN(xs []float64) bool {
	for _, v := range xs {
		if !math.IsNaN(v) {
			return false
		}
	}
	return true
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

func allZero(xs []float64) bool {
	for _, x := range xs {
		if x != 0 {
			return false
		}
	}
	return true
}

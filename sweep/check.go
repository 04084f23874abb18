package sweep

import (
	"math"

	"pingtune/metric"
	"pingtune/stats"
	"pingtune/stats/hist"
)

// Status is the outcome of testing one requirement at one interval.
type Status string

// The outcomes. Met and Vacuous hold; Unmet and Unproven do not.
const (
	// Met: the conservative end of the 95% interval is within the bound.
	Met Status = "met"
	// Vacuous: a latency requirement with nothing measured (no breaks, no
	// pushes): nothing to detect, so it holds, and the report says so.
	Vacuous Status = "vacuous"
	// Unproven: the estimate is within the bound but its conservative end is
	// not, or cannot be known (too few breaks to tell).
	Unproven Status = "unproven"
	// Unmet: the estimate itself is outside the bound.
	Unmet Status = "unmet"
)

// Check is one requirement tested at one interval.
type Check struct {
	Metric string  `json:"metric"`
	Op     string  `json:"op"`    // "<=" or ">="
	Bound  float64 `json:"bound"` // seconds for latencies
	// Value is the estimate: a mean across replications, or a pooled p95
	// with unmeasured latencies counted as +Inf (null when infinite, or
	// when nothing was measured).
	Value stats.Bound `json:"value"`
	// Conservative is the end of the 95% interval that was tested: the
	// upper end for an upper bound, the lower end for a lower bound. Null
	// when the data cannot fix it.
	Conservative stats.Bound `json:"conservative"`
	Status       Status      `json:"status"`
	Holds        bool        `json:"holds"`
	// N is the sample behind a latency: measured values; Censored counts
	// those that were not and count as never resolved (a break still
	// undetected when it had already been open longer than the bound, a
	// push never delivered). CensoredLeftOut counts breaks still undetected
	// at the end of the drain that had not yet been open as long as the
	// bound: whether they would pass is unknown, so they are left out.
	N               int `json:"n,omitempty"`
	Censored        int `json:"censored,omitempty"`
	CensoredLeftOut int `json:"censored_left_out,omitempty"`

	Requirement Requirement `json:"-"`
}

// Margin is how far the conservative end is inside the bound, as a fraction
// of the bound (negative: outside; -Inf: unknown). Vacuous checks have +Inf.
func (c Check) Margin() float64 {
	if c.Status == Vacuous {
		return math.Inf(1)
	}
	return c.marginAt(float64(c.Conservative))
}

// nearMargin is Margin, taken at the estimate when the conservative end is
// unknown: how far a check is from holding, for choosing the closest point.
func (c Check) nearMargin() float64 {
	m := c.Margin()
	if !math.IsInf(m, -1) || c.Status == Vacuous {
		return m
	}
	return c.marginAt(float64(c.Value))
}

// marginAt is how far v is inside the bound, as a fraction of the bound
// (negative: outside; -Inf: v unknown).
func (c Check) marginAt(v float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return math.Inf(-1)
	}
	d := c.Bound - v
	if !c.Requirement.Upper {
		d = -d
	}
	if s := math.Abs(c.Bound); s > 0 {
		return d / s
	}
	return d
}

// MinLatencyN is the smallest pooled sample whose p95 has a finite
// distribution-free 95% upper bound: below it, a p95 requirement is
// "too few breaks to tell".
const MinLatencyN = 72

// MinMeanReps is the fewest replications whose mean has a 95% interval: one
// replication's "interval" is its value (no spread to measure), which would
// pass a requirement on no evidence, so below it a requirement on a mean
// cannot be shown to hold.
const MinMeanReps = 2

// Evaluate tests each requirement on one summarised interval.
func Evaluate(p *stats.Point, reqs []Requirement) []Check {
	checks := make([]Check, len(reqs))
	for i, r := range reqs {
		checks[i] = evaluate(p, r)
	}
	return checks
}

// Holds reports whether every check holds.
func Holds(checks []Check) bool {
	for _, c := range checks {
		if !c.Holds {
			return false
		}
	}
	return true
}

func evaluate(p *stats.Point, r Requirement) Check {
	c := Check{Metric: r.Metric, Op: r.Op(), Bound: r.Bound, Requirement: r}
	var value float64
	var ci [2]stats.Bound
	m := &p.Metrics
	def := metric.ByRequire(r.Metric)
	if def == nil {
		panic("sweep: unknown metric " + r.Metric) // Analyze and Run validate first
	}
	switch r.Metric {
	case DetectClientP95:
		value, ci = latency(&c, p.ClientDetect, m.DetectClientS, beyond(&c, p.ClientCensored, m.DetectClientS.Censored, r.Bound))
	case DetectServerP95:
		value, ci = latency(&c, p.ServerDetect, m.DetectServerS, beyond(&c, p.ServerCensored, m.DetectServerS.Censored, r.Bound))
	case PushLatencyP95:
		ps := m.Pushes
		value, ci = latency(&c, p.PushLatency, ps.LatencyS, ps.Lost+ps.Dropped+ps.Pending)
	default: // a rate: its mean and Student-t interval
		e := def.Estimate(m)
		value, ci = e.Mean, e.CI95
	}
	if !metric.IsLatency(r.Metric) && p.Replications < MinMeanReps {
		ci = [2]stats.Bound{stats.Bound(math.Inf(-1)), stats.Bound(math.Inf(1))} // unknown
	}
	if c.Status == Vacuous {
		c.Holds = true
		c.Value, c.Conservative = stats.Bound(math.NaN()), stats.Bound(math.NaN())
		return c
	}
	c.Value = stats.Bound(value)
	cons := float64(ci[1])
	if !r.Upper {
		cons = float64(ci[0])
	}
	c.Conservative = stats.Bound(cons)
	within := func(x float64) bool {
		if math.IsNaN(x) {
			return false
		}
		if r.Upper {
			return x <= r.Bound
		}
		return x >= r.Bound
	}
	switch {
	case c.Status == Unproven: // decided by latency
	case within(cons):
		c.Status, c.Holds = Met, true
	case within(value):
		c.Status = Unproven
	default:
		c.Status = Unmet
	}
	return c
}

// beyond counts the censored latencies that count as never resolved: those
// of breaks that had already been open longer than the bound when the run
// ended, so that they fail it whatever came next. The others are left out
// (c.CensoredLeftOut). open holds how long each censored break had been
// open, in nanoseconds (each within hist.RelativeError, so a break open
// within 0.05% of the bound may be judged either way); a point built without
// it (from JSON) counts all n.
func beyond(c *Check, open *hist.Histogram, n int, bound float64) int {
	if open == nil || open.N() != n {
		return n
	}
	k := open.CountAbove(bound * 1e9)
	c.CensoredLeftOut = n - k
	return k
}

// latency is the p95 of a pooled sample with its censored values as +Inf.
// Points built without their samples (from JSON, or by hand) fall back to the
// Latency summary, which leaves the censored ones out.
func latency(c *Check, h *hist.Histogram, l stats.Latency, censored int) (float64, [2]stats.Bound) {
	c.N, c.Censored = l.N, censored
	if l.N+censored == 0 {
		if c.CensoredLeftOut > 0 {
			// Only breaks still open at the end, none yet as old as the
			// bound: nothing can be told.
			c.Status = Unproven
			return math.NaN(), [2]stats.Bound{stats.Bound(math.Inf(-1)), stats.Bound(math.Inf(1))}
		}
		c.Status = Vacuous
		return 0, [2]stats.Bound{}
	}
	if h == nil || h.N() != l.N {
		return l.P95, l.P95CI95
	}
	return stats.HistQuantileCensored(0.95, h, censored)
}

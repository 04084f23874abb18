package sweep

import (
	"errors"
	"fmt"

	"pingtune/sim"
	"pingtune/stats"
)

// Point is one interval of a sweep: its summary (the shape of run -json, docs/results.md),
// the requirements tested on it, and its paired comparison with the previous
// interval.
type Point struct {
	stats.Point
	Checks    []Check `json:"requirements"`
	Qualifies bool    `json:"qualifies"` // every requirement holds
	// SelfBreaks: the interval causes breaks itself (a NAT or the server
	// timing out an idle connection) at a rate significantly above zero.
	SelfBreaks bool `json:"self_breaks"`
	// PassedOver says why a qualifying interval was not eligible for the
	// recommendation (empty when it was).
	PassedOver string `json:"passed_over,omitempty"`
	// VsPrevious compares this interval with the previous (shorter) one over
	// the same replications; nil for the first, or without per-replication data.
	VsPrevious *Paired `json:"vs_previous,omitempty"`
}

// Paired holds per-replication differences, this interval minus an earlier
// one, each with its Student-t 95% interval. Common random numbers make these
// far tighter than the two intervals' own: a difference whose interval
// excludes 0 is real, not noise.
type Paired struct {
	FromIntervalS    float64        `json:"from_interval_s"`
	BatteryPctPerDay stats.Estimate `json:"battery_pct_per_day"`
	WakeupsPerHour   stats.Estimate `json:"wakeups_per_hour"`
	Availability     stats.Estimate `json:"availability"`
	BreaksPerDay     stats.Estimate `json:"breaks_per_day"`
	// UnnoticedMinPerDay and SelfBreaksPerDay are paired like the others.
	UnnoticedMinPerDay stats.Estimate `json:"unnoticed_min_per_day"`
	SelfBreaksPerDay   stats.Estimate `json:"self_breaks_per_day"`
}

// Policy holds the choices of the scenario's sweep section that shape the
// recommendation beyond its requirements.
type Policy struct {
	// AllowSelfBreaks (sweep.allow_self_breaks) lets an interval that breaks
	// its own connection be recommended even when another interval meets
	// the requirements without doing so.
	AllowSelfBreaks bool
}

// Result is an analysed sweep.
type Result struct {
	Scenario     string
	Seed         uint64
	Replications int
	HorizonS     float64
	Requirements []Requirement
	// Guides says, per requirement, whether it can guide the choice of
	// interval (see uniform.go).
	Guides []Guide
	Policy Policy
	Points []Point // by increasing nominal interval
	Recommendation
	// Axis is the detection metric the trade-off is drawn against (see
	// axis.go); Pareto lists the indices of Points on the Pareto front of
	// battery use against it (both lower is better), by interval.
	Axis   string
	Pareto []int

	// What the reports need to explain the curves; zero when unknown.
	Platform        string  // the platform preset's name
	KeepaliveMinS   float64 // intervals below it are clamped
	NATIdleTimeoutS float64 // 0: no NAT, or a fleet of NATs (NATFleet)
	// NATFleet is the distribution the replications draw their NAT idle
	// timeouts from (a fleet of users); nil: one NAT for all, or none.
	NATFleet       *sim.Dist
	ServerIdleS    float64 // a fixed server idle timeout (0: none or a multiple)
	ServerIdleMult float64 // the server idle timeout as a multiple of the interval
}

// Analyze tests reqs on every point, pairs neighbours, finds the Pareto front
// and makes the recommendation under pol. points must have distinct,
// increasing nominal intervals and the same replications.
func Analyze(points []stats.Point, reqs []Requirement, pol Policy) (*Result, error) {
	if len(points) == 0 {
		return nil, errors.New("sweep: no intervals to analyse")
	}
	for _, r := range reqs {
		if err := validate(r); err != nil {
			return nil, err
		}
	}
	res := &Result{
		Scenario: points[0].Scenario, Seed: points[0].Seed, Replications: points[0].Replications,
		HorizonS: points[0].HorizonS, Requirements: reqs, Policy: pol, Points: make([]Point, len(points)),
	}
	for i := range points {
		p := &points[i]
		if i > 0 && p.IntervalS <= points[i-1].IntervalS {
			return nil, fmt.Errorf("sweep: intervals must increase (%gs after %gs)", p.IntervalS, points[i-1].IntervalS)
		}
		if p.Replications != res.Replications {
			return nil, fmt.Errorf("sweep: interval %gs has %d replications, the first has %d", p.IntervalS, p.Replications, res.Replications)
		}
		checks := Evaluate(p, reqs)
		res.Points[i] = Point{Point: *p, Checks: checks, Qualifies: Holds(checks), SelfBreaks: selfBreaking(p)}
		if i > 0 {
			res.Points[i].VsPrevious = pair(p, &points[i-1])
		}
	}
	res.Recommendation = recommend(res.Points, pol)
	res.Guides = guides(res.Points, reqs)
	res.Axis = axis(res)
	res.Pareto = pareto(res.Points, res.Axis)
	return res, nil
}

// pair compares p with an earlier interval q over the same replications.
func pair(p, q *stats.Point) *Paired {
	if len(p.Reps) == 0 || len(p.Reps) != len(q.Reps) {
		return nil
	}
	col := func(pt *stats.Point, f func(r stats.RepValues) float64) []float64 {
		xs := make([]float64, len(pt.Reps))
		for i, r := range pt.Reps {
			xs[i] = f(r)
		}
		return xs
	}
	diff := func(f func(r stats.RepValues) float64) stats.Estimate {
		return stats.PairedDiff(col(p, f), col(q, f))
	}
	return &Paired{
		FromIntervalS:      q.IntervalS,
		BatteryPctPerDay:   diff(func(r stats.RepValues) float64 { return r.BatteryPctPerDay }),
		WakeupsPerHour:     diff(func(r stats.RepValues) float64 { return r.WakeupsPerHour }),
		Availability:       diff(func(r stats.RepValues) float64 { return r.Availability }),
		BreaksPerDay:       diff(func(r stats.RepValues) float64 { return r.BreaksPerDay }),
		UnnoticedMinPerDay: diff(func(r stats.RepValues) float64 { return r.UnnoticedMinPerDay }),
		SelfBreaksPerDay:   diff(func(r stats.RepValues) float64 { return r.SelfBreaksPerDay }),
	}
}

// PairedBattery is the paired difference in battery use, point j minus point
// i, over the same replications; ok is false without per-replication data.
func (r *Result) PairedBattery(j, i int) (stats.Estimate, bool) {
	a, b := r.Points[j].Reps, r.Points[i].Reps
	if len(a) == 0 || len(a) != len(b) {
		return stats.Estimate{}, false
	}
	x, y := make([]float64, len(a)), make([]float64, len(b))
	for k := range a {
		x[k], y[k] = a[k].BatteryPctPerDay, b[k].BatteryPctPerDay
	}
	return stats.PairedDiff(x, y), true
}

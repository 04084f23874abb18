// Package compare runs several scenarios on the same seeds and replications
// (common random numbers) and pairs each one's per-replication rates with
// the first's: replication k of every scenario meets the same outages,
// handovers, restarts, pushes, user sessions and fleet draws, so the paired
// difference varies far less than either scenario does.
package compare

import (
	"context"
	"fmt"
	"time"

	"pingtune/metric"
	"pingtune/runner"
	"pingtune/sim"
	"pingtune/stats"
)

// Scenario is one compared scenario's summary.
type Scenario struct {
	Name  string
	Point stats.Point
	cols  map[string][]float64 // per-replication values by key
}

// Estimate is the scenario's estimate of d: as its results have it, or,
// for an interval metric a fixed policy's results leave out, from its
// per-replication values (the interval itself).
func (s *Scenario) Estimate(d *metric.Def) stats.Estimate {
	for _, p := range metric.Policy {
		if p == d && s.Point.Metrics.IntervalMeanS == nil {
			return stats.MeanCI(s.cols[d.Key])
		}
	}
	return d.Estimate(&s.Point.Metrics)
}

// Diff is one metric's paired difference: the mean over replications of
// (this scenario − the first) with its Student-t 95% interval.
type Diff struct {
	Key  string
	Diff stats.Estimate
}

// Real reports whether the difference's 95% interval excludes zero.
func (d Diff) Real() bool { return stats.Significant(d.Diff) }

// Paired is one scenario against the first.
type Paired struct {
	Name, Vs string
	Metrics  []Diff // in the order of Keys
}

// Result is a comparison.
type Result struct {
	Seed         uint64
	Replications int
	Horizon      time.Duration
	Scenarios    []Scenario
	Paired       []Paired // one for each scenario after the first
	Notes        []string // what the caller changed to pair them (a seed)
}

// Keys are the metrics compare pairs, in order: every per-replication rate
// of the metric table, and the interval over time.
func Keys() []*metric.Def {
	return append(append([]*metric.Def{}, metric.Rates...), metric.Policy...)
}

// MismatchError says the scenarios cannot be paired as they are.
type MismatchError struct{ Msg string }

func (e *MismatchError) Error() string { return e.Msg }

// Check reports an error when the scenarios differ in horizon or
// replications (the caller's -horizon and -reps make them agree).
func Check(names []string, cfgs []*sim.Config) error {
	if len(cfgs) < 2 {
		return &MismatchError{fmt.Sprintf("compare needs at least two scenarios, got %d", len(cfgs))}
	}
	first := cfgs[0]
	for i, c := range cfgs[1:] {
		if c.Horizon != first.Horizon {
			return &MismatchError{fmt.Sprintf("%s has horizon %s but %s has %s: give -horizon to run both at one horizon",
				names[i+1], sim.FormatDuration(c.Horizon), names[0], sim.FormatDuration(first.Horizon))}
		}
		if c.Replications != first.Replications {
			return &MismatchError{fmt.Sprintf("%s has %d replications but %s has %d: give -reps to run both with the same number",
				names[i+1], c.Replications, names[0], first.Replications)}
		}
	}
	return nil
}

// Run plays every scenario's replications and pairs them with the first's.
// The configs must agree in horizon and replications (Check) and share a
// seed; Run refuses them otherwise.
func Run(ctx context.Context, cfgs []*sim.Config, opt runner.Options) (*Result, error) {
	names := make([]string, len(cfgs))
	for i, c := range cfgs {
		names[i] = c.Name
	}
	if err := Check(names, cfgs); err != nil {
		return nil, err
	}
	for _, c := range cfgs[1:] {
		if c.Seed != cfgs[0].Seed {
			return nil, &MismatchError{fmt.Sprintf("%s has seed %d but %s has %d: the pairs need common random numbers", c.Name, c.Seed, cfgs[0].Name, cfgs[0].Seed)}
		}
	}
	reps := cfgs[0].Replications
	results, err := runner.Run(ctx, cfgs, reps, opt)
	if err != nil {
		return nil, err
	}
	res := &Result{Seed: cfgs[0].Seed, Replications: reps, Horizon: cfgs[0].Horizon}
	cols := make([]map[string][]float64, len(cfgs))
	for i, c := range cfgs {
		cols[i] = map[string][]float64{}
		for _, col := range stats.Columns(c, results[i]) {
			cols[i][col.Key] = col.Values
		}
		res.Scenarios = append(res.Scenarios, Scenario{Name: c.Name, Point: stats.Summarize(c, results[i]), cols: cols[i]})
	}
	for i := 1; i < len(cfgs); i++ {
		p := Paired{Name: cfgs[i].Name, Vs: cfgs[0].Name}
		for _, d := range Keys() {
			a, b := cols[i][d.Key], cols[0][d.Key]
			if a == nil || b == nil {
				return nil, fmt.Errorf("compare: no per-replication values for %s", d.Key)
			}
			p.Metrics = append(p.Metrics, Diff{Key: d.Key, Diff: stats.PairedDiff(a, b)})
		}
		res.Paired = append(res.Paired, p)
	}
	return res, nil
}

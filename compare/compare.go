// Package compare runs several scenarios on the same seeds and replications
// (common random numbers) and pairs every metric of each with the first's:
// replication k of every scenario meets the same outages, handovers,
// restarts, pushes, user sessions and fleet draws, so the paired difference
// varies far less than either scenario does. Rates pair replication by
// replication (Student-t), totals as sums, and pooled latency statistics and
// worst deciles by a paired bootstrap over the replications (bootstrap.go).
// Start with Run and Finish; rows.go lists what is compared.
package compare

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"pingtune/runner"
	"pingtune/sim"
	"pingtune/stats"
)

// Scenario is one compared scenario's summary.
type Scenario struct {
	Name    string
	Point   stats.Point        // as `run` gives it
	scalars []stats.RepScalars // per replication, in order
	reps    []Rep
}

// Diff is one row's paired difference to the first scenario with its 95%
// interval (the row's Kind says how both are computed). Its Mean is NaN
// where a scenario has nothing to measure.
type Diff struct {
	Key  string
	Diff stats.Estimate
}

// Real reports whether the difference's 95% interval excludes zero.
func (d Diff) Real() bool { return stats.Significant(d.Diff) }

// Paired is one scenario against the first.
type Paired struct {
	Name, Vs string
	Metrics  []Diff // in the order of Result.Rows
}

// Result is a comparison.
type Result struct {
	Seed         uint64
	Replications int
	Horizon      time.Duration
	Rows         []*Row // what is compared, in order
	Scenarios    []Scenario
	Paired       []Paired // one for each scenario after the first
	Notes        []string // what the caller changed to pair them (a seed)
}

// Method says how the intervals of the differences were computed.
func (r *Result) Method() string { return Method(r.Seed) }

// AnyPolicy reports whether a compared scenario moves its interval.
func (r *Result) AnyPolicy() bool {
	for _, s := range r.Scenarios {
		if s.Point.Metrics.IntervalMeanS != nil {
			return true
		}
	}
	return false
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

// Run plays every scenario's replications (those of opt's shard) and
// gathers them, one Accumulator per scenario. The configs must agree in
// horizon, replications and seed (Check, Seeds); Run refuses them otherwise.
func Run(ctx context.Context, cfgs []*sim.Config, opt runner.Options) ([]*Accumulator, error) {
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
	accs := make([]*Accumulator, len(cfgs))
	for i, c := range cfgs {
		accs[i] = NewAccumulator(c, reps)
	}
	err := runner.Each(ctx, cfgs, reps, opt, func(c int, r *sim.Result) { accs[c].Add(r) })
	if err != nil {
		return nil, err
	}
	return accs, nil
}

// Finish pairs every scenario's replications, all gathered in accs (one per
// config), with the first's. workers run the bootstrap; the result does not
// depend on them.
func Finish(cfgs []*sim.Config, accs []*Accumulator, workers int) (*Result, error) {
	res := &Result{Seed: cfgs[0].Seed, Replications: cfgs[0].Replications, Horizon: cfgs[0].Horizon}
	for i, a := range accs {
		if k := a.Missing(); k >= 0 {
			return nil, fmt.Errorf("compare: replication %d of %s missing", k, cfgs[i].Name)
		}
		res.Scenarios = append(res.Scenarios, a.scenario(cfgs[i].Name))
	}
	res.Rows = rowsFor(cfgs, res.Scenarios)
	boot := bootstrap(res.Seed, res.Scenarios, res.Rows, workers)
	n := float64(res.Replications)
	for i := 1; i < len(res.Scenarios); i++ {
		a, b := &res.Scenarios[i], &res.Scenarios[0]
		p := Paired{Name: a.Name, Vs: b.Name}
		for j, row := range res.Rows {
			var d stats.Estimate
			switch row.Kind {
			case Rate:
				d = stats.PairedDiff(a.column(row), b.column(row))
			case Total:
				t := stats.PairedDiff(a.column(row), b.column(row))
				d = stats.Estimate{Mean: a.Cell(row).V - b.Cell(row).V,
					CI95: [2]stats.Bound{stats.Bound(n * t.Lo()), stats.Bound(n * t.Hi())}}
			default:
				d = boot[i][j]
				d.Mean = a.Cell(row).V - b.Cell(row).V // NaN where either has nothing to measure
				if !math.IsNaN(d.Mean) {
					d.Mean = stats.Round(d.Mean)
				}
			}
			p.Metrics = append(p.Metrics, Diff{Key: row.Key, Diff: d})
		}
		res.Paired = append(res.Paired, p)
	}
	return res, nil
}

// rowsFor keeps the rows that say something about these scenarios: the
// worst decile when one is a fleet, each way of learning of a break that
// one of them saw.
func rowsFor(cfgs []*sim.Config, scen []Scenario) []*Row {
	fleet := false
	for _, c := range cfgs {
		fleet = fleet || stats.IsFleet(c)
	}
	var rows []*Row
	for _, r := range allRows() {
		if r.Fleet && !fleet {
			continue
		}
		if strings.HasPrefix(r.Key, "breaks.") && strings.Contains(r.Key, "_learned_via.") {
			seen := false
			for i := range scen {
				seen = seen || scen[i].Cell(&r).V != 0
			}
			if !seen {
				continue
			}
		}
		rows = append(rows, &r)
	}
	return rows
}

// Keys are the keys of every row compare can pair, in order.
func Keys() []string {
	var keys []string
	for _, r := range allRows() {
		keys = append(keys, r.Key)
	}
	return keys
}

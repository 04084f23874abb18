package compare

import (
	"fmt"
	"slices"

	"pingtune/sim"
	"pingtune/stats"
	"pingtune/stats/hist"
)

// Accumulator gathers one compared scenario's replications as they finish,
// in any order: the summary `run` would print (stats.Accumulator) and each
// replication's Rep. Accumulators of disjoint replications merge, which is
// what the shards of `compare -shard K/N` rely on.
type Accumulator struct {
	acc     *stats.Accumulator
	reps    []Rep
	have    []bool
	scratch [poolPush]hist.Histogram // for collect
}

// NewAccumulator is an empty accumulator for replications 0..reps-1 of cfg.
func NewAccumulator(cfg *sim.Config, reps int) *Accumulator {
	return &Accumulator{acc: stats.NewAccumulator(cfg, reps), reps: make([]Rep, reps), have: make([]bool, reps)}
}

// Add takes in one replication's result; r may be reused afterwards. Calls
// must not overlap (runner.Each makes them one at a time).
func (a *Accumulator) Add(r *sim.Result) {
	a.acc.Add(r)
	a.reps[r.Rep] = collect(r, &a.scratch)
	a.have[r.Rep] = true
}

// State is what a shard hands on: the summary's state and the Reps it has,
// in replication order.
type State struct {
	Summary stats.AccState `json:"summary"`
	Reps    []Rep          `json:"reps"`
}

// State is a's state, its histograms packed.
func (a *Accumulator) State() State {
	a.acc.Pack()
	s := State{Summary: a.acc.State, Reps: []Rep{}}
	for i, h := range a.have {
		if h {
			s.Reps = append(s.Reps, a.reps[i])
		}
	}
	return s
}

// Merge adds the replications of another shard's state.
func (a *Accumulator) Merge(s *State) error {
	if err := a.acc.Merge(&s.Summary); err != nil {
		return err
	}
	for _, r := range s.Reps {
		if r.Rep < 0 || r.Rep >= len(a.reps) || !s.Summary.Have[r.Rep] {
			return fmt.Errorf("replication %d's values without its summary", r.Rep)
		}
		if a.have[r.Rep] {
			return fmt.Errorf("replication %d twice", r.Rep)
		}
		a.reps[r.Rep], a.have[r.Rep] = r, true
	}
	return nil
}

// Missing is the first replication not yet added, or -1 when all are in.
func (a *Accumulator) Missing() int {
	if i := a.acc.Missing(); i >= 0 {
		return i
	}
	if i := slices.Index(a.have, false); i >= 0 {
		return i
	}
	return -1
}

// scenario summarises the accumulated replications; every one must be in.
func (a *Accumulator) scenario(name string) Scenario {
	p := a.acc.Point()
	return Scenario{Name: name, Point: p, scalars: a.acc.State.Reps, reps: a.reps}
}

package sweep

import (
	"context"
	"fmt"
	"slices"
	"time"

	"pingtune/runner"
	"pingtune/sim"
	"pingtune/stats"
)

// Options control a Run.
type Options struct {
	Workers int  // parallel workers; 0: one per CPU
	Check   bool // verify the model's invariants in every replication
	Policy  Policy
	// Progress, if set, is called after each replication with the number
	// done and the total (intervals × replications); see runner.Options.
	Progress func(done, total int)
}

// Run plays base.Replications replications of base at every interval (sorted,
// duplicates dropped) in one parallel batch over (interval, replication)
// pairs, summarises each interval and analyses the sweep. The result does not
// depend on opt.Workers. A cancelled ctx stops it promptly with ctx's error.
func Run(ctx context.Context, base *sim.Config, intervals []time.Duration, reqs []Requirement, opt Options) (*Result, error) {
	cfgs, err := Configs(base, intervals, reqs)
	if err != nil {
		return nil, err
	}
	accs, err := Accumulate(ctx, cfgs, base.Replications, opt, 0, 1)
	if err != nil {
		return nil, err
	}
	points := make([]stats.Point, len(accs))
	for i, a := range accs {
		points[i] = a.Point()
		accs[i] = nil
	}
	return Finish(base, points, reqs, opt.Policy)
}

// Configs is base at every interval (sorted, duplicates dropped), checked,
// after checking the requirements.
func Configs(base *sim.Config, intervals []time.Duration, reqs []Requirement) ([]*sim.Config, error) {
	ivs := slices.Clone(intervals)
	slices.Sort(ivs)
	ivs = slices.Compact(ivs)
	if len(ivs) == 0 {
		return nil, fmt.Errorf("sweep %s: no intervals", base.Name)
	}
	for _, r := range reqs {
		if err := validate(r); err != nil {
			return nil, err
		}
	}
	cfgs := make([]sim.Config, len(ivs))
	ptrs := make([]*sim.Config, len(ivs))
	for i, T := range ivs {
		cfgs[i] = base.WithInterval(T)
		if err := cfgs[i].Validate(); err != nil {
			return nil, fmt.Errorf("sweep %s at interval %s: %w", base.Name, sim.FormatDuration(T), err)
		}
		ptrs[i] = &cfgs[i]
	}
	return ptrs, nil
}

// Accumulate plays the replications i of 0..reps-1 with i mod shards =
// shard at every config, and summarises them as they arrive: memory holds
// one result per worker and the accumulators, not every replication.
func Accumulate(ctx context.Context, cfgs []*sim.Config, reps int, opt Options, shard, shards int) ([]*stats.Accumulator, error) {
	accs := make([]*stats.Accumulator, len(cfgs))
	for i, c := range cfgs {
		accs[i] = stats.NewAccumulator(c, reps)
	}
	// Jobs go out interval-major: once an interval has all its
	// replications its histograms are packed to their non-empty buckets, so
	// that only the intervals under way hold dense ones.
	n := max(1, shards)
	want := (reps - shard%n + n - 1) / n
	got := make([]int, len(cfgs))
	err := runner.Each(ctx, cfgs, reps, runner.Options{Workers: opt.Workers, Check: opt.Check, Progress: opt.Progress, Shard: shard, Shards: shards},
		func(c int, r *sim.Result) {
			accs[c].Add(r)
			if got[c]++; got[c] == want {
				accs[c].Pack()
			}
		})
	if err != nil {
		return nil, err
	}
	return accs, nil
}

// Finish analyses the summarised intervals of a sweep of base.
func Finish(base *sim.Config, points []stats.Point, reqs []Requirement, policy Policy) (*Result, error) {
	res, err := Analyze(points, reqs, policy)
	if err != nil {
		return nil, err
	}
	res.Platform = base.Platform.Name
	res.KeepaliveMinS = base.Platform.IntervalFloor().Seconds()
	res.NATIdleTimeoutS = base.Network.NATIdleTimeout.Seconds()
	res.NATFleet = base.Network.NATIdleFleet
	res.ServerIdleMult = base.Server.IdleTimeoutMultiple
	if res.ServerIdleMult == 0 {
		res.ServerIdleS = base.Server.IdleTimeout.Seconds()
	}
	return res, nil
}

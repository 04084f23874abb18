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
	// Each result is summarised as it arrives: memory holds one result per
	// worker and the accumulators, not every replication.
	accs := make([]*stats.Accumulator, len(ptrs))
	for i := range ptrs {
		accs[i] = stats.NewAccumulator(ptrs[i], base.Replications)
	}
	err := runner.Each(ctx, ptrs, base.Replications, runner.Options{Workers: opt.Workers, Check: opt.Check, Progress: opt.Progress},
		func(c int, r *sim.Result) { accs[c].Add(r) })
	if err != nil {
		return nil, err
	}
	points := make([]stats.Point, len(ivs))
	for i, a := range accs {
		points[i] = a.Point()
		accs[i] = nil
	}
	res, err := Analyze(points, reqs, opt.Policy)
	if err != nil {
		return nil, err
	}
	res.Platform = base.Platform.Name
	res.KeepaliveMinS = base.Platform.IntervalFloor().Seconds()
	res.NATIdleTimeoutS = base.Network.NATIdleTimeout.Seconds()
	res.ServerIdleMult = base.Server.IdleTimeoutMultiple
	if res.ServerIdleMult == 0 {
		res.ServerIdleS = base.Server.IdleTimeout.Seconds()
	}
	return res, nil
}

// Package runner plays many replications of one or more configurations in
// parallel and hands back their results in a fixed order, so that the output
// is the same whatever the number of workers. Start with Run.
package runner

import (
	"context"
	"runtime"
	"sync"

	"pingtune/sim"
)

// Options control a Run.
type Options struct {
	Workers int  // goroutines; 0 or less: one per CPU
	Check   bool // verify the model's invariants in every replication
	// Progress, if set, is called after each finished replication with the
	// number done so far and the total. Calls come from one goroutine at a time.
	Progress func(done, total int)
	// Shard and Shards pick the replications i with i mod Shards = Shard;
	// Shards 0 or 1 runs them all.
	Shard, Shards int
}

// shardReps lists the replications of 0..reps-1 that opt's shard runs.
func (opt Options) shardReps(reps int) []int {
	n := max(1, opt.Shards)
	var out []int
	for i := opt.Shard % n; i < reps; i += n {
		out = append(out, i)
	}
	return out
}

// Run plays replications 0..reps-1 of every config (those of opt's shard)
// and returns results[config][rep], with a zero Result for the replications
// of other shards. See Each.
func Run(ctx context.Context, cfgs []*sim.Config, reps int, opt Options) ([][]sim.Result, error) {
	results := make([][]sim.Result, len(cfgs))
	for i := range results {
		results[i] = make([]sim.Result, reps)
	}
	err := Each(ctx, cfgs, reps, opt, func(c int, r *sim.Result) { results[c][r.Rep] = *r })
	if err != nil {
		return nil, err
	}
	return results, nil
}

// Each plays replications 0..reps-1 of every config (those of opt's shard)
// and hands each result to sink as it finishes, config c and result r (r.Rep
// says which replication), one call at a time, in an order that depends on
// scheduling: sink must not care (stats.Accumulator does not), and must not
// keep r, whose memory the runner may reuse. Memory thus stays at one
// result per worker, however many replications there are.
// Replication k of every config uses the same random streams, so configs
// that differ only in the interval see the same world.
// Cancelling ctx stops every replication within a few thousand events and
// Each returns ctx's error. On a replication's error it starts no more and
// returns the error of the lowest (config, rep) that failed, so the error too
// does not depend on scheduling.
func Each(ctx context.Context, cfgs []*sim.Config, reps int, opt Options, sink func(c int, r *sim.Result)) error {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	mine := opt.shardReps(reps)
	per := len(mine)
	total := len(cfgs) * per
	workers = max(1, min(workers, total))
	errs := make([]error, total)
	var sinkMu sync.Mutex

	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// A replication stops mid-run when the caller cancels; a failure of
	// another replication only stops the feeding of new ones, so that the
	// lowest failing replication still runs to its own error.
	interrupted := func() bool { return parent.Err() != nil }
	jobs := make(chan int)
	done := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var w sim.World
			for j := range jobs {
				c, rep := j/per, mine[j%per]
				r, err := w.Run(cfgs[c], rep, sim.Options{Check: opt.Check, Cancel: interrupted})
				if err != nil {
					errs[j] = err
					cancel()
				} else {
					sinkMu.Lock()
					sink(c, &r)
					sinkMu.Unlock()
				}
				done <- struct{}{}
			}
		}()
	}
	var pw sync.WaitGroup
	pw.Add(1)
	go func() {
		defer pw.Done()
		n := 0
		for range done {
			n++
			if opt.Progress != nil {
				opt.Progress(n, total)
			}
		}
	}()

	// Jobs go out interval-major for a sweep's progress to read in intervals;
	// which worker gets which job does not matter to the results.
feed:
	for j := 0; j < total; j++ {
		select {
		case jobs <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	close(done)
	pw.Wait()
	if err := parent.Err(); err != nil {
		return err // interrupted: some replications stopped or never ran
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

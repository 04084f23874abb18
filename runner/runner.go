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
}

// Run plays replications 0..reps-1 of every config and returns
// results[config][rep]. Replication k of every config uses the same random
// streams, so configs that differ only in the interval see the same world.
// Cancelling ctx stops every replication within a few thousand events and
// Run returns ctx's error. On a replication's error it starts no more and
// returns the error of the lowest (config, rep) that failed, so the error too
// does not depend on scheduling.
func Run(ctx context.Context, cfgs []*sim.Config, reps int, opt Options) ([][]sim.Result, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	total := len(cfgs) * reps
	workers = max(1, min(workers, total))
	results := make([][]sim.Result, len(cfgs))
	for i := range results {
		results[i] = make([]sim.Result, reps)
	}
	errs := make([]error, total)

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
				c, rep := j/reps, j%reps
				r, err := w.Run(cfgs[c], rep, sim.Options{Check: opt.Check, Cancel: interrupted})
				if err != nil {
					errs[j] = err
					cancel()
				} else {
					results[c][rep] = r
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
		return nil, err // interrupted: some replications stopped or never ran
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}

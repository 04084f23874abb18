package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"pingtune/internal/atomicfile"
	"pingtune/scenarios"
	"pingtune/sim"
)

// common holds the flags every simulating verb shares.
type common struct {
	seed     uint64
	reps     int
	horizon  string
	interval string
	workers  int
	json     bool
	out      string
	check    bool
	shardArg string
	shard    shardSpec // -shard K/N; N 0 when not given
	// noWork: load leaves the estimate of the work to the verb (a sweep
	// of the scenario's own intervals, a merge that runs nothing).
	noWork bool
	set    map[string]bool // which flags the user gave
}

// newFlagSet makes a verb's flag set with its usage text.
func newFlagSet(name, args, about string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n == 0 {
			fmt.Fprintf(stderr, "usage: pingtune %s %s\n\n%s\n", name, args, about)
			return
		}
		fmt.Fprintf(stderr, "usage: pingtune %s [flags] %s\n\n%s\n\nflags:\n", name, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// register adds the shared flags to fs; which ones a verb offers is its choice.
func (c *common) register(fs *flag.FlagSet, names ...string) {
	for _, n := range names {
		switch n {
		case "seed":
			fs.Uint64Var(&c.seed, "seed", 0, "random seed (default: the scenario's)")
		case "reps":
			fs.IntVar(&c.reps, "reps", 0, "replications (default: the scenario's)")
		case "horizon":
			fs.StringVar(&c.horizon, "horizon", "", "simulated time per replication, e.g. 7d (default: the scenario's)")
		case "interval":
			help := "heartbeat interval, e.g. 25m (default: the scenario's app.heartbeat.interval)"
			if fs.Name() == "sweep" {
				help = "intervals to compare: a list 5m,10m,20m or a range from:to:step 5m:30m:1m (default: the scenario's sweep.interval)"
			}
			fs.StringVar(&c.interval, "interval", "", help)
		case "workers":
			fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "parallel workers")
		case "json":
			fs.BoolVar(&c.json, "json", false, "print JSON instead of the summary table")
		case "o":
			fs.StringVar(&c.out, "o", "", "write the output to this file instead of stdout")
		case "shard":
			fs.StringVar(&c.shardArg, "shard", "", "run only replications i with i mod N = K and write a part for `pingtune merge`, e.g. 0/4")
		case "check":
			fs.BoolVar(&c.check, "check", false, "verify the simulator's invariants in every replication (slower)")
		}
	}
}

// parse parses args and returns the positional arguments.
func (c *common) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if err == flag.ErrHelp {
			return nil, err
		}
		return nil, usageError(err)
	}
	c.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { c.set[f.Name] = true })
	if c.set["workers"] && c.workers < 1 {
		return nil, usagef("-workers must be at least 1 (got %d)", c.workers)
	}
	if c.set["reps"] && c.reps < 1 {
		return nil, usagef("-reps must be at least 1 (got %d)", c.reps)
	}
	if c.set["shard"] {
		s, err := parseShard(c.shardArg)
		if err != nil {
			return nil, usageError(err)
		}
		c.shard = s
	}
	return fs.Args(), nil
}

// checkOut checks -o before any work is done, so that a path that cannot
// be written (a directory, a missing directory) fails at once rather than
// after the whole run. dash: "-o -" means stdout.
func (c *common) checkOut(dash bool) error {
	if c.out == "" || dash && c.out == "-" {
		return nil
	}
	if err := atomicfile.CheckPath(c.out); err != nil {
		return usagef("-o: %v", err)
	}
	return nil
}

// interleave moves flags after positional arguments to the front, so that
// `pingtune run ios6-voip-lte -reps 10` works as users expect.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				continue
			}
			if i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		}
	}
	return append(flags, pos...)
}

// load reads the one scenario a verb works on and applies -seed, -reps and
// -horizon. It returns the intervals -interval asks for (nil: none given).
func (c *common) load(args []string) (*scenarios.Scenario, []time.Duration, error) {
	if len(args) != 1 {
		return nil, nil, usagef("want one scenario (a built-in name or a YAML file), got %d arguments", len(args))
	}
	sc, err := scenarios.LoadForWork(args[0])
	if err != nil {
		return nil, nil, usageError(err)
	}
	cfg := &sc.Config
	if c.set["seed"] {
		cfg.Seed = c.seed
	}
	if c.set["reps"] {
		cfg.Replications = c.reps
	}
	if c.set["horizon"] {
		d, err := scenarios.ParseDuration(c.horizon)
		if err != nil {
			return nil, nil, usagef("-horizon: %v", err)
		}
		cfg.Horizon = d
	}
	var intervals []time.Duration
	if c.set["interval"] {
		intervals, err = scenarios.ParseIntervals(c.interval)
		if err != nil {
			return nil, nil, usagef("-interval: %v", err)
		}
	}
	if err := cfg.Validate(); err != nil {
		return nil, nil, usagef("%s with the flags given: %v", args[0], err)
	}
	if !c.noWork {
		// The size limits, for what the verb will run: after the flags,
		// a shard's share of the replications, on the workers given.
		if err := scenarios.CheckWork(cfg, intervals, c.work(cfg)); err != nil {
			return nil, nil, usageError(err)
		}
	}
	return sc, intervals, nil
}

// work is what the flags make of cfg's replications: a shard's share, on
// the workers given.
func (c *common) work(cfg *sim.Config) scenarios.Work {
	return scenarios.Work{Reps: c.shard.reps(cfg.Replications), Workers: c.workers}
}

// single returns the one interval -interval gave, or the scenario's.
func single(sc *scenarios.Scenario, intervals []time.Duration) (time.Duration, error) {
	switch len(intervals) {
	case 0:
		return sc.Config.App.Interval, nil
	case 1:
		return intervals[0], nil
	}
	return 0, usagef("-interval: this command takes one interval; use `pingtune sweep` for %d", len(intervals))
}

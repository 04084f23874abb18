package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"pingtune/internal/atomicfile"
	"pingtune/reports"
	"pingtune/scenarios"
	"pingtune/sim"
	"pingtune/stats"
	"pingtune/sweep"
)

func cmdSweep(ctx context.Context, args []string, e *env) error {
	var c common
	fs := newFlagSet("sweep", "SCENARIO", `Runs every interval of the scenario's sweep.interval (or -interval) over the same
replications, tests sweep.require at each, and recommends the interval with the
lowest battery use among those that meet every requirement. With -out DIR it
writes DIR/`+strings.Join(reports.SweepDocuments(), ", ")+` and the plots
`+andList(reports.SweepPlots())+`, all or nothing.
Exit status 3 when no interval meets the requirements.`, e.stderr)
	c.register(fs, "seed", "reps", "horizon", "interval", "workers", "json", "check", "shard")
	out := fs.String("out", "", "write results, plots and the report into this directory (with -shard: the part)")
	svg := fs.Bool("svg", false, "also write each plot as SVG")
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	c.noWork = true // checked below, at the intervals the sweep runs
	sc, intervals, err := c.load(rest)
	if err != nil {
		return err
	}
	work := c.work(&sc.Config)
	intervals, err = sweepIntervals(sc, intervals, rest[0], &work)
	if err != nil {
		return err
	}
	if c.shard.N > 0 {
		if *out == "" {
			return usagef("sweep -shard: give -out DIR for the part")
		}
	} else if *out != "" {
		// Before the work: a bad -out fails now, not after it; what an
		// interrupted earlier sweep left is put right or removed.
		if err := atomicfile.PrepareDir(*out, reports.SweepOutputs()); err != nil {
			return usagef("-out: %v", err)
		}
	}
	cfg := &sc.Config
	cfgs, err := sweep.Configs(cfg, intervals, sc.Sweep.Require)
	if err != nil {
		return err
	}
	prog, finish := sweepProgress(e, cfg.Name, len(cfgs), c.shard.reps(cfg.Replications))
	accs, err := sweep.Accumulate(ctx, cfgs, cfg.Replications, sweep.Options{Workers: c.workers, Check: c.check, Progress: prog}, c.shard.K, c.shard.N)
	finish()
	if err != nil {
		if ctx.Err() != nil {
			return interrupted("sweep interrupted: " + unchanged(*out))
		}
		return err
	}
	if c.shard.N > 0 {
		p, err := newPart("sweep", rest[0], &c, sc, c.shard, intervals, accs)
		if err != nil {
			return err
		}
		return writeSweepPart(*out, p)
	}
	return finishSweep(ctx, e, sc, rest[0], intervals, accs, sweepOut{dir: *out, svg: *svg, json: c.json})
}

// sweepIntervals is -interval's intervals, or the scenario's sweep.interval,
// whose size limits it checks for work (nil: no check).
func sweepIntervals(sc *scenarios.Scenario, intervals []time.Duration, arg string, work *scenarios.Work) ([]time.Duration, error) {
	if len(intervals) == 0 {
		intervals = sc.Sweep.Intervals
	}
	if len(intervals) == 0 {
		return nil, usagef("sweep: %s has no sweep.interval; give -interval 5m:30m:1m or a list 5m,10m,20m", arg)
	}
	if work == nil {
		return intervals, nil
	}
	if err := scenarios.CheckWork(&sc.Config, intervals, *work); err != nil {
		return nil, usageError(err)
	}
	return intervals, nil
}

// sweepOut is where a sweep's results go.
type sweepOut struct {
	dir  string // -out
	svg  bool
	json bool
}

// finishSweep analyses the accumulated intervals and writes the outputs.
func finishSweep(ctx context.Context, e *env, sc *scenarios.Scenario, arg string, intervals []time.Duration, accs []*stats.Accumulator, o sweepOut) error {
	cfg := &sc.Config
	points := make([]stats.Point, len(accs))
	for i, a := range accs {
		points[i] = a.Point()
		accs[i] = nil
	}
	res, err := sweep.Finish(cfg, points, sc.Sweep.Require, sweep.Policy{AllowSelfBreaks: sc.Sweep.AllowSelfBreaks})
	if err != nil {
		return err
	}
	resolved, err := scenarios.Marshal(sc)
	if err != nil {
		return err
	}
	resolvedJSON, err := scenarios.MarshalJSON(sc)
	if err != nil {
		return err
	}
	in := &reports.Sweep{Result: res, Description: sc.Description, Source: source(sc), Resolved: resolved, ResolvedJSON: resolvedJSON,
		Command: reproduce("sweep", arg, cfg, intervals)}

	var written []string
	if o.dir != "" {
		files, err := reports.SweepFiles(ctx, in, o.svg)
		if err == nil {
			err = install(ctx, o.dir, files)
		}
		if err != nil {
			if ctx.Err() != nil {
				return interrupted("sweep interrupted while writing: " + unchanged(o.dir))
			}
			return err
		}
		for _, f := range files {
			written = append(written, f.Name)
		}
	}
	if o.json {
		err = reports.WriteSweepJSON(e.stdout, in)
	} else {
		err = reports.WriteSweepSummary(e.stdout, in, o.dir, written)
		if err == nil && o.dir == "" {
			_, err = fmt.Fprintln(e.stdout, "\n(no -out DIR given: no files written)")
		}
	}
	if err != nil {
		return err
	}
	if res.Recommendation.Index < 0 {
		return unmet(errors.New("sweep: no interval meets every requirement"))
	}
	return nil
}

// source says where a scenario came from, for the report.
func source(sc *scenarios.Scenario) string {
	if name, ok := strings.CutPrefix(sc.Source, "builtin:"); ok {
		return "the built-in scenario " + name
	}
	return sc.Source
}

// reproduce is the command line that gives the same results.
func reproduce(verb, name string, cfg *sim.Config, intervals []time.Duration) string {
	return fmt.Sprintf("pingtune %s %s -seed %d -reps %d -horizon %s -interval %s", verb, name, cfg.Seed, cfg.Replications,
		sim.FormatDuration(cfg.Horizon), intervalFlag(intervals))
}

// intervalFlag writes intervals as -interval takes them: from:to:step when
// evenly spaced, else a list.
func intervalFlag(ivs []time.Duration) string {
	if len(ivs) > 2 {
		step := ivs[1] - ivs[0]
		even := step > 0
		for i := 2; i < len(ivs) && even; i++ {
			even = ivs[i]-ivs[i-1] == step
		}
		if even {
			return sim.FormatDuration(ivs[0]) + ":" + sim.FormatDuration(ivs[len(ivs)-1]) + ":" + sim.FormatDuration(step)
		}
	}
	s := make([]string, len(ivs))
	for i, t := range ivs {
		s[i] = sim.FormatDuration(t)
	}
	return strings.Join(s, ",")
}

// andList joins names as a sentence does: "a, b and c".
func andList(names []string) string {
	if n := len(names); n > 1 {
		return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	return strings.Join(names, "")
}

// install makes dir hold files in place of an earlier sweep's outputs
// (reports.SweepOutputs: files an earlier sweep wrote and this one did not,
// an SVG without -svg or a plot with nothing to show, do not linger),
// all at once (atomicfile.ReplaceDir): other files in dir are kept, and an
// interrupt up to the swap leaves dir as it was.
func install(ctx context.Context, dir string, files []reports.File) error {
	set := make([]atomicfile.NamedData, len(files))
	for i, f := range files {
		set[i] = atomicfile.NamedData{Name: f.Name, Data: f.Data}
	}
	return atomicfile.ReplaceDir(dir, set, reports.SweepOutputs(), ctx.Err)
}

// unchanged says what an interrupted sweep left of its output directory.
func unchanged(dir string) string {
	if dir == "" {
		return "nothing written"
	}
	return "nothing written, " + dir + " left as it was"
}

// sweepProgress draws a bar over all (interval, replication) pairs on a
// terminal, described by the intervals done so far; nil otherwise.
func sweepProgress(e *env, name string, intervals, reps int) (func(done, total int), func()) {
	total := intervals * reps
	if !e.stderrTTY || total < 2 {
		return nil, func() {}
	}
	desc := func(done int) string {
		return fmt.Sprintf("%s: %d/%d intervals", name, done/reps, intervals)
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription(desc(0)),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("reps"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	return func(done, _ int) {
		bar.Describe(desc(done))
		bar.Set(done)
	}, func() { bar.Finish() }
}

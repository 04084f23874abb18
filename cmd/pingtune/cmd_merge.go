package main

import (
	"context"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"

	"pingtune/compare"
	"pingtune/internal/atomicfile"
	"pingtune/reports"
	"pingtune/sim"
	"pingtune/stats"
	"pingtune/sweep"
)

func cmdMerge(ctx context.Context, args []string, e *env) error {
	var c common
	fs := newFlagSet("merge", "PART...", `Combines the parts that `+"`run -shard K/N -o PART`"+`, `+"`sweep -shard K/N -out PARTDIR`"+`
or `+"`compare -shard K/N -o PART`"+` (or -out PARTDIR) wrote, one for each K of 0..N-1,
into what the command gives unsharded with the same flags: byte for byte. A
PART is a part file or the directory a shard wrote it into.
Parts of different commands, scenarios, seeds or shard counts, and missing or
duplicate shards, are refused (exit 2). The scenarios (built-in names or the
YAML files the shards ran) are loaded again and must be unchanged.`, e.stderr)
	c.register(fs, "json", "o")
	out := fs.String("out", "", "for sweep and compare parts: write results, plots and the report into this directory")
	svg := fs.Bool("svg", false, "for sweep parts: also write each plot as SVG")
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("merge: give the parts to merge")
	}
	parts := make([]*part, len(rest))
	for i, path := range rest {
		if parts[i], err = readPart(path); err != nil {
			return usageError(err)
		}
	}
	if err := consistent(parts, rest); err != nil {
		return usageError(err)
	}
	first := parts[0]
	if first.Verb == "compare" {
		return mergeCompare(ctx, e, &c, *out, parts)
	}
	if first.Verb == "run" && *out != "" || first.Verb == "sweep" && c.out != "" {
		return usagef("merge: parts of %s take %s", first.Verb, map[string]string{"run": "-o FILE", "sweep": "-out DIR"}[first.Verb])
	}
	if err := c.checkOut(false); err != nil {
		return err
	}
	var lc common
	lc.noWork = true // merging runs nothing
	if err := lc.fromFlags(first.Flags); err != nil {
		return usagef("merge: %s: %v", rest[0], err)
	}
	sc, intervals, err := lc.load([]string{first.Scenario})
	if err != nil {
		return err
	}
	if d, err := resolvedDigest(sc); err != nil {
		return err
	} else if d != first.Resolved {
		return usagef("merge: %s resolves differently now than when the shards ran (was the file changed?)", first.Scenario)
	}
	switch first.Verb {
	case "run":
		T, err := single(sc, intervals)
		if err != nil {
			return err
		}
		cfg := sc.Config.WithInterval(T)
		acc, err := mergeStates([]*sim.Config{&cfg}, parts)
		if err != nil {
			return usageError(err)
		}
		return writeRun(e, c.out, c.json, acc[0].Point())
	case "sweep":
		if intervals, err = sweepIntervals(sc, intervals, first.Scenario, nil); err != nil {
			return err
		}
		if *out != "" {
			if err := atomicfile.PrepareDir(*out, reports.SweepOutputs()); err != nil {
				return usagef("-out: %v", err)
			}
		}
		cfgs, err := sweep.Configs(&sc.Config, intervals, sc.Sweep.Require)
		if err != nil {
			return err
		}
		accs, err := mergeStates(cfgs, parts)
		if err != nil {
			return usageError(err)
		}
		return finishSweep(ctx, e, sc, first.Scenario, intervals, accs, sweepOut{dir: *out, svg: *svg, json: c.json})
	}
	return usagef("merge: %s: unknown verb %q", rest[0], first.Verb)
}

// consistent checks that parts are the shards 0..N-1 of one command, each
// once.
func consistent(parts []*part, paths []string) error {
	a := parts[0]
	seen := make([]string, a.Shards)
	for i, p := range parts {
		same := p.Verb == a.Verb && p.Scenario == a.Scenario && maps.Equal(p.Flags, a.Flags) &&
			p.Resolved == a.Resolved && p.Replications == a.Replications && slices.Equal(p.IntervalsNs, a.IntervalsNs) &&
			slices.Equal(p.Scenarios, a.Scenarios)
		switch {
		case p.Seed != a.Seed:
			return fmt.Errorf("merge: %s has seed %d, %s seed %d", paths[i], p.Seed, paths[0], a.Seed)
		case p.Shards != a.Shards:
			return fmt.Errorf("merge: %s is one of %d shards, %s one of %d", paths[i], p.Shards, paths[0], a.Shards)
		case !same:
			return fmt.Errorf("merge: %s is of another command or scenario than %s (%s %s %v)", paths[i], paths[0], p.Verb, p.Scenario, p.Flags)
		case p.Shard < 0 || p.Shard >= p.Shards:
			return fmt.Errorf("merge: %s: shard %d of %d", paths[i], p.Shard, p.Shards)
		case seen[p.Shard] != "":
			return fmt.Errorf("merge: shard %d/%d twice: %s and %s", p.Shard, p.Shards, seen[p.Shard], paths[i])
		case len(p.States) != len(p.IntervalsNs) && p.Verb == "sweep":
			return fmt.Errorf("merge: %s: %d intervals but %d summaries", paths[i], len(p.IntervalsNs), len(p.States))
		case len(p.Compare) != len(p.Scenarios) && p.Verb == "compare":
			return fmt.Errorf("merge: %s: %d scenarios but %d summaries", paths[i], len(p.Scenarios), len(p.Compare))
		}
		seen[p.Shard] = paths[i]
	}
	for k, s := range seen {
		if s == "" {
			return fmt.Errorf("merge: shard %d/%d is missing", k, a.Shards)
		}
	}
	return nil
}

// mergeStates merges the parts' summaries of each config, checking that
// every replication is there once.
func mergeStates(cfgs []*sim.Config, parts []*part) ([]*stats.Accumulator, error) {
	accs := make([]*stats.Accumulator, len(cfgs))
	for i, cfg := range cfgs {
		accs[i] = stats.NewAccumulator(cfg, cfg.Replications)
		for _, p := range parts {
			if len(p.States) != len(cfgs) {
				return nil, fmt.Errorf("merge: shard %d holds %d intervals, want %d", p.Shard, len(p.States), len(cfgs))
			}
			if err := accs[i].Merge(&p.States[i]); err != nil {
				return nil, fmt.Errorf("merge: shard %d/%d: %v", p.Shard, p.Shards, err)
			}
		}
		if k := accs[i].Missing(); k >= 0 {
			return nil, fmt.Errorf("merge: replication %d is in no part", k)
		}
	}
	return accs, nil
}

// mergeCompare merges the parts of a sharded compare (checked consistent)
// into the outputs of the unsharded one.
func mergeCompare(ctx context.Context, e *env, c *common, dir string, parts []*part) error {
	first := parts[0]
	if err := c.checkOut(false); err != nil {
		return err
	}
	var lc common
	lc.noWork = true // merging runs nothing
	if err := lc.fromFlags(first.Flags); err != nil {
		return usagef("merge: %v", err)
	}
	ld, err := loadCompare(&lc, first.Scenarios)
	if err != nil {
		return err
	}
	if ld.digest != first.Resolved {
		return usagef("merge: %s resolve differently now than when the shards ran (was a file changed?)", strings.Join(first.Scenarios, ", "))
	}
	if dir != "" {
		if err := atomicfile.PrepareDir(dir, reports.CompareOutputs()); err != nil {
			return usagef("-out: %v", err)
		}
	}
	accs := make([]*compare.Accumulator, len(ld.cfgs))
	for i, cfg := range ld.cfgs {
		accs[i] = compare.NewAccumulator(cfg, cfg.Replications)
		for _, p := range parts {
			if err := accs[i].Merge(&p.Compare[i]); err != nil {
				return usagef("merge: shard %d/%d: %v", p.Shard, p.Shards, err)
			}
		}
		if k := accs[i].Missing(); k >= 0 {
			return usagef("merge: replication %d of %s is in no part", k, first.Scenarios[i])
		}
	}
	return finishCompare(ctx, e, ld, accs, first.Scenarios, compareOut{dir: dir, file: c.out, json: c.json, workers: runtime.NumCPU()})
}

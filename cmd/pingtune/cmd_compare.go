package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"pingtune/compare"
	"pingtune/internal/atomicfile"
	"pingtune/reports"
	"pingtune/runner"
	"pingtune/sim"
)

func cmdCompare(ctx context.Context, args []string, e *env) error {
	var c common
	fs := newFlagSet("compare", "A.yaml B.yaml [C.yaml...]", `Runs every scenario on the same seed and replications (common random numbers)
and prints every metric per scenario with its paired difference to the first
and the 95% interval of that difference; * marks a real difference. The
scenarios must agree in horizon and replications unless -horizon and -reps
set them; -seed sets every scenario's seed (default: the first's). With
-out DIR it writes DIR/`+strings.Join(reports.CompareOutputs(), ", ")+`, all or nothing.`, e.stderr)
	c.register(fs, "seed", "reps", "horizon", "workers", "json", "check")
	out := fs.String("out", "", "write results.json, compare.csv, compare.png and report.md into this directory")
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) < 2 {
		return usagef("compare: want at least two scenarios (built-in names or YAML files), got %d", len(rest))
	}
	cfgs := make([]*sim.Config, len(rest))
	for i, arg := range rest {
		sc, _, err := c.load([]string{arg})
		if err != nil {
			return err
		}
		cfgs[i] = &sc.Config
	}
	if err := compare.Check(rest, cfgs); err != nil {
		return usageError(err)
	}
	var notes []string
	for i, cfg := range cfgs[1:] {
		if cfg.Seed != cfgs[0].Seed {
			notes = append(notes, fmt.Sprintf("%s's seed %d replaced by %s's %d: the pairs need common random numbers", rest[i+1], cfg.Seed, rest[0], cfgs[0].Seed))
			cfg.Seed = cfgs[0].Seed
		}
	}
	if *out != "" {
		if err := atomicfile.PrepareDir(*out, reports.CompareOutputs()); err != nil {
			return usagef("-out: %v", err)
		}
	}
	total := 0
	for _, cfg := range cfgs {
		total += cfg.Replications
	}
	prog, finish := progress(e, "compare", total)
	res, err := compare.Run(ctx, cfgs, runner.Options{Workers: c.workers, Check: c.check, Progress: prog})
	finish()
	if err != nil {
		if ctx.Err() != nil {
			return interrupted("compare interrupted: " + unchanged(*out))
		}
		var mm *compare.MismatchError
		if errors.As(err, &mm) {
			return usageError(err)
		}
		return err
	}
	res.Notes = notes
	if *out != "" {
		files, err := reports.CompareFiles(ctx, res, rest)
		if err == nil {
			err = installOutputs(ctx, *out, files, reports.CompareOutputs())
		}
		if err != nil {
			if ctx.Err() != nil {
				return interrupted("compare interrupted while writing: " + unchanged(*out))
			}
			return err
		}
	}
	if c.json {
		return reports.WriteCompareJSON(e.stdout, res)
	}
	if err := reports.WriteCompareText(e.stdout, res); err != nil {
		return err
	}
	if *out != "" {
		_, err = fmt.Fprintf(e.stdout, "\nwrote %s into %s\n", andList(reports.CompareOutputs()), *out)
	}
	return err
}

// installOutputs makes dir hold files in place of an earlier run's outputs
// (owned), all at once, as sweep's install does.
func installOutputs(ctx context.Context, dir string, files []reports.File, owned []string) error {
	set := make([]atomicfile.NamedData, len(files))
	for i, f := range files {
		set[i] = atomicfile.NamedData{Name: f.Name, Data: f.Data}
	}
	return atomicfile.ReplaceDir(dir, set, owned, ctx.Err)
}

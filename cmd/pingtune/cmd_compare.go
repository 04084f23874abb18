package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
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
-out DIR it writes DIR/`+strings.Join(reports.CompareOutputs(), ", ")+`, all or nothing.
With -shard K/N it writes a part (-o FILE, or DIR/`+partFile+` with -out DIR)
for `+"`pingtune merge`"+`.`, e.stderr)
	c.register(fs, "seed", "reps", "horizon", "workers", "json", "o", "check", "shard")
	out := fs.String("out", "", "write results.json, compare.csv, compare.png and report.md into this directory (with -shard: the part)")
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) < 2 {
		return usagef("compare: want at least two scenarios (built-in names or YAML files), got %d", len(rest))
	}
	if err := c.checkOut(false); err != nil {
		return err
	}
	ld, err := loadCompare(&c, rest)
	if err != nil {
		return err
	}
	switch {
	case c.shard.N > 0 && (c.out == "") == (*out == ""):
		return usagef("compare -shard: give one of -o FILE and -out DIR for the part")
	case c.shard.N == 0 && *out != "":
		if err := atomicfile.PrepareDir(*out, reports.CompareOutputs()); err != nil {
			return usagef("-out: %v", err)
		}
	}
	total := len(ld.cfgs) * c.shard.reps(ld.cfgs[0].Replications)
	prog, finish := progress(e, "compare", total)
	accs, err := compare.Run(ctx, ld.cfgs, runner.Options{Workers: c.workers, Check: c.check, Progress: prog, Shard: c.shard.K, Shards: c.shard.N})
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
	if c.shard.N > 0 {
		p := &part{Format: partFormat, Verb: "compare", Scenario: rest[0], Scenarios: rest, Flags: c.givenFlags(),
			Resolved: ld.digest, Seed: ld.cfgs[0].Seed, Replications: ld.cfgs[0].Replications, Shard: c.shard.K, Shards: c.shard.N}
		for _, a := range accs {
			p.Compare = append(p.Compare, a.State())
		}
		if *out != "" {
			return writeSweepPart(*out, p)
		}
		return writePart(e, c.out, p)
	}
	return finishCompare(ctx, e, ld, accs, rest, compareOut{dir: *out, file: c.out, json: c.json, workers: c.workers})
}

// compareLoad is what compare runs: the scenarios with the flags applied
// and one seed, a digest of them as resolved (before the seed is shared),
// and the notes on what was changed to pair them.
type compareLoad struct {
	cfgs   []*sim.Config
	digest string
	notes  []string
}

// loadCompare loads the scenarios args name as compare runs them.
func loadCompare(c *common, args []string) (*compareLoad, error) {
	ld := &compareLoad{cfgs: make([]*sim.Config, len(args))}
	h := sha256.New()
	for i, arg := range args {
		sc, _, err := c.load([]string{arg})
		if err != nil {
			return nil, err
		}
		d, err := resolvedDigest(sc)
		if err != nil {
			return nil, err
		}
		fmt.Fprintln(h, d)
		ld.cfgs[i] = &sc.Config
	}
	ld.digest = hex.EncodeToString(h.Sum(nil))
	if err := compare.Check(args, ld.cfgs); err != nil {
		return nil, usageError(err)
	}
	for i, cfg := range ld.cfgs[1:] {
		if cfg.Seed != ld.cfgs[0].Seed {
			ld.notes = append(ld.notes, fmt.Sprintf("%s's seed %d replaced by %s's %d: the pairs need common random numbers", args[i+1], cfg.Seed, args[0], ld.cfgs[0].Seed))
			cfg.Seed = ld.cfgs[0].Seed
		}
	}
	return ld, nil
}

// compareOut is where a comparison's results go.
type compareOut struct {
	dir     string // -out: the files
	file    string // -o: what is printed, into a file
	json    bool
	workers int // for the bootstrap
}

// finishCompare pairs the gathered replications and writes the outputs.
func finishCompare(ctx context.Context, e *env, ld *compareLoad, accs []*compare.Accumulator, sources []string, o compareOut) error {
	res, err := compare.Finish(ld.cfgs, accs, o.workers)
	if err != nil {
		return err
	}
	res.Notes = ld.notes
	if o.dir != "" {
		files, err := reports.CompareFiles(ctx, res, sources)
		if err == nil {
			err = installOutputs(ctx, o.dir, files, reports.CompareOutputs())
		}
		if err != nil {
			if ctx.Err() != nil {
				return interrupted("compare interrupted while writing: " + unchanged(o.dir))
			}
			return err
		}
	}
	return output(e, o.file, func(w io.Writer) error {
		if o.json {
			return reports.WriteCompareJSON(w, res)
		}
		if err := reports.WriteCompareText(w, res); err != nil {
			return err
		}
		if o.dir != "" {
			_, err = fmt.Fprintf(w, "\nwrote %s into %s\n", andList(reports.CompareOutputs()), o.dir)
		}
		return err
	})
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

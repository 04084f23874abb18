package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"time"

	"pingtune/internal/atomicfile"
	"pingtune/reports"
	"pingtune/runner"
	"pingtune/sim"
	"pingtune/stats"
)

func cmdRun(ctx context.Context, args []string, e *env) error {
	var c common
	fs := newFlagSet("run", "SCENARIO", "Runs every replication at one heartbeat interval (the scenario's, or -interval)\nand prints a summary: wakeups, energy, battery, breaks and detection latencies.", e.stderr)
	c.register(fs, "seed", "reps", "horizon", "interval", "workers", "json", "o", "check", "shard")
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if err := c.checkOut(false); err != nil {
		return err
	}
	sc, intervals, err := c.load(rest)
	if err != nil {
		return err
	}
	T, err := single(sc, intervals)
	if err != nil {
		return err
	}
	cfg := sc.Config.WithInterval(T)
	acc, err := accumulate(ctx, e, &c, &cfg)
	if err != nil {
		return err
	}
	if c.shard.N > 0 {
		p, err := newPart("run", rest[0], &c, sc, c.shard, []time.Duration{T}, []*stats.Accumulator{acc})
		if err != nil {
			return err
		}
		return writePart(e, c.out, p)
	}
	return writeRun(e, c.out, c.json, acc.Point())
}

// writeRun prints a run's point as the summary table or JSON.
func writeRun(e *env, out string, asJSON bool, point stats.Point) error {
	return output(e, out, func(w io.Writer) error {
		if asJSON {
			return writeJSON(w, point)
		}
		return reports.WriteSummary(w, point)
	})
}

// simulate runs all replications of cfg and summarises them.
func simulate(ctx context.Context, e *env, c *common, cfg *sim.Config) (stats.Point, error) {
	acc, err := accumulate(ctx, e, c, cfg)
	if err != nil {
		return stats.Point{}, err
	}
	return acc.Point(), nil
}

// accumulate runs the replications of cfg (those of -shard) and
// summarises them as they finish.
func accumulate(ctx context.Context, e *env, c *common, cfg *sim.Config) (*stats.Accumulator, error) {
	prog, finish := progress(e, cfg.Name, c.shard.reps(cfg.Replications))
	acc := stats.NewAccumulator(cfg, cfg.Replications)
	err := runner.Each(ctx, []*sim.Config{cfg}, cfg.Replications,
		runner.Options{Workers: c.workers, Check: c.check, Progress: prog, Shard: c.shard.K, Shards: c.shard.N},
		func(_ int, r *sim.Result) { acc.Add(r) })
	finish()
	if err != nil {
		return nil, err
	}
	return acc, nil
}

// writeJSON writes v indented, with a final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// output sends what write produces to stdout, or atomically to path.
func output(e *env, path string, write func(io.Writer) error) error {
	if path == "" {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	return atomicfile.Write(path, write)
}

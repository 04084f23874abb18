package main

import (
	"context"
	"fmt"
	"io"

	"pingtune/reports"
	"pingtune/sweep"
)

func cmdCheck(ctx context.Context, args []string, e *env) error {
	var c common
	fs := newFlagSet("check", "SCENARIO", `Runs every replication at one heartbeat interval (the scenario's, or -interval)
and tests each requirement of sweep.require at the conservative end of its 95%
interval. Exit status 0 when all hold, 3 when one does not (a release gate),
2 when the scenario has no sweep.require.`, e.stderr)
	c.register(fs, "seed", "reps", "horizon", "interval", "workers", "json", "o", "check")
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
	reqs := sc.Sweep.Require
	if len(reqs) == 0 {
		return usagef("check: %s has no sweep.require, so there is nothing to check; add e.g. sweep: {require: {detect_client_p95: 20m, battery_pct_per_day: 2}}", rest[0])
	}
	T, err := single(sc, intervals)
	if err != nil {
		return err
	}
	cfg := sc.Config.WithInterval(T)
	point, err := simulate(ctx, e, &c, &cfg)
	if err != nil {
		return err // main says "check interrupted" when it was
	}
	checks := sweep.Evaluate(&point, reqs)
	if err := output(e, c.out, func(w io.Writer) error {
		if c.json {
			return reports.WriteCheckJSON(w, &point, checks)
		}
		return reports.WriteCheck(w, &point, checks)
	}); err != nil {
		return err
	}
	failed := 0
	for _, ch := range checks {
		if !ch.Holds {
			failed++
		}
	}
	if failed > 0 {
		return unmet(fmt.Errorf("check: %d of %d requirements not met", failed, len(checks)))
	}
	return nil
}

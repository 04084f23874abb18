package main

import (
	"context"
	"errors"
	"fmt"

	"pingtune/scenarios"
	"pingtune/sim"
)

func cmdValidate(ctx context.Context, args []string, e *env) error {
	var c common
	fs := newFlagSet("validate", "SCENARIO...", "Decodes and validates each scenario and prints what it resolves to; runs nothing.", e.stderr)
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("validate: name at least one scenario")
	}
	out := &stickyWriter{w: e.stdout}
	bad := 0
	for _, name := range rest {
		sc, err := scenarios.Load(name)
		if err != nil {
			bad++
			fmt.Fprintf(e.stderr, "%v\n", err)
			continue
		}
		cfg := &sc.Config
		fmt.Fprintf(out, "%s: ok (%s, platform %s, radio %s, interval %s, %d × %s)\n", name, cfg.Name,
			cfg.Platform.Name, cfg.Radio.Name, sim.FormatDuration(cfg.App.Interval), cfg.Replications, sim.FormatDuration(cfg.Horizon))
		for _, w := range cfg.Warnings() {
			fmt.Fprintf(out, "  warning: %s\n", w)
		}
	}
	if err := out.Err(); err != nil {
		return err
	}
	if bad > 0 {
		return usageError(errors.New(plural(bad, "scenario") + " invalid"))
	}
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

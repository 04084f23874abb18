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
	fs := newFlagSet("validate", "SCENARIO...", `Decodes and validates each scenario and prints what it resolves to; runs nothing.
With -resolved, prints each valid scenario as YAML instead, every preset expanded
and every default written out (a file that validates and runs as is).`, e.stderr)
	resolved := fs.Bool("resolved", false, "print the fully resolved scenario as YAML")
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("validate: name at least one scenario")
	}
	out := &stickyWriter{w: e.stdout}
	bad, printed := 0, 0
	for _, name := range rest {
		sc, err := scenarios.Load(name)
		if err != nil {
			bad++
			printLoadError(e, err)
			continue
		}
		if *resolved {
			data, err := scenarios.Marshal(sc)
			if err != nil {
				return err
			}
			if printed++; printed > 1 {
				fmt.Fprintln(out, "---") // one YAML document per scenario
			}
			out.Write(data)
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

// printLoadError prints why a scenario did not load: a scenario's own
// errors as file:line:column: field: message, one a line, like a compiler's;
// anything else (a file that cannot be read, an unknown built-in) with the
// pingtune: prefix every other error carries.
func printLoadError(e *env, err error) {
	var se *scenarios.Error
	if errors.As(err, &se) {
		fmt.Fprintf(e.stderr, "%v\n", err)
		return
	}
	fmt.Fprintf(e.stderr, "pingtune: %v\n", err)
}

func plural(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

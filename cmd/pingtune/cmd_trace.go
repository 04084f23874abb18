package main

import (
	"context"
	"flag"
	"io"
	"time"

	"pingtune/internal/atomicfile"
	"pingtune/reports/trace"
	"pingtune/scenarios"
	"pingtune/sim"
)

func cmdTrace(ctx context.Context, args []string, e *env) error {
	var c common
	var o oneRep
	fs := newFlagSet("trace", "SCENARIO", `Replays one replication and prints its events as JSON lines, in time order:
a snapshot of every lane first, then one object per state change and per
happening, e.g. {"t_s":1829.6,"kind":"detect_client","cause":"nat",...}.
The same scenario, seed and -rep give the same lines, and the replication
is the one `+"`pingtune run`"+` counts as that number. -from and -to only choose
which lines are printed; the simulation always runs from the start.`, e.stderr)
	c.register(fs, "seed", "reps", "horizon", "interval", "o", "check")
	o.register(fs, "print events from this time on, e.g. 26h (default: the start)",
		"print events up to this time, e.g. 27h30m (default: the horizon)")
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if err := c.checkOut(true); err != nil {
		return err
	}
	cfg, err := o.load(&c, rest)
	if err != nil {
		return err
	}
	end := cfg.LatestEnd() // the run may drain past its horizon
	win, _, err := o.window(end, end)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		tj := trace.NewJSON(w, cfg, win)
		stop := func() bool { return ctx.Err() != nil }
		if _, err := sim.Run(cfg, o.rep, sim.Options{Tracer: tj, Check: c.check, Cancel: stop}); err != nil {
			return err
		}
		return tj.Close()
	}
	if c.out == "" || c.out == "-" {
		// A stream: a long trace is never held in memory, and an interrupted
		// one has printed what it had.
		if err := write(e.stdout); err != nil {
			if ctx.Err() != nil {
				return interrupted("trace interrupted: the lines printed stop early")
			}
			return err
		}
		return nil
	}
	return atomicfile.Write(c.out, write)
}

// oneRep holds the flags of the verbs that show one replication: which one,
// and which stretch of it.
type oneRep struct {
	rep      int
	from, to string
}

func (o *oneRep) register(fs *flag.FlagSet, fromHelp, toHelp string) {
	fs.IntVar(&o.rep, "rep", 0, "the replication to show, 0 to replications-1 (the one pingtune run counts as that number)")
	fs.StringVar(&o.from, "from", "", fromHelp)
	fs.StringVar(&o.to, "to", "", toHelp)
}

// load reads the scenario, applies the common flags and the one interval,
// and checks -rep.
func (o *oneRep) load(c *common, args []string) (*sim.Config, error) {
	sc, intervals, err := c.load(args)
	if err != nil {
		return nil, err
	}
	T, err := single(sc, intervals)
	if err != nil {
		return nil, err
	}
	cfg := sc.Config.WithInterval(T)
	if o.rep < 0 || o.rep >= cfg.Replications {
		return nil, usagef("-rep %d is out of range: %s runs replications 0 to %d (-reps changes how many)",
			o.rep, cfg.Name, cfg.Replications-1)
	}
	return &cfg, nil
}

// window reads -from and -to against the horizon. Without either it returns
// the whole run and given false. With only one, the window is span long
// from it (or to it), inside the horizon.
func (o *oneRep) window(horizon, span time.Duration) (win trace.Window, given bool, err error) {
	parse := func(name, s string) (time.Duration, error) {
		d, err := scenarios.ParseDuration(s)
		if err != nil {
			return 0, usagef("-%s: %v", name, err)
		}
		if d < 0 {
			return 0, usagef("-%s %s: times count from the scenario's start and cannot be negative", name, s)
		}
		if d > horizon {
			return 0, usagef("-%s %s is past the end of the run (%s: the horizon and the drain after it; -horizon runs longer)", name, s, sim.FormatDuration(horizon))
		}
		return d, nil
	}
	win = trace.Window{From: 0, To: horizon}
	if o.from == "" && o.to == "" {
		return win, false, nil
	}
	switch {
	case o.from != "" && o.to != "":
		if win.From, err = parse("from", o.from); err != nil {
			return win, true, err
		}
		if win.To, err = parse("to", o.to); err != nil {
			return win, true, err
		}
	case o.from != "":
		if win.From, err = parse("from", o.from); err != nil {
			return win, true, err
		}
		win.To = min(win.From+span, horizon)
	default:
		if win.To, err = parse("to", o.to); err != nil {
			return win, true, err
		}
		win.From = max(win.To-span, 0)
	}
	if win.From >= win.To {
		return win, true, usagef("-from %s must be before -to %s", sim.FormatDuration(win.From), sim.FormatDuration(win.To))
	}
	return win, true, nil
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"pingtune/internal/atomicfile"
	"pingtune/internal/durfmt"
	"pingtune/reports/timeline"
	"pingtune/reports/trace"
	"pingtune/sim"
)

func cmdTimeline(ctx context.Context, args []string, e *env) error {
	var c common
	var o oneRep
	size := sizeFlag{w: 1600, h: 900}
	fs := newFlagSet("timeline", "SCENARIO -o FILE.png|FILE.svg", `Draws one replication over time as a PNG or an SVG (by -o's extension;
"-o -" writes a PNG to stdout): a lane per state machine (app,
background task, radio, network path, NAT mapping, server, server session,
connection), markers for wakeups, pings, pongs, pushes, breaks by cause,
detections and kills, and under the picture each break's story: what broke
it, when and how each side learned of it, when it was repaired.
Without -from/-to it shows the first break with an hour either side (longer
if the break took longer to detect), or the first 6h if nothing broke.
A window may hold at most `+strconv.Itoa(timeline.MaxRecords)+` records (state changes and marks):
more than a picture can show; narrow a busier one with -from/-to.`, e.stderr)
	c.register(fs, "seed", "reps", "horizon", "interval", "o", "check")
	o.register(fs, "start the picture at this time, e.g. 26h (alone: a 6h picture from it)",
		"end the picture at this time, e.g. 27h30m (alone: a 6h picture up to it)")
	fs.Var(&size, "size", "picture size in pixels, WIDTHxHEIGHT")
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if c.out == "" {
		return usagef("timeline: name the picture to write with -o FILE.png or -o FILE.svg")
	}
	if err := c.checkOut(true); err != nil {
		return err
	}
	format := timeline.FormatPNG
	if c.out != "-" {
		if format, err = timeline.FormatOf(c.out); err != nil {
			return usagef("timeline: -o %v", err)
		}
	}
	stopped := func() bool { return ctx.Err() != nil }
	cfg, err := o.load(&c, rest)
	if err != nil {
		return err
	}
	win, given, err := o.window(cfg.LatestEnd(), timeline.WindowQuiet)
	if err != nil {
		return err
	}
	how := "the window asked for"
	if !given {
		// The default window depends on the first break: find it first.
		res, err := sim.Run(cfg, o.rep, sim.Options{Check: c.check, Cancel: stopped})
		if err != nil {
			return err
		}
		win = timeline.DefaultWindow(&res)
		how = "the first break ± 1h"
		if len(res.Breaks) == 0 {
			how = "no break: the first 6h"
		}
	}
	rec := timeline.NewRecorder(cfg, win)
	// The run stops early when the window turns out to hold more than a
	// picture can show.
	full := func() bool { _, over := rec.Overflow(); return over }
	res, err := sim.Run(cfg, o.rep, sim.Options{Tracer: rec, Check: c.check, Cancel: func() bool { return full() || stopped() }})
	if beyond, over := rec.Overflow(); over && ctx.Err() == nil {
		return tooBusy(win, beyond)
	}
	if err != nil {
		return err
	}
	tl := rec.Timeline(cfg, o.rep, &res)
	write := func(w io.Writer) error {
		if err := timeline.Write(w, tl, size.w, size.h, format); err != nil {
			return err
		}
		return ctx.Err() // interrupted while drawing: write nothing
	}
	if c.out == "-" {
		return output(e, "", write)
	}
	if err := atomicfile.Write(c.out, write); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s: %s replication %d, %s to %s (%s), %s\n", c.out, cfg.Name, o.rep,
		durfmt.Clock(win.From), durfmt.Clock(win.To), how, breaksIn(&res, win))
	return err
}

// tooBusy refuses a window with more records than a picture can show, and
// proposes one that fits: from the same start to before the first record
// beyond the limit, in whole hours (minutes when shorter).
func tooBusy(win trace.Window, beyond time.Duration) error {
	span := beyond - win.From
	switch {
	case span >= 2*time.Hour:
		span = span.Truncate(time.Hour)
	case span >= 2*time.Minute:
		span = span.Truncate(time.Minute)
	}
	return usagef("timeline: the window %s to %s holds more than %d records, more than a picture can show (they fill it up to %s); "+
		"narrow it with -from and -to, e.g. -from %s -to %s",
		durfmt.Clock(win.From), durfmt.Clock(win.To), timeline.MaxRecords, durfmt.Clock(beyond),
		sim.FormatDuration(win.From), sim.FormatDuration(win.From+span))
}

// breaksIn counts the breaks that happened in win.
func breaksIn(res *sim.Result, win trace.Window) string {
	n := 0
	for _, b := range res.Breaks {
		if win.Contains(b.At) {
			n++
		}
	}
	return plural(n, "break")
}

// sizeFlag is a picture size given as WIDTHxHEIGHT.
type sizeFlag struct{ w, h int }

var _ flag.Value = (*sizeFlag)(nil)

func (s *sizeFlag) String() string { return fmt.Sprintf("%dx%d", s.w, s.h) }

func (s *sizeFlag) Set(v string) error {
	ws, hs, ok := strings.Cut(strings.ToLower(v), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil {
		return fmt.Errorf("want WIDTHxHEIGHT in pixels, e.g. 1600x900")
	}
	if w < timeline.MinWidth || h < timeline.MinHeight || w > timeline.MaxWidth || h > timeline.MaxHeight {
		return fmt.Errorf("%dx%d is outside %dx%d to %dx%d", w, h,
			timeline.MinWidth, timeline.MinHeight, timeline.MaxWidth, timeline.MaxHeight)
	}
	s.w, s.h = w, h
	return nil
}

package scenarios

import (
	"errors"
	"fmt"
	"time"

	"pingtune/sim"
)

// Limits on the size of a run, so that a typo cannot ask for a week of CPU
// or all the memory.
const (
	maxReplications = 100_000
	maxHorizon      = 3650 * 24 * time.Hour
	// maxEventEstimate bounds the events of the whole run: replications ×
	// the estimated events of a replication, summed over the intervals.
	maxEventEstimate = 2e11
	// maxResultBytes bounds the memory a run is expected to hold: the
	// results of the replications in flight (one per worker, each until it
	// is summarised) and the summaries (a few numbers per replication and
	// a latency histogram per interval). Assumption: 4 GiB leaves room on a
	// small machine.
	maxResultBytes = 4 << 30
)

// Work is what a command will run of a scenario once its flags apply: how
// many replications (a shard's share) on how many workers.
type Work struct {
	Reps    int // replications run; 0: the scenario's
	Workers int // replications in flight at once; 0: 1
}

// CheckLimits refuses runs that cannot be meant or cannot finish: more than
// 100 000 replications, a horizon over 3650d, an interval under 1ms or over
// 36500d, more than 1000 intervals, or a configuration invalid at one of the
// intervals (sim.Config.Validate at each: a keepalive_early that reaches a
// shorter interval). It then estimates each replication's events and kept
// results from every generator (heartbeats, pushes, user sessions, outages,
// handovers, restarts, scripted events) and refuses a replication expected
// to pass max_events, a run expected to pass 2e11 events in all, or memory
// expected to pass 4 GiB (CheckWork, for the scenario's replications on one
// worker). intervals are the intervals to run; empty means the scenario's
// own. The errors are joined *sim.FieldError values naming the field to
// change.
func CheckLimits(cfg *sim.Config, intervals []time.Duration) error {
	return CheckWork(cfg, intervals, Work{})
}

// CheckWork is CheckLimits for the work a command will really run, after its
// flags: w's replications on w's workers.
func CheckWork(cfg *sim.Config, intervals []time.Duration, w Work) error {
	if err := checkBounds(cfg, intervals); err != nil {
		return err
	}
	field := "sweep.interval"
	if len(intervals) == 0 {
		field, intervals = "app.heartbeat.interval", []time.Duration{cfg.App.Interval}
	}
	if w.Reps == 0 {
		w.Reps = cfg.Replications
	}
	w.Workers = max(1, min(w.Workers, w.Reps*len(intervals)))
	if w.Reps > 0 && cfg.Horizon > 0 {
		return errors.Join(checkLoad(cfg, intervals, field, w)...)
	}
	return nil
}

// checkBounds is the fixed bounds of CheckLimits, without the estimate.
func checkBounds(cfg *sim.Config, intervals []time.Duration) error {
	var errs []error
	bad := func(field, value, format string, args ...any) {
		errs = append(errs, &sim.FieldError{Field: field, Value: value, Msg: fmt.Sprintf(format, args...)})
	}
	if cfg.Replications > maxReplications {
		bad("replications", fmt.Sprint(cfg.Replications), "must be at most %d", maxReplications)
	}
	if cfg.Horizon > maxHorizon {
		bad("horizon", sim.FormatDuration(cfg.Horizon), "must be at most %s", sim.FormatDuration(maxHorizon))
	}
	field, own := "sweep.interval", len(intervals) == 0
	if own {
		field, intervals = "app.heartbeat.interval", []time.Duration{cfg.App.Interval}
	}
	if len(intervals) > maxIntervals {
		bad(field, fmt.Sprint(len(intervals), " intervals"), "at most %d intervals", maxIntervals)
	}
	smallest, largest := intervals[0], intervals[0]
	for _, t := range intervals {
		smallest, largest = min(smallest, t), max(largest, t)
	}
	if smallest < sim.MinInterval {
		bad(field, sim.FormatDuration(smallest), "every interval must be at least %s", sim.FormatDuration(sim.MinInterval))
	}
	if largest > sim.MaxDuration {
		bad(field, sim.FormatDuration(largest), "every interval must be at most %s (100 years)", sim.FormatDuration(sim.MaxDuration))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	if !own {
		return validateAt(cfg, intervals)
	}
	return nil
}

// validateAt validates cfg at each interval (the keepalive's effective
// interval and a server idle timeout given as a multiple follow the
// interval), reporting each field once, at the first interval it fails.
func validateAt(cfg *sim.Config, intervals []time.Duration) error {
	var errs []error
	seen := map[string]bool{}
	for _, t := range intervals {
		c := cfg.WithInterval(t)
		for _, e := range flatten(c.Validate()) {
			var fe *sim.FieldError
			if errors.As(e, &fe) {
				if seen[fe.Field] {
					continue
				}
				seen[fe.Field] = true
			}
			errs = append(errs, e)
		}
	}
	return errors.Join(errs...)
}

// checkLoad refuses a run whose estimated events or memory are over the
// limits, naming the generator that contributes most; intervalField names
// where the intervals come from.
func checkLoad(cfg *sim.Config, intervals []time.Duration, intervalField string, w Work) []error {
	var errs []error
	reps, n := float64(w.Reps), float64(len(intervals))
	var total, kept float64
	var worst, heaviest load // the intervals with the most events, and the most memory, in a replication
	for i, t := range intervals {
		c := cfg.WithInterval(t)
		l := estimate(&c)
		total += reps * l.events()
		kept += reps*bytesPerRepKept + min(reps*l.samples()*bytesPerSampleKept, maxHistBytes)
		if i == 0 || l.events() > worst.events() {
			worst = l
		}
		if i == 0 || l.bytes() > heaviest.bytes() {
			heaviest = l
		}
	}
	inFlight := float64(w.Workers) * heaviest.bytes()
	events := func(t term) float64 { return t.events }
	fieldOf := func(t term) string {
		if t.field == "app.heartbeat.interval" {
			return intervalField
		}
		return t.field
	}
	if e := worst.events(); e > float64(cfg.MaxEvents) {
		t := worst.largest(events)
		errs = append(errs, &sim.FieldError{Field: fieldOf(t), Msg: fmt.Sprintf(
			"a replication would need about %.2g events (%.2g %s × %.0f events each, over %s), more than max_events %d: it would stop part-way; lower the rate or the horizon, or raise max_events",
			e, t.count, t.what, t.events/t.count, sim.FormatDuration(cfg.Horizon), cfg.MaxEvents)})
	}
	if total > maxEventEstimate {
		errs = append(errs, &sim.FieldError{Field: "replications", Msg: fmt.Sprintf(
			"the run is too large: %d replications × %d intervals × about %.2g events each ≈ %.2g events (most from %s), over the limit of %.0g; use fewer replications or intervals, or a shorter horizon",
			w.Reps, len(intervals), total/reps/n, total, worst.largest(events).what, float64(maxEventEstimate))})
	}
	if bytes := inFlight + kept; bytes > maxResultBytes {
		if inFlight >= kept {
			t := heaviest.largest(func(t term) float64 { return t.bytes })
			errs = append(errs, &sim.FieldError{Field: fieldOf(t), Msg: fmt.Sprintf(
				"the run would take about %s of memory (%.2g %s a replication, %d replications in flight at once), over the %s limit; lower the rate or the horizon, or use fewer workers",
				formatBytes(bytes), t.count, t.what, w.Workers, formatBytes(maxResultBytes))})
		} else {
			errs = append(errs, &sim.FieldError{Field: "replications", Msg: fmt.Sprintf(
				"the run would take about %s of memory (the summaries of %d replications × %d intervals), over the %s limit; use fewer replications or intervals, or shards (-shard K/N)",
				formatBytes(bytes), w.Reps, len(intervals), formatBytes(maxResultBytes))})
		}
	}
	return errs
}

// formatBytes writes a size in binary units: 512 MiB, 4 GiB, 14.9 GiB,
// 6760 GiB.
func formatBytes(b float64) string {
	unit := "B"
	for _, u := range []string{"KiB", "MiB", "GiB"} {
		if b < 1024 {
			break
		}
		b, unit = b/1024, u
	}
	if b >= 100 {
		return fmt.Sprintf("%.0f %s", b, unit)
	}
	return fmt.Sprintf("%.3g %s", b, unit)
}

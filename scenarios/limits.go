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
	// maxResultBytes bounds the memory the replications' results are
	// expected to take until the run is summarised (push latencies, breaks).
	// Assumption: 4 GiB leaves room on a small machine; a built-in's default
	// sweep needs about 0.2 GiB, and the push flood of issue 9 (2.8 GB when
	// stopped) would need 15.
	maxResultBytes = 4 << 30
)

// CheckLimits refuses runs that cannot be meant or cannot finish: more than
// 100 000 replications, a horizon over 3650d, an interval under 1ms or over
// 36500d, more than 1000 intervals, or a configuration invalid at one of the
// intervals (sim.Config.Validate at each: a keepalive_early that reaches a
// shorter interval). It then estimates each replication's events and kept
// results from every generator (heartbeats, pushes, user sessions, outages,
// handovers, restarts, scripted events) and refuses a replication expected
// to pass max_events, a run expected to pass 2e11 events in all, or results
// expected to pass 4 GiB. intervals are the intervals to run; empty means the
// scenario's own. The errors are joined *sim.FieldError values naming the
// field to change.
func CheckLimits(cfg *sim.Config, intervals []time.Duration) error {
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
		if err := validateAt(cfg, intervals); err != nil {
			return err
		}
	}
	if cfg.Replications > 0 && cfg.Horizon > 0 {
		errs = append(errs, checkLoad(cfg, intervals, field)...)
	}
	return errors.Join(errs...)
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

// checkLoad refuses a run whose estimated events or kept results are over
// the limits, naming the generator that contributes most; intervalField
// names where the intervals come from.
func checkLoad(cfg *sim.Config, intervals []time.Duration, intervalField string) []error {
	var errs []error
	reps, n := float64(cfg.Replications), float64(len(intervals))
	var total, bytes float64
	var worst, heaviest load // the intervals with the most events, and the most memory, in a replication
	for i, t := range intervals {
		c := cfg.WithInterval(t)
		l := estimate(&c)
		total += reps * l.events()
		bytes += reps * l.bytes()
		if i == 0 || l.events() > worst.events() {
			worst = l
		}
		if i == 0 || l.bytes() > heaviest.bytes() {
			heaviest = l
		}
	}
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
			cfg.Replications, len(intervals), total/reps/n, total, worst.largest(events).what, float64(maxEventEstimate))})
	}
	if bytes > maxResultBytes {
		t := heaviest.largest(func(t term) float64 { return t.bytes })
		errs = append(errs, &sim.FieldError{Field: fieldOf(t), Msg: fmt.Sprintf(
			"the results would take about %s of memory (%.2g %s a replication × %d replications × %d intervals), over the %s limit; lower the rate, the replications or the horizon",
			formatBytes(bytes), t.count, t.what, cfg.Replications, len(intervals), formatBytes(maxResultBytes))})
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

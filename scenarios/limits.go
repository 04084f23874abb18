package scenarios

import (
	"errors"
	"fmt"
	"time"

	"pingtune/sim"
)

// Limits on the size of a run, so that a typo cannot ask for a week of CPU.
const (
	maxReplications = 100_000
	maxHorizon      = 3650 * 24 * time.Hour
	// maxEventEstimate bounds replications × intervals × events per replication.
	maxEventEstimate = 2e11
	// eventsPerPing is a rough count of events per heartbeat (ping, pong,
	// timers, radio stages), for the estimate.
	eventsPerPing = 10
)

// CheckLimits refuses runs too large to be meant: more than 100 000
// replications, a horizon over 3650d, an interval under 1ms, more than 1000
// intervals, or an estimated total of events (replications × intervals ×
// horizon / min(smallest interval, 1m) × 10) above 2e11. intervals are the
// intervals to run; empty means the scenario's own. The errors are joined
// *sim.FieldError values naming the field to change.
func CheckLimits(cfg *sim.Config, intervals []time.Duration) error {
	var errs []error
	bad := func(field, value, format string, args ...any) {
		errs = append(errs, &sim.FieldError{Field: field, Value: value, Msg: fmt.Sprintf(format, args...)})
	}
	if cfg.Replications > maxReplications {
		bad("replications", fmt.Sprint(cfg.Replications), "must be at most %d", maxReplications)
	}
	if cfg.Horizon > maxHorizon {
		bad("horizon", formatDuration(cfg.Horizon), "must be at most %s", formatDuration(maxHorizon))
	}
	field := "sweep.interval"
	if len(intervals) == 0 {
		field, intervals = "app.heartbeat.interval", []time.Duration{cfg.App.Interval}
	}
	if len(intervals) > maxIntervals {
		bad(field, fmt.Sprint(len(intervals), " intervals"), "at most %d intervals", maxIntervals)
	}
	smallest := intervals[0]
	for _, t := range intervals {
		smallest = min(smallest, t)
	}
	if smallest < sim.MinInterval {
		bad(field, formatDuration(smallest), "every interval must be at least %s", formatDuration(sim.MinInterval))
		return errors.Join(errs...)
	}
	if cfg.Replications > 0 && cfg.Horizon > 0 {
		step := min(smallest, time.Minute)
		estimate := float64(cfg.Replications) * float64(len(intervals)) * (cfg.Horizon.Seconds() / step.Seconds()) * eventsPerPing
		if estimate > maxEventEstimate {
			bad("replications", "", "the run is too large: %d replications × %d intervals × %s horizon / %s × %d events ≈ %.2g events, over the limit of %.0g; use fewer replications or intervals, or a shorter horizon",
				cfg.Replications, len(intervals), formatDuration(cfg.Horizon), formatDuration(step), eventsPerPing, estimate, float64(maxEventEstimate))
		}
	}
	return errors.Join(errs...)
}

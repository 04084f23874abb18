package sweep

import (
	"fmt"
	"math"

	"pingtune/metric"
	"pingtune/scenarios"
)

// The metrics a requirement can bound: see package metric, which owns the
// table of metrics (package scenarios owns the Requirement type).
const (
	DetectClientP95    = metric.DetectClientP95
	DetectServerP95    = metric.DetectServerP95
	PushLatencyP95     = metric.PushLatencyP95
	BatteryPctPerDay   = metric.BatteryPctPerDay
	WakeupsPerHour     = metric.WakeupsPerHour
	Availability       = metric.Availability
	UnnoticedMinPerDay = metric.UnnoticedMinPerDay
)

// Requirement is one bound of sweep.require: Upper means metric <= Bound,
// otherwise metric >= Bound.
type Requirement = scenarios.Requirement

// FormatBound writes a bound in the scenario's YAML syntax.
func FormatBound(key string, v float64) string { return scenarios.FormatBound(key, v) }

// validate checks a requirement names a known metric.
func validate(r Requirement) error {
	for _, m := range metric.Requirable() {
		if r.Metric == m {
			if math.IsNaN(r.Bound) {
				return fmt.Errorf("sweep: requirement %s: bound is NaN", r.Metric)
			}
			return nil
		}
	}
	return fmt.Errorf("sweep: unknown requirement key %q (want one of %v)", r.Metric, metric.Requirable())
}

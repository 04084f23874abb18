package sim

import (
	"math"
	"time"
)

// Saturating time arithmetic. Validate bounds every duration a scenario gives
// at MaxDuration and the horizon at a few years, so the model's sums (now +
// a sampled duration + a sampled gap) stay far below int64's 292 years; these
// helpers make sure that a value beyond the bound (a Config that skipped
// Validate, a heavy-tailed draw) lands far in the future rather than wrapping
// round to before now, which the engine refuses with a panic.

// later is t + d, saturating at math.MaxInt64, an instant no horizon reaches.
func later(t, d time.Duration) time.Duration {
	if d > 0 && t > math.MaxInt64-d {
		return math.MaxInt64
	}
	return t + d
}

// durationOf converts ns nanoseconds to a Duration, clamped to [0,
// MaxDuration]; NaN is 0. In range it truncates exactly as time.Duration(ns).
func durationOf(ns float64) time.Duration {
	switch {
	case !(ns > 0): // also NaN
		return 0
	case ns >= float64(MaxDuration):
		return MaxDuration
	}
	return time.Duration(ns)
}

package sim

import (
	"math"
	"testing"
	"time"
)

func TestLaterSaturates(t *testing.T) {
	const inf = time.Duration(math.MaxInt64)
	for _, c := range []struct{ t, d, want time.Duration }{
		{0, 0, 0},
		{time.Hour, time.Minute, time.Hour + time.Minute},
		{time.Hour, -time.Minute, time.Hour - time.Minute},
		{0, inf, inf},
		{1, inf, inf},
		{inf - 5, 5, inf},
		{inf - 5, 6, inf},
		{3650 * 24 * time.Hour, 106751 * 24 * time.Hour, inf},
		{inf, inf, inf},
	} {
		if got := later(c.t, c.d); got != c.want {
			t.Errorf("later(%d, %d) = %d, want %d", c.t, c.d, got, c.want)
		}
	}
}

func TestDurationOfClamps(t *testing.T) {
	for _, c := range []struct {
		ns   float64
		want time.Duration
	}{
		{0, 0}, {-1, 0}, {math.NaN(), 0}, {math.Inf(-1), 0},
		{1.9, 1}, {1e9, time.Second}, {float64(MaxDuration) - 1024, MaxDuration - 1024},
		{float64(MaxDuration), MaxDuration}, {1e20, MaxDuration}, {math.Inf(1), MaxDuration},
	} {
		if got := durationOf(c.ns); got != c.want {
			t.Errorf("durationOf(%g) = %d, want %d", c.ns, got, c.want)
		}
	}
	// In range it is exactly the conversion it replaces, so results do not move.
	for _, ns := range []float64{0.5, 12345.678, 8.64e13 + 0.25, 3.1e18} {
		if got, want := durationOf(ns), time.Duration(ns); got != want {
			t.Errorf("durationOf(%g) = %d, want %d", ns, got, want)
		}
	}
}

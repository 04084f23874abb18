package sim_test

import (
	"math"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// TestHeavyTailedGapsAreAccepted: the mean of a Weibull of shape 0.1 or a
// lognormal of sigma 6 is about 1e20 ns, past int64; converted to a Duration
// it wrapped negative and Validate said "must have a mean of at least 1ms".
// The mean is now taken in float64, and nothing is wrong with such a gap:
// its draws beyond 100 years are 100 years, far past any horizon.
func TestHeavyTailedGapsAreAccepted(t *testing.T) {
	h8 := float64(8 * time.Hour)
	for _, c := range []struct {
		d    sim.Dist
		mean float64 // ns, closed form
	}{
		// scale × Γ(1 + 1/shape) = 8h × 10!
		{sim.Dist{Kind: sim.Weibull, Value: 8 * time.Hour, Shape: 0.1}, h8 * 3628800},
		// median × exp(sigma²/2) = 1h × e^18
		{sim.Dist{Kind: sim.Lognormal, Value: time.Hour, Shape: 6}, float64(time.Hour) * math.Exp(18)},
	} {
		if got := c.d.MeanNanos(); math.Abs(got-c.mean) > 1e-9*c.mean {
			t.Errorf("%v: mean %g ns, want %g", c.d, got, c.mean)
		}
		if c.mean < 1e20 {
			t.Errorf("%v: the case no longer overflows a Duration", c.d)
		}
		if got := c.d.Mean(); got != sim.MaxDuration {
			t.Errorf("%v: Mean() = %v, want it clamped to %v", c.d, got, sim.MaxDuration)
		}
		cfg := testcfg.Classic()
		cfg.Network.Outages.Every = c.d
		cfg.Network.Handovers.Every = c.d
		cfg.Server.Restarts.Every = c.d
		if err := cfg.Validate(); err != nil {
			t.Errorf("%v refused: %v", c.d, err)
		}
		if _, err := sim.Run(&cfg, 0, sim.Options{Check: true}); err != nil {
			t.Errorf("%v: %v", c.d, err)
		}
	}
	// A mean under 1ms is still refused.
	cfg := testcfg.Classic()
	cfg.Network.Outages.Every = sim.Dist{Kind: sim.Weibull, Value: time.Microsecond, Shape: 0.5}
	if fe := fieldErrors(t, cfg.Validate())["network.outages.every"]; fe == nil || fe.Msg != "must have a mean of at least 1ms" {
		t.Errorf("a 2µs mean: %v", fe)
	}
}

package stats

import (
	"encoding/json"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// TestExtremeValidConfigsGiveFiniteOutputs runs configurations at the edges
// of what Validate accepts and checks that every number Summarize reports
// is finite: encoding/json refuses +Inf and NaN in a float64 (Bound writes
// them as null), so a Point that marshals has none. A 1e-300 mAh battery
// once passed validation and made battery %/day +Inf.
func TestExtremeValidConfigsGiveFiniteOutputs(t *testing.T) {
	for _, c := range []struct {
		name string
		set  func(c *sim.Config)
	}{
		{"smallest battery and voltage, largest powers", func(c *sim.Config) {
			c.Device = sim.Device{BatteryMAh: 1, Voltage: 0.1, CPUPower: 1e4}
			c.Radio.PromotionPower, c.Radio.ActivePower, c.Radio.Tail[0].Power = 1e4, 1e4, 1e4
		}},
		{"largest battery, tiniest powers", func(c *sim.Config) {
			c.Device = sim.Device{BatteryMAh: 1e7, Voltage: 1000, CPUPower: 5e-324}
			c.Radio.PromotionPower, c.Radio.ActivePower, c.Radio.Tail[0].Power = 5e-324, 5e-324, 5e-324
		}},
		{"steepest backoff", func(c *sim.Config) {
			c.App.Reconnect = sim.Backoff{Initial: time.Millisecond, Max: sim.MaxDuration, Multiplier: 1000, Jitter: 0.999999}
			c.Network.Outages.Every = sim.Dist{Kind: sim.Exp, Value: 10 * time.Minute}
		}},
		{"rarest generators", func(c *sim.Config) {
			c.User.SessionsPerDay, c.Server.Pushes.PerHour = 5e-324, 5e-324
		}},
		{"heaviest tails", func(c *sim.Config) {
			c.Network.Outages.Every = sim.Dist{Kind: sim.Weibull, Value: 8 * time.Hour, Shape: 0.05}
			c.Network.Outages.Duration = sim.Dist{Kind: sim.Lognormal, Value: time.Hour, Shape: 10}
			c.Network.RTT = sim.Dist{Kind: sim.Lognormal, Value: time.Millisecond, Shape: 10}
		}},
		{"longest durations", func(c *sim.Config) {
			c.App.Timeout, c.Network.NATIdleTimeout = sim.MaxDuration, sim.MaxDuration
			c.Server.IdleTimeout, c.Server.IdleTimeoutMultiple = sim.MaxDuration, 0
		}},
		{"largest idle multiple", func(c *sim.Config) { c.Server.IdleTimeoutMultiple = 1000 }},
		{"shortest horizon", func(c *sim.Config) { c.Horizon = time.Nanosecond }},
		{"shortest interval", func(c *sim.Config) {
			c.Platform = sim.Platform{Name: "always-awake", AlwaysAwake: true}
			c.App.Interval, c.Horizon = sim.MinInterval, time.Minute
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := testcfg.Classic()
			cfg.Horizon = 12 * time.Hour
			c.set(&cfg)
			if err := cfg.Validate(); err != nil {
				t.Fatalf("not a valid config: %v", err)
			}
			results := make([]sim.Result, 3)
			for rep := range results {
				r, err := sim.Run(&cfg, rep, sim.Options{Check: true})
				if err != nil {
					t.Fatal(err)
				}
				results[rep] = r
			}
			p := Summarize(&cfg, results)
			if _, err := json.Marshal(p); err != nil {
				t.Fatalf("a number is not finite: %v", err)
			}
		})
	}
}

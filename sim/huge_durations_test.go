package sim_test

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// huge is 106751 days, the largest whole number of days an int64 of
// nanoseconds holds: the value the panicking scenarios used.
const huge = 106751 * 24 * time.Hour

// hugeCases set one duration near the int64 limit; each once panicked (an
// event scheduled before now, or Int64N's argument overflowing).
var hugeCases = []struct {
	field string // the field Validate names
	set   func(c *sim.Config)
}{
	{"network.rtt.uniform[1]", func(c *sim.Config) { c.Network.RTT = sim.Dist{Kind: sim.Uniform, Max: math.MaxInt64} }},
	{"network.nat_idle_timeout", func(c *sim.Config) { c.Network.NATIdleTimeout = huge }},
	{"server.idle_timeout", func(c *sim.Config) { c.Server.IdleTimeout, c.Server.IdleTimeoutMultiple = huge, 0 }},
	{"network.outages.duration", func(c *sim.Config) { c.Network.Outages.Duration = sim.Fixed(huge) }},
	{"app.heartbeat.timeout", func(c *sim.Config) { c.App.Timeout = huge }},
	{"app.reconnect.initial", func(c *sim.Config) {
		c.App.Reconnect.Initial, c.App.Reconnect.Max = 106000*24*time.Hour, 106000*24*time.Hour
	}},
	{"server.restarts.downtime.exp", func(c *sim.Config) { c.Server.Restarts.Downtime = sim.Dist{Kind: sim.Exp, Value: huge} }},
	{"user.session_length.empirical[0]", func(c *sim.Config) {
		c.User.SessionLength = sim.Dist{Kind: sim.Empirical, Values: []time.Duration{huge}}
	}},
	{"events[0].for", func(c *sim.Config) {
		c.Events = []sim.ScriptedEvent{{At: time.Hour, Kind: sim.ScriptNetworkDown, For: huge, SignalsClient: true}}
	}},
	{"platform.relaunch_delay", func(c *sim.Config) {
		c.Platform.RelaunchAfterKill, c.Platform.RelaunchDelay, c.App.BackgroundTask = true, huge, sim.Leak
	}},
	{"radio.tail[0].for", func(c *sim.Config) { c.Radio.Tail[0].For = huge }},
	// A multiple within 0 to 1000, of an interval within the bound, can still
	// pass it.
	{"server.idle_timeout", func(c *sim.Config) {
		c.Server.IdleTimeoutMultiple, c.App.Interval = 1000, 10000*24*time.Hour
		c.Horizon = 24 * time.Hour
	}},
}

// TestHugeDurationsAreRefused: Validate bounds every duration at 100 years
// and names the field.
func TestHugeDurationsAreRefused(t *testing.T) {
	for _, c := range hugeCases {
		cfg := testcfg.Classic()
		c.set(&cfg)
		errs := fieldErrors(t, cfg.Validate())
		fe := errs[c.field]
		if fe == nil {
			t.Errorf("%s: not refused (errors: %v)", c.field, errs)
			continue
		}
		if fe.Msg != "must be at most 36500d (100 years)" && fe.Msg != "that multiple of the effective interval 10000d is over 36500d (100 years)" {
			t.Errorf("%s: %v", c.field, fe)
		}
	}
	// The bound itself is allowed.
	cfg := testcfg.Classic()
	cfg.Network.NATIdleTimeout, cfg.App.Timeout = sim.MaxDuration, sim.MaxDuration
	cfg.Network.RTT = sim.Dist{Kind: sim.Uniform, Max: sim.MaxDuration}
	if err := cfg.Validate(); err != nil {
		t.Errorf("at the bound: %v", err)
	}
}

// TestHugeDurationsSaturate runs each case without validation: the model's
// time arithmetic saturates, so nothing is scheduled before now, nothing
// panics, and every invariant holds.
func TestHugeDurationsSaturate(t *testing.T) {
	for _, c := range hugeCases {
		t.Run(c.field, func(t *testing.T) {
			cfg := testcfg.Classic()
			cfg.Horizon = 3 * 24 * time.Hour
			c.set(&cfg)
			for rep := range 3 {
				if _, err := sim.Run(&cfg, rep, sim.Options{Check: true}); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestSamplesStayWithinTheBound: every shape, however heavy its tail, draws
// within [0, MaxDuration], and a uniform spanning all of int64 does not
// panic.
func TestSamplesStayWithinTheBound(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, d := range []sim.Dist{
		{Kind: sim.Uniform, Max: math.MaxInt64},
		{Kind: sim.Exp, Value: huge},
		{Kind: sim.Weibull, Value: 8 * time.Hour, Shape: 0.05},
		{Kind: sim.Lognormal, Value: time.Hour, Shape: 10},
		{Kind: sim.Normal, Value: huge, Max: huge},
		sim.Fixed(huge),
		{Kind: sim.Empirical, Values: []time.Duration{huge, -1}},
	} {
		for range 2000 {
			if x := d.Sample(r); x < 0 || x > sim.MaxDuration {
				t.Fatalf("%v drew %v", d, x)
			}
		}
	}
}

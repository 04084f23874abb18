package sim_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// fieldErrors returns the *sim.FieldError values joined in err, by field.
func fieldErrors(t *testing.T, err error) map[string]*sim.FieldError {
	t.Helper()
	out := map[string]*sim.FieldError{}
	if err == nil {
		return out
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var fe *sim.FieldError
		if !errors.As(e, &fe) {
			t.Fatalf("%T is not a *sim.FieldError: %v", e, e)
		}
		out[fe.Field] = fe
	}
	return out
}

// TestKeepaliveEarlyFloodIsRefused: a keepalive handler that can fire a
// whole effective interval early fires again 1ms later, and again, until
// max_events stops the run (FuzzSimulate, seed 123456364, rep 74, drew
// keepalive_early 46.3s against an interval of 36.1s). Validate refuses any
// keepalive_early whose upper end reaches the effective interval, or that has
// no upper end.
func TestKeepaliveEarlyFloodIsRefused(t *testing.T) {
	t.Run("fuzz finding", func(t *testing.T) {
		cfg := drawConfig(123456364)
		hi, _ := cfg.Platform.KeepaliveEarly.UpperEnd()
		if eff := cfg.EffectiveInterval(); hi < eff {
			t.Fatalf("the seed no longer draws the flood (keepalive_early up to %v, interval %v): find a new one", hi, eff)
		}
		if fe := fieldErrors(t, cfg.Validate())["platform.keepalive_early"]; fe == nil {
			t.Fatalf("Validate accepted keepalive_early %v at effective interval %v", cfg.Platform.KeepaliveEarly, cfg.EffectiveInterval())
		}
		// The generator now repairs it, and the replication that flooded runs
		// with every invariant checked and nowhere near max_events.
		cfg = randomConfig(123456364)
		if err := cfg.Validate(); err != nil {
			t.Fatal(err)
		}
		res, err := sim.Run(&cfg, 74, sim.Options{Check: true})
		if err != nil {
			t.Fatal(err)
		}
		// A keepalive never comes sooner than the interval less the largest
		// early firing; each brings a few dozen events at most.
		hi, _ = cfg.Platform.KeepaliveEarly.UpperEnd()
		keepalives := int64(cfg.Horizon / (cfg.EffectiveInterval() - hi))
		if res.Events > 100*keepalives+1_000_000 {
			t.Errorf("%d events for at most %d keepalives", res.Events, keepalives)
		}
	})

	eff := 10 * time.Minute // the ios6 keepalive minimum: intervals below it are raised to it
	for _, c := range []struct {
		name     string
		interval time.Duration
		early    sim.Dist
		want     string // "" for valid
	}{
		{"the issue's case", 10 * time.Minute, sim.Fixed(10 * time.Minute),
			"must stay below the effective interval 10m (its upper end is 10m): the handler would fire again 1ms after firing that early"},
		{"constant just below", 10 * time.Minute, sim.Fixed(eff - time.Nanosecond), ""},
		{"uniform reaching it", 10 * time.Minute, sim.Dist{Kind: sim.Uniform, Max: eff},
			"must stay below the effective interval 10m (its upper end is 10m): the handler would fire again 1ms after firing that early"},
		{"empirical reaching it", 10 * time.Minute, sim.Dist{Kind: sim.Empirical, Values: []time.Duration{time.Second, 11 * time.Minute, 0}},
			"must stay below the effective interval 10m (its upper end is 11m): the handler would fire again 1ms after firing that early"},
		{"unbounded", 10 * time.Minute, sim.Dist{Kind: sim.Exp, Value: time.Second},
			"must stay below the effective interval 10m, but this distribution has no upper end; use a constant, a uniform or an empirical one"},
		// The effective interval is what counts: 1m is raised to 10m.
		{"clamped interval", time.Minute, sim.Fixed(5 * time.Minute), ""},
		{"longer interval", time.Hour, sim.Fixed(50 * time.Minute), ""},
		{"longer interval reached", time.Hour, sim.Fixed(time.Hour),
			"must stay below the effective interval 1h (its upper end is 1h): the handler would fire again 1ms after firing that early"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := testcfg.Classic().WithInterval(c.interval)
			cfg.Platform.KeepaliveEarly = c.early
			fe := fieldErrors(t, cfg.Validate())["platform.keepalive_early"]
			switch {
			case c.want == "" && fe != nil:
				t.Errorf("refused: %v", fe)
			case c.want != "" && fe == nil:
				t.Errorf("accepted")
			case fe != nil && (fe.Msg != c.want || fe.Value != c.early.String()):
				t.Errorf("got %v\nwant %s (got %s)", fe, c.want, c.early.String())
			}
		})
	}

	// A platform without a keepalive minimum: the sweep's shorter intervals
	// are where the flood starts, and each one is validated on its own.
	cfg := testcfg.Classic()
	cfg.Platform.KeepaliveMin = 0
	cfg.Platform.KeepaliveEarly = sim.Fixed(time.Minute)
	for T, ok := range map[time.Duration]bool{time.Minute: false, time.Minute + time.Millisecond: true, 30 * time.Second: false} {
		c := cfg.WithInterval(T)
		fe := fieldErrors(t, c.Validate())["platform.keepalive_early"]
		if (fe == nil) != ok || fe != nil && !strings.Contains(fe.Msg, "effective interval "+sim.FormatDuration(T)) {
			t.Errorf("interval %v: %v", T, fe)
		}
	}
}

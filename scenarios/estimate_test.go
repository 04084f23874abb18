package scenarios

import (
	"math"
	"testing"
	"time"

	"pingtune/sim"
)

// TestEventEstimateCountsEveryGenerator holds the size limits' estimate of a
// replication's events against the simulator: for each generator alone at a
// high rate, for heavy tails and for the built-ins, the estimate must not
// fall short of the events the runs take (or a run that passes validation
// could stop at max_events) and must not be wildly over (or sensible runs
// would be refused).
func TestEventEstimateCountsEveryGenerator(t *testing.T) {
	const base = "horizon: 2d\nreplications: 3\n"
	cases := map[string]string{
		"keepalives":          "app: {heartbeat: {interval: 10m}}",
		"always awake":        "platform: always-awake\napp: {heartbeat: {interval: 1m}}",
		"pushes":              "app: {heartbeat: {interval: 10m}}\nserver: {pushes: {per_hour: 600}}",
		"user sessions":       "app: {heartbeat: {interval: 10m, foreground_interval: 10s}}\nuser: {sessions_per_day: 100, session_length: 1m}",
		"outages":             "app: {heartbeat: {interval: 10m}}\nnetwork: {outages: {every: {exp: 10m}, duration: 1m}}",
		"silent outages":      "app: {heartbeat: {interval: 10m}}\nnetwork: {outages: {every: {exp: 10m}, duration: 10m, signals_client: false}}",
		"heavy-tailed gaps":   "app: {heartbeat: {interval: 10m}}\nnetwork: {outages: {every: {weibull: {scale: 8h, shape: 0.1}}, duration: 1m}}",
		"lognormal gaps":      "app: {heartbeat: {interval: 10m}}\nnetwork: {handovers: {every: {lognormal: {median: 1h, sigma: 6}}}}",
		"handovers":           "app: {heartbeat: {interval: 10m}}\nnetwork: {handovers: {every: {exp: 10m}}}",
		"restarts":            "app: {heartbeat: {interval: 10m}}\nserver: {restarts: {every: {exp: 10m}, downtime: 1m}}",
		"early keepalives":    "platform: {preset: ios6, keepalive_min: 0s, keepalive_early: {uniform: [0s, 59s]}}\napp: {heartbeat: {interval: 1m}}",
		"nat shorter than it": "app: {heartbeat: {interval: 10m}}\nnetwork: {nat_idle_timeout: 5m}",
	}
	for name, yaml := range cases {
		cases[name] = base + yaml
	}
	for _, name := range Builtins() {
		data, _ := BuiltinYAML(name)
		cases[name] = string(data)
	}
	for name, yaml := range cases {
		t.Run(name, func(t *testing.T) {
			s, err := Parse("x.yaml", []byte(yaml))
			if err != nil {
				t.Fatal(err)
			}
			cfg := &s.Config
			cfg.Horizon, cfg.Replications = 2*24*time.Hour, 3
			var measured float64
			for rep := range cfg.Replications {
				r, err := sim.Run(cfg, rep, sim.Options{})
				if err != nil {
					t.Fatal(err)
				}
				measured += float64(r.Events) / float64(cfg.Replications)
			}
			est := estimate(cfg).events()
			t.Logf("estimated %.0f events a replication, measured %.0f (×%.2f)", est, measured, est/measured)
			if est < 0.8*measured || est > 3*measured {
				t.Errorf("estimated %.0f events a replication, measured %.0f", est, measured)
			}
		})
	}
}

// TestEventEstimateClosedForms checks the counts behind the estimate where
// they have a closed form.
func TestEventEstimateClosedForms(t *testing.T) {
	s, err := Parse("x.yaml", []byte(`horizon: 2d
platform: {preset: ios6, keepalive_early: {uniform: [0s, 30s]}}
app: {heartbeat: {interval: 20m}}
user: {sessions_per_day: 24, session_length: 30m}
network: {outages: {every: 50m, duration: 10m}, handovers: {every: {exp: 2h}}}
server: {pushes: {per_hour: 6}, restarts: {every: {uniform: [1h, 3h]}, downtime: 0s}}
events: [{at: 1h, network: handover}]
`))
	if err != nil {
		t.Fatal(err)
	}
	h := 48.0 // hours
	want := map[string]float64{
		"keepalives":       h * 60 / (20 - 0.25), // the handler fires 15s early on average
		"user sessions":    h * 24 / 24,
		"foreground pings": 0.5 * h * 3, // half the day open, a ping every 20m
		"pushes":           6 * h,
		"outages":          h,                           // every 50m + 10m
		"handovers":        h / (2 * -math.Expm1(-h/2)), // 48h / E[min(X, 48h)], X ~ exp(2h)
		"server restarts":  h / 2,                       // uniform 1h-3h, mean 2h
		"scripted events":  1,
	}
	l := estimate(&s.Config)
	if len(l.terms) != len(want) {
		t.Errorf("%d terms, want %d", len(l.terms), len(want))
	}
	for _, term := range l.terms {
		if w, ok := want[term.what]; !ok || math.Abs(term.count-w) > 1e-9*w {
			t.Errorf("%s: %g, want %g", term.what, term.count, w)
		}
	}
}

// TestMeanUpTo checks E[min(X, h)] against closed forms and the sample mean.
func TestMeanUpTo(t *testing.T) {
	hour := float64(time.Hour)
	for _, c := range []struct {
		d    sim.Dist
		h    float64
		want float64
	}{
		{sim.Fixed(time.Hour), 2 * hour, hour},
		{sim.Fixed(3 * time.Hour), 2 * hour, 2 * hour},
		{sim.Dist{Kind: sim.Uniform, Value: 0, Max: 2 * time.Hour}, 4 * hour, hour},
		// Half the mass below 1h averages 0.5h; the rest counts as 1h.
		{sim.Dist{Kind: sim.Uniform, Value: 0, Max: 2 * time.Hour}, hour, 0.75 * hour},
		{sim.Dist{Kind: sim.Exp, Value: time.Hour}, 1e6 * hour, hour},
		{sim.Dist{Kind: sim.Empirical, Values: []time.Duration{time.Hour, 5 * time.Hour}}, 2 * hour, 1.5 * hour},
		// A lognormal with sigma 0 is its median; a Weibull of shape 1 an
		// exponential; a normal far from 0 its mean.
		{sim.Dist{Kind: sim.Lognormal, Value: time.Hour}, 10 * hour, hour},
		{sim.Dist{Kind: sim.Weibull, Value: time.Hour, Shape: 1}, 2 * hour, hour * -math.Expm1(-2)},
		{sim.Dist{Kind: sim.Normal, Value: 10 * time.Hour, Max: time.Hour}, 100 * hour, 10 * hour},
	} {
		if got := meanUpTo(c.d, c.h); math.Abs(got-c.want) > 2e-3*c.want {
			t.Errorf("meanUpTo(%v, %gh) = %gh, want %gh", c.d, c.h/hour, got/hour, c.want/hour)
		}
	}
}

// TestEventEstimateCountsFleetBreaks: over a fleet of NATs, the share of
// users whose NAT forgets them between pings (the distribution's CDF at the
// gap) adds a break's events to every ping.
func TestEventEstimateCountsFleetBreaks(t *testing.T) {
	s, err := Parse("x.yaml", []byte(`horizon: 1d
platform: always-awake
app: {heartbeat: {interval: 30m}}
network: {nat_idle_timeout: {lognormal: {median: 1h, sigma: 1.2}}}
`))
	if err != nil {
		t.Fatal(err)
	}
	share := s.Config.Network.NATIdleFleet.CDF(30 * time.Minute) // Φ(ln 0.5 / 1.2) ≈ 0.282
	if share < 0.27 || share > 0.29 {
		t.Fatalf("CDF(30m) = %g, want about 0.282", share)
	}
	l := estimate(&s.Config)
	for _, term := range l.terms {
		if term.what != "heartbeats" {
			continue
		}
		pings := 48.0
		want := pings * (eventsPerPing + share*eventsPerHandover)
		if math.Abs(term.count-pings) > 1e-9 || math.Abs(term.events-want) > 1e-9*want || math.Abs(term.samples-3*share*pings) > 1e-9 {
			t.Errorf("heartbeats: %g pings, %g events, %g samples; want %g, %g, %g", term.count, term.events, term.samples, pings, want, 3*share*pings)
		}
		return
	}
	t.Fatal("no heartbeat term")
}

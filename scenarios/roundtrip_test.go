package scenarios

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"pingtune/metric"
	"pingtune/sim"
)

// TestRoundTripRandom holds Marshal and Parse against each other on random
// scenarios: every valid one must come back unchanged. The fuzzer mutates
// text and rarely reaches odd values; this builds them directly.
func TestRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	n := 0
	for i := 0; i < 1500; i++ {
		s := randomScenario(r)
		if s.Config.Validate() != nil || CheckLimits(&s.Config, s.Sweep.Intervals) != nil {
			continue
		}
		n++
		roundTrip(t, s)
		if t.Failed() {
			return
		}
	}
	if n < 250 {
		t.Errorf("only %d of 1500 random scenarios were valid", n)
	}
}

func randomScenario(r *rand.Rand) *Scenario {
	dur := func(max time.Duration) time.Duration {
		switch r.IntN(4) {
		case 0:
			return time.Duration(r.Int64N(int64(max))) // odd nanoseconds
		case 1:
			return time.Duration(r.Int64N(int64(max/time.Millisecond)+1)) * time.Millisecond
		case 2:
			return time.Duration(r.Int64N(int64(max/time.Minute)+1)) * time.Minute
		}
		return time.Duration(r.Int64N(7)) * 24 * time.Hour
	}
	num := func(lo, hi float64) float64 {
		if r.IntN(3) == 0 {
			return math.Round(lo + (hi-lo)*r.Float64())
		}
		return lo + (hi-lo)*r.Float64()
	}
	dist := func(max time.Duration) sim.Dist {
		switch r.IntN(7) {
		case 1:
			return sim.Dist{Kind: sim.Exp, Value: dur(max) + 1}
		case 2:
			lo := dur(max)
			return sim.Dist{Kind: sim.Uniform, Value: lo, Max: lo + dur(max)}
		case 3:
			return sim.Dist{Kind: sim.Lognormal, Value: dur(max) + 1, Shape: num(0, 10)}
		case 4:
			return sim.Dist{Kind: sim.Weibull, Value: dur(max) + 1, Shape: num(0.05, 100)}
		case 5:
			return sim.Dist{Kind: sim.Normal, Value: dur(max) - max/2, Max: dur(max)}
		case 6:
			v := make([]time.Duration, r.IntN(4)+1)
			for i := range v {
				v[i] = dur(max)
			}
			return sim.Dist{Kind: sim.Empirical, Values: v}
		}
		return sim.Fixed(dur(max))
	}
	power := func() float64 {
		if r.IntN(2) == 0 {
			return float64(r.IntN(5000)) / 1000
		}
		return r.Float64() * math.Pow(10, float64(r.IntN(8)-6))
	}
	names := []string{"a", "ios6", "custom", "with space", "été", "123", "true", "x: y", "-dash", "#hash"}
	descriptions := []string{"", "one line", "two\nlines", "\n", "\nleading", "trailing\n\n", " spaced ", "tab\there", "a\u2028b", "'\"", "null", "~"}

	c := defaultConfig(names[r.IntN(len(names))])
	platforms, radios := PlatformPresets(), RadioPresets()
	c.Platform, _ = PlatformPreset(platforms[r.IntN(len(platforms))])
	if r.IntN(2) == 0 {
		c.Platform.Name = names[r.IntN(len(names))]
		c.Platform.KeepaliveEarly = dist(time.Minute)
		c.Platform.RelaunchAfterKill = r.IntN(2) == 0
		c.Platform.RelaunchDelay = dur(time.Hour)
	}
	c.Radio, _ = RadioPreset(radios[r.IntN(len(radios))])
	if r.IntN(2) == 0 {
		c.Radio = sim.Radio{Name: names[r.IntN(len(names))], Promotion: dur(5 * time.Second), PromotionPower: power(), ActivePower: power()}
		for range r.IntN(4) {
			c.Radio.Tail = append(c.Radio.Tail, sim.TailStage{For: dur(time.Minute) + 1, Power: power()})
		}
		c.Radio.PagingCycle = dur(5 * time.Second)
		if n := len(c.Radio.Tail); n > 0 && r.IntN(2) == 0 {
			c.Radio.SmallPackets = &sim.SmallPackets{Stage: r.IntN(n), Promotion: dur(2 * time.Second), PromotionPower: power()}
		}
	}
	c.Horizon = dur(30*24*time.Hour) + time.Hour
	c.Replications = r.IntN(1000) + 1
	c.Seed = r.Uint64()
	c.MaxEvents = r.Int64N(1e9) + 1
	c.App = sim.App{Interval: dur(time.Hour) + time.Millisecond, ForegroundInterval: dur(time.Hour), Timeout: dur(time.Minute) + 1,
		BackgroundTask: sim.TaskPolicy(r.IntN(len(sim.TaskPolicies()))),
		Reconnect:      sim.Backoff{Initial: dur(time.Minute) + 1, Max: dur(time.Hour) + time.Minute, Multiplier: num(1, 10), Jitter: num(0, 0.99)}}
	if c.App.ForegroundInterval < time.Millisecond {
		c.App.ForegroundInterval = 0
	}
	c.App.Policy = sim.Policy{Kind: sim.PolicyKind(r.IntN(len(sim.PolicyNames()))), Adaptive: sim.MarsAdaptive(), Probe: sim.DefaultProbe()}
	switch c.App.Policy.Kind {
	case sim.PolicyAdaptive:
		c.App.Policy.Adaptive = sim.Adaptive{Min: dur(time.Hour) + 1, Max: dur(time.Hour) + time.Hour, Step: dur(time.Minute) + 1,
			Successes: r.IntN(10) + 1, Failures: r.IntN(10) + 1, Backoff: dur(time.Minute), EvidenceGap: num(0, 1)}
	case sim.PolicyProbe:
		c.App.Policy.Probe = sim.Probe{Search: sim.SearchKind(r.IntN(len(sim.SearchNames()))), Min: dur(time.Hour) + 1,
			Max: dur(time.Hour) + time.Hour, Resolution: dur(time.Minute) + 1, Step: dur(time.Minute) + 1, EvidenceGap: num(0, 1)}
	}
	if r.IntN(2) == 0 {
		c.User = sim.User{SessionsPerDay: num(0, 50), SessionLength: dist(time.Hour)}
	}
	c.Network = sim.Network{RTT: dist(time.Second), ConnectTime: dist(time.Second), NATIdleTimeout: dur(2 * time.Hour)}
	if fleet := dist(2 * time.Hour); r.IntN(2) == 0 && fleet.Kind != sim.Const {
		c.Network.NATIdleTimeout, c.Network.NATIdleFleet = 0, &fleet
		c.Network.RedrawOnHandover = r.IntN(2) == 0
	}
	if r.IntN(2) == 0 {
		c.Network.Outages = &sim.Outages{Every: dist(24 * time.Hour), Duration: dist(time.Hour), SignalsClient: r.IntN(2) == 0}
	}
	if r.IntN(2) == 0 {
		c.Network.Handovers = &sim.Handovers{Every: dist(24 * time.Hour)}
	}
	switch r.IntN(3) {
	case 0:
		c.Server = sim.Server{IdleTimeoutMultiple: num(0.5, 5)}
	case 1:
		c.Server = sim.Server{IdleTimeout: dur(time.Hour)}
		if fleet := dist(time.Hour); r.IntN(2) == 0 && fleet.Kind != sim.Const {
			c.Server = sim.Server{IdleTimeoutFleet: &fleet}
		}
	default:
		c.Server = sim.Server{}
	}
	if r.IntN(2) == 0 {
		c.Server.Restarts = &sim.Restarts{Every: dist(72 * time.Hour), Downtime: dist(time.Minute), Kind: sim.RestartKind(r.IntN(2))}
	}
	if r.IntN(2) == 0 {
		c.Server.Pushes = &sim.Pushes{PerHour: num(0, 100), DropOffline: r.IntN(2) == 0}
	}
	c.Device = sim.Device{BatteryMAh: num(1, 10000), Voltage: num(0.5, 12), CPUPower: power()}
	for range r.IntN(4) {
		e := sim.ScriptedEvent{At: dur(48 * time.Hour), Kind: sim.ScriptedKind(r.IntN(4))}
		switch e.Kind {
		case sim.ScriptNetworkDown:
			e.For, e.SignalsClient = dur(time.Hour)+1, r.IntN(2) == 0
		case sim.ScriptServerRestart:
			e.For, e.Restart = dur(time.Hour), sim.RestartKind(r.IntN(2))
		case sim.ScriptUserOpen:
			e.For = dur(time.Hour) + 1
		}
		c.Events = append(c.Events, e)
	}

	s := &Scenario{Config: c, Description: descriptions[r.IntN(len(descriptions))]}
	switch r.IntN(3) {
	case 0:
		from, step := dur(10*time.Minute)+time.Millisecond, dur(5*time.Minute)+1
		s.Sweep.Intervals, _ = intervalRange(from, from+time.Duration(r.IntN(20))*step, step)
	case 1:
		for range r.IntN(5) + 1 {
			s.Sweep.Intervals = append(s.Sweep.Intervals, dur(time.Hour)+time.Millisecond)
		}
		slices.Sort(s.Sweep.Intervals)
		s.Sweep.Intervals = slices.Compact(s.Sweep.Intervals)
	}
	for _, m := range metric.Requirable() {
		if r.IntN(2) == 0 {
			continue
		}
		req := Requirement{Metric: m, Upper: r.IntN(2) == 0, Bound: num(0, 100)}
		switch {
		case metric.IsLatency(m):
			req.Bound = dur(24 * time.Hour).Seconds()
		case m == "availability":
			req.Bound = num(0, 1)
		}
		s.Sweep.Require = append(s.Sweep.Require, req)
	}
	s.Sweep.AllowSelfBreaks = r.IntN(2) == 0
	return s
}

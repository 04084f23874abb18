package reports

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
	"pingtune/stats"
	"pingtune/sweep"
)

// fixtureConfig is the classic iOS 6 pattern behind a 20-minute NAT.
func fixtureConfig() sim.Config {
	c := testcfg.Classic()
	c.Name = "fixture-nat"
	c.Network.NATIdleTimeout = 20 * time.Minute
	c.Replications = 6
	return c
}

// fakeResults makes replications by formula instead of by simulation, so
// that the goldens pin the reports, not the model: every replication draws
// its world (outages, timings) from its own seed whatever the interval, as
// the simulator does, and the interval then sets the costs and latencies.
// Past the NAT timeout NAT breaks appear, pushes are lost and battery jumps.
func fakeResults(cfg *sim.Config, T time.Duration, withBreaks bool) []sim.Result {
	c := cfg.WithInterval(T)
	eff := c.EffectiveInterval()
	past := cfg.Network.NATIdleTimeout > 0 && eff >= cfg.Network.NATIdleTimeout
	hours := cfg.Horizon.Hours()
	out := make([]sim.Result, cfg.Replications)
	for r := range out {
		rng := rand.New(rand.NewPCG(uint64(r), 42))
		res := sim.Result{Rep: r, Horizon: cfg.Horizon, Events: 10000}
		ka := int(hours * 3600 / eff.Seconds())
		user := 80 + rng.IntN(10)
		res.Wakeups = [sim.NumWakeCauses]int{ka, 10 + rng.IntN(5), int(hours * 4), user}
		world := 300 * rng.Float64()
		res.RadioJ = float64(ka)*12.6 + world + float64(user)*30*60/T.Seconds()
		res.CPUJ = float64(ka)*1.5 + world/10
		if past {
			res.RadioJ += float64(ka) * 14
			res.CPUJ += float64(ka) * 3
		}
		down := time.Duration(0)
		nWorld := 16 + rng.IntN(5)
		for k := range nWorld {
			at := time.Duration(rng.Float64() * float64(cfg.Horizon))
			lat := time.Duration(rng.Float64() * float64(eff))
			cause := sim.CauseWifi
			if k%3 == 0 {
				cause, lat = sim.CauseHandover, 300*time.Millisecond
			}
			if !withBreaks {
				continue
			}
			res.Breaks = append(res.Breaks, sim.Break{Cause: cause, At: at, Client: lat, Server: lat + 10*time.Second, Recover: lat + 20*time.Second})
			down += lat + 20*time.Second
		}
		if past && withBreaks {
			for range int(hours * 3600 / eff.Seconds() / 2) {
				lat := eff - cfg.Network.NATIdleTimeout + 30*time.Second
				res.Breaks = append(res.Breaks, sim.Break{Cause: sim.CauseNAT, Client: lat, Server: lat, Recover: lat + time.Second})
				down += lat
			}
		}
		if r == 0 && T >= 15*time.Minute && withBreaks {
			res.Breaks = append(res.Breaks, sim.Break{Cause: sim.CauseServerSilent, At: cfg.Horizon - time.Minute,
				Client: sim.Unresolved, Server: sim.Unresolved, Recover: sim.Unresolved})
		}
		res.UpTime = cfg.Horizon - down
		sent := int(hours * 4)
		lost := 1
		if past {
			lost = sent / 8
		}
		res.Pushes = sim.PushCounts{Sent: sent, Delivered: sent - lost - 1, Lost: lost, Pending: 1}
		for range res.Pushes.Delivered {
			res.PushLatency.Record(int64(40*time.Millisecond + time.Duration(rng.IntN(20))*time.Millisecond))
		}
		res.Pings, res.Pongs = ka, ka
		res.Connects = len(res.Breaks) + 1
		out[r] = res
	}
	return out
}

// fixture is a sweep of 5m (clamped to 10m), 8m (clamped), 10m, 15m, 20m
// and 25m of fakeResults, analysed with reqs.
func fixture(t testing.TB, withBreaks bool, reqs ...sweep.Requirement) *Sweep {
	t.Helper()
	in, err := makeFixture(withBreaks, reqs...)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func makeFixture(withBreaks bool, reqs ...sweep.Requirement) (*Sweep, error) {
	cfg := fixtureConfig()
	var points []stats.Point
	for _, m := range []int{5, 8, 10, 15, 20, 25} {
		c := cfg.WithInterval(time.Duration(m) * time.Minute)
		points = append(points, stats.Summarize(&c, fakeResults(&cfg, c.App.Interval, withBreaks)))
	}
	res, err := sweep.Analyze(points, reqs, sweep.Policy{})
	if err != nil {
		return nil, err
	}
	res.Platform, res.KeepaliveMinS, res.NATIdleTimeoutS, res.ServerIdleMult = "ios6", 600, 1200, 1.5
	return &Sweep{Result: res, Description: "A constructed sweep for the report tests.", Source: "testdata",
		Resolved: []byte("# resolved\nname: fixture-nat\nhorizon: 7d\nplatform:\n  name: ios6\n  keepalive_min: 10m\n  wake_on_socket_close: true\nradio:\n  active_power: 1210mW\n  tail:\n    - {for: 11.576s, power: 1060mW}\ndevice: {battery_mah: 1440, voltage: 3.8}\n"),
		ResolvedJSON: json.RawMessage(`{"name":"fixture-nat","horizon":"7d","platform":{"name":"ios6","keepalive_min":"10m","wake_on_socket_close":true},` +
			`"radio":{"active_power":"1210mW","tail":[{"for":"11.576s","power":"1060mW"}]},"device":{"battery_mah":1440,"voltage":3.8}}`),
		Command: "pingtune sweep fixture-nat -seed 1 -reps 6 -horizon 7d -interval 5m,8m,10m,15m,20m,25m"}, nil
}

// The requirements of the fixture: detection within 15m, and availability.
var fixtureReqs = []sweep.Requirement{
	{Metric: sweep.DetectClientP95, Upper: true, Bound: 15 * 60},
	{Metric: sweep.Availability, Upper: false, Bound: 0.97},
}

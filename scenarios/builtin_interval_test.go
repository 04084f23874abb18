package scenarios

import (
	"math"
	"slices"
	"testing"
	"time"

	"pingtune/metric"
	"pingtune/sim"
)

// requirementValue is a requirement's metric over a few replications of c,
// computed plainly: pooled p95 latencies (breaks still open at the end count
// as never detected), means of the rates.
func requirementValue(t *testing.T, c sim.Config, key string, reps int) float64 {
	t.Helper()
	var lat []float64
	var battery, wakeups, up, unnoticed float64
	var w sim.World
	for rep := range reps {
		r, err := w.Run(&c, rep, sim.Options{})
		if err != nil {
			t.Fatal(err)
		}
		days := c.Horizon.Hours() / 24
		battery += r.EnergyJ() / c.Device.BatteryJoules() * 100 / days
		wakeups += float64(r.Wakeup()) / c.Horizon.Hours()
		up += float64(r.UpTime) / float64(c.Horizon)
		unnoticed += r.BrokenTime.Minutes() / days
		for _, b := range r.Breaks {
			switch key {
			case metric.DetectClientP95:
				lat = append(lat, latency(b.Client))
			case metric.DetectServerP95:
				lat = append(lat, latency(b.Server))
			}
		}
		if key == metric.PushLatencyP95 {
			// Each bucket's value (within hist.RelativeError), as often
			// as it was recorded.
			prev := 0
			for _, s := range r.PushLatency.CDF() {
				for range s.Count - prev {
					lat = append(lat, s.Value/1e9)
				}
				prev = s.Count
			}
		}
	}
	n := float64(reps)
	switch key {
	case metric.BatteryPctPerDay:
		return battery / n
	case metric.WakeupsPerHour:
		return wakeups / n
	case metric.Availability:
		return up / n
	case metric.UnnoticedMinPerDay:
		return unnoticed / n
	}
	if len(lat) == 0 {
		return math.NaN()
	}
	slices.Sort(lat)
	return lat[int(math.Ceil(0.95*float64(len(lat))))-1]
}

func latency(d time.Duration) float64 {
	if d == sim.Unresolved {
		return math.Inf(1)
	}
	return d.Seconds()
}

// Every built-in teaches the trade-off: at least one of its requirements
// moves between the shortest interval its platform runs in the sweep and the
// longest (a rate by a fifth or more, a p95 latency by a fifth or more of the
// difference between the intervals), and every detection requirement does:
// one the interval cannot move, such as client detection when every break is
// reported at once, teaches nothing about the interval. A built-in with a
// moving heartbeat policy (fleet-chat-wifi-adaptive, -probe) is there to be
// compared with its fixed sibling, not swept: the policy, not the interval,
// is its knob.
func TestBuiltinsHaveARequirementTheIntervalMoves(t *testing.T) {
	for _, name := range Builtins() {
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		if s.Config.App.Policy.Kind != sim.PolicyFixed {
			continue
		}
		iv := s.Sweep.Intervals
		short, long := s.Config.WithInterval(iv[0]), s.Config.WithInterval(iv[len(iv)-1])
		span := (long.EffectiveInterval() - short.EffectiveInterval()).Seconds()
		reps := 50
		if testing.Short() {
			reps = 12
		}
		moved := ""
		for _, r := range s.Sweep.Require {
			a, b := requirementValue(t, short, r.Metric, reps), requirementValue(t, long, r.Metric, reps)
			enough := 0.2 * max(math.Abs(a), math.Abs(b))
			if metric.IsLatency(r.Metric) {
				enough = 0.2 * span
			}
			if math.Abs(b-a) >= enough || (math.IsInf(b, 1) && !math.IsInf(a, 1)) {
				moved += " " + r.Metric
			} else if r.Metric == metric.DetectClientP95 || r.Metric == metric.DetectServerP95 {
				t.Errorf("%s: %s is %.4g at %v and %.4g at %v: the interval does not move it", name, r.Metric,
					a, short.EffectiveInterval(), b, long.EffectiveInterval())
			}
			t.Logf("%s: %s %.4g at %v, %.4g at %v", name, r.Metric, a, short.EffectiveInterval(), b, long.EffectiveInterval())
		}
		if moved == "" {
			t.Errorf("%s: no requirement moves between %v and %v", name, short.EffectiveInterval(), long.EffectiveInterval())
		}
	}
}

package sweep

import (
	"math"
	"testing"

	"pingtune/stats"
)

func TestEvaluateRates(t *testing.T) {
	base := around(1.0, 0.1, 20) // mean 1, 95% CI about ±0.03
	for _, tc := range []struct {
		name string
		req  Requirement
		want Status
	}{
		{"upper bound well above", Requirement{Metric: BatteryPctPerDay, Upper: true, Bound: 2}, Met},
		{"estimate inside, interval across", Requirement{Metric: BatteryPctPerDay, Upper: true, Bound: 1.01}, Unproven},
		{"estimate outside", Requirement{Metric: BatteryPctPerDay, Upper: true, Bound: 0.9}, Unmet},
		{"lower bound met at the lower end", Requirement{Metric: Availability, Upper: false, Bound: 0.98}, Met},
		{"lower bound missed", Requirement{Metric: Availability, Upper: false, Bound: 0.995}, Unmet},
		{"wakeups", Requirement{Metric: WakeupsPerHour, Upper: true, Bound: 1}, Met},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := pt(600, 600, base, latencies(100, 60))
			c := Evaluate(&p, []Requirement{tc.req})[0]
			if c.Status != tc.want {
				t.Fatalf("status %s, want %s (value %v, conservative %v)", c.Status, tc.want, c.Value, c.Conservative)
			}
			if c.Holds != (tc.want == Met) {
				t.Fatalf("holds %v with status %s", c.Holds, c.Status)
			}
		})
	}
}

// The conservative end is the upper one for an upper bound and the lower
// one for a lower bound.
func TestEvaluateUsesTheConservativeEnd(t *testing.T) {
	p := pt(600, 600, around(1.0, 0.1, 20), latencies(100, 60))
	up := Evaluate(&p, []Requirement{{Metric: BatteryPctPerDay, Upper: true, Bound: 5}})[0]
	if float64(up.Conservative) != p.Metrics.BatteryPctPerDay.Hi() {
		t.Errorf("upper bound tested at %v, want the CI's upper end %v", up.Conservative, p.Metrics.BatteryPctPerDay.Hi())
	}
	lo := Evaluate(&p, []Requirement{{Metric: BatteryPctPerDay, Upper: false, Bound: 0}})[0]
	if float64(lo.Conservative) != p.Metrics.BatteryPctPerDay.Lo() {
		t.Errorf("lower bound tested at %v, want the CI's lower end %v", lo.Conservative, p.Metrics.BatteryPctPerDay.Lo())
	}
}

func TestEvaluateLatency(t *testing.T) {
	req := Requirement{Metric: DetectClientP95, Upper: true, Bound: 100}
	t.Run("enough breaks, within", func(t *testing.T) {
		p := pt(600, 600, around(1, 0.1, 10), latencies(400, 90))
		c := Evaluate(&p, []Requirement{req})[0]
		if c.Status != Met || c.N != 400 {
			t.Fatalf("got %+v", c)
		}
		if v := float64(c.Value); math.Abs(v-85.5) > 0.3 {
			t.Errorf("p95 %v, want about 85.5", v)
		}
	})
	t.Run("too few breaks to tell", func(t *testing.T) {
		p := pt(600, 600, around(1, 0.1, 10), latencies(40, 10))
		c := Evaluate(&p, []Requirement{req})[0]
		if c.Status != Unproven || !math.IsInf(float64(c.Conservative), 1) {
			t.Fatalf("40 breaks all under the bound: got %s with bound %v, want unproven with +Inf", c.Status, c.Conservative)
		}
	})
	t.Run("no breaks holds vacuously", func(t *testing.T) {
		p := pt(600, 600, around(1, 0.1, 10), nil)
		c := Evaluate(&p, []Requirement{req})[0]
		if c.Status != Vacuous || !c.Holds {
			t.Fatalf("got %+v", c)
		}
	})
	t.Run("undetected breaks count as never detected", func(t *testing.T) {
		p := pt(600, 600, around(1, 0.1, 10), latencies(400, 90))
		p.Metrics.DetectClientS.Censored = 40 // 10%: the p95 is among them
		c := Evaluate(&p, []Requirement{req})[0]
		if c.Status != Unmet || !math.IsInf(float64(c.Value), 1) || c.Censored != 40 {
			t.Fatalf("got %+v, want unmet at +Inf", c)
		}
	})
	t.Run("lost pushes count as never delivered", func(t *testing.T) {
		p := pt(600, 600, around(1, 0.1, 10), nil)
		p.PushLatency = histOf(latencies(1000, 1))
		p.Metrics.Pushes = stats.Pushes{Sent: 1100, Delivered: 1000, Lost: 100, LatencyS: stats.PoolHist(p.PushLatency, 0)}
		c := Evaluate(&p, []Requirement{{Metric: PushLatencyP95, Upper: true, Bound: 30}})[0]
		if c.Status != Unmet || c.Censored != 100 {
			t.Fatalf("9%% of pushes lost: got %+v, want unmet", c)
		}
	})
	t.Run("a point without its samples falls back to the summary", func(t *testing.T) {
		p := pt(600, 600, around(1, 0.1, 10), latencies(400, 90))
		p.ClientDetect = nil
		c := Evaluate(&p, []Requirement{req})[0]
		if c.Status != Met || float64(c.Conservative) != float64(p.Metrics.DetectClientS.P95CI95[1]) {
			t.Fatalf("got %+v", c)
		}
	})
}

// MinLatencyN is where a p95's distribution-free upper bound becomes finite.
func TestMinLatencyN(t *testing.T) {
	if hi := stats.QuantileCI(0.95, latencies(MinLatencyN-1, 1))[1]; !math.IsInf(float64(hi), 1) {
		t.Errorf("n=%d: upper bound %v, want +Inf", MinLatencyN-1, hi)
	}
	if hi := stats.QuantileCI(0.95, latencies(MinLatencyN, 1))[1]; math.IsInf(float64(hi), 1) {
		t.Errorf("n=%d: upper bound +Inf, want finite", MinLatencyN)
	}
}

// A break still undetected after the drain counts as never detected only
// when it had already been open longer than the bound; a younger one is left
// out, for whether it would pass is unknown.
func TestCensoredBreaksCountOnlyPastTheBound(t *testing.T) {
	req := Requirement{Metric: DetectClientP95, Upper: true, Bound: 1000}
	p := pt(600, 600, around(1, 0.1, 10), latencies(400, 90))
	p.ClientCensored = histOf([]float64{100, 200, 5000})
	p.Metrics.DetectClientS.Censored = 3
	c := Evaluate(&p, []Requirement{req})[0]
	if c.Censored != 1 || c.CensoredLeftOut != 2 {
		t.Fatalf("censored %d counted, %d left out; want 1 and 2", c.Censored, c.CensoredLeftOut)
	}
	if c.Status != Met {
		t.Errorf("status %s with 1 in 401 never detected, want met", c.Status)
	}
	// Enough old ones to reach the p95: it fails.
	old := make([]float64, 40)
	for i := range old {
		old[i] = 5000
	}
	p.ClientCensored = histOf(old)
	p.Metrics.DetectClientS.Censored = 40
	if c := Evaluate(&p, []Requirement{req})[0]; c.Status != Unmet || c.Censored != 40 {
		t.Errorf("40 breaks undetected for longer than the bound: got %+v, want unmet", c)
	}
}

// TestEvaluateOneReplicationCannotPass: one replication's mean has a
// zero-width "interval" (its value); a requirement on a mean is then
// unproven (or unmet), never met, with the conservative end unknown. Two
// replications are enough to pass; latency requirements pool breaks and are
// unaffected.
func TestEvaluateOneReplicationCannotPass(t *testing.T) {
	reqs := []Requirement{
		{Metric: BatteryPctPerDay, Upper: true, Bound: 2},
		{Metric: Availability, Upper: false, Bound: 0.98},
		{Metric: WakeupsPerHour, Upper: true, Bound: 0},
		{Metric: DetectClientP95, Upper: true, Bound: 100},
	}
	one := pt(600, 600, []float64{1}, latencies(400, 90))
	want := []struct {
		status Status
		cons   float64
	}{{Unproven, math.Inf(1)}, {Unproven, math.Inf(-1)}, {Unproven, math.Inf(1)}, {Met, 0}}
	for i, c := range Evaluate(&one, reqs) {
		if c.Status != want[i].status || c.Holds != (want[i].status == Met) {
			t.Errorf("%s with 1 replication: %s (holds %v), want %s", c.Metric, c.Status, c.Holds, want[i].status)
		}
		if want[i].status != Met && float64(c.Conservative) != want[i].cons {
			t.Errorf("%s with 1 replication: tested at %v, want %v (unknown)", c.Metric, c.Conservative, want[i].cons)
		}
	}
	if c := Evaluate(&one, []Requirement{{Metric: BatteryPctPerDay, Upper: true, Bound: 0.5}})[0]; c.Status != Unmet {
		t.Errorf("an estimate outside the bound with 1 replication: %s, want unmet", c.Status)
	}
	two := pt(600, 600, []float64{0.99, 1.01}, latencies(400, 90)) // upper end 1 + 12.71·0.0141/√2 ≈ 1.13
	if c := Evaluate(&two, reqs[:1])[0]; c.Status != Met {
		t.Errorf("2 replications, well within: %s, want met", c.Status)
	}
}

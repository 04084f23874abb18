package compare

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"pingtune/runner"
	"pingtune/scenarios"
	"pingtune/sim"
	"pingtune/stats"
	"pingtune/stats/hist"
)

// fleet loads the fleet built-ins as compare runs them: the same seed,
// replications and horizon.
func fleet(t testing.TB, reps int, horizon time.Duration, names ...string) []*sim.Config {
	t.Helper()
	cfgs := make([]*sim.Config, len(names))
	for i, n := range names {
		sc, err := scenarios.Load(n)
		if err != nil {
			t.Fatal(err)
		}
		sc.Config.Replications, sc.Config.Horizon, sc.Config.Seed = reps, horizon, 5
		cfgs[i] = &sc.Config
	}
	return cfgs
}

func compareOf(t *testing.T, cfgs []*sim.Config, opt runner.Options, workers int) *Result {
	t.Helper()
	accs, err := Run(context.Background(), cfgs, opt)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Finish(cfgs, accs, workers)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Each scenario's value of a row is what its replications add up to: a
// total is the sum of the per-replication counts, a pooled statistic is the
// bootstrap's statistic with every replication drawn once, a worst decile
// the weighted one with unit weights. So the bootstrap resamples the very
// statistic the table reports.
func TestRowsAreTheirReplications(t *testing.T) {
	cfgs := fleet(t, 12, 36*time.Hour, "fleet-chat-wifi", "fleet-chat-wifi-probe")
	res := compareOf(t, cfgs, runner.Options{Workers: 2}, 2)
	ones := make([]int, res.Replications)
	for i := range ones {
		ones[i] = 1
	}
	for si := range res.Scenarios {
		s := &res.Scenarios[si]
		boot := bootstrapRows(s, res.Rows, ones)
		for j, row := range res.Rows {
			c := s.Cell(row)
			switch row.Kind {
			case Total:
				sum := 0.0
				for _, x := range s.column(row) {
					sum += x
				}
				if sum != c.V {
					t.Errorf("%s %s: replications sum to %v, the result says %v", s.Name, row.Key, sum, c.V)
				}
			case Pooled, Decile:
				if got := boot[j]; !(stats.Round(got) == c.V || math.IsNaN(got) && math.IsNaN(c.V)) {
					t.Errorf("%s %s: the unit resample gives %v, the result %v", s.Name, row.Key, got, c.V)
				}
			}
		}
	}
}

// bootstrapRows is resampled with the scenario's own mixtures.
func bootstrapRows(s *Scenario, rows []*Row, w []int) []float64 {
	mix, order := prepare(s, rows)
	return resampled(s, rows, w, mix, order, new(hist.Weighted))
}

// The bootstrap's intervals are the same whatever the number of workers
// that run the replications or the resamples.
func TestSameWhateverTheWorkers(t *testing.T) {
	cfgs := fleet(t, 9, 24*time.Hour, "fleet-chat-wifi", "fleet-chat-wifi-adaptive", "fleet-chat-wifi-probe")
	a := compareOf(t, cfgs, runner.Options{Workers: 1}, 1)
	b := compareOf(t, cfgs, runner.Options{Workers: 3}, 4)
	if !reflect.DeepEqual(a.Paired, b.Paired) {
		t.Errorf("1 worker:\n%+v\n4 workers:\n%+v", a.Paired, b.Paired)
	}
}

// A scenario against itself: every difference, bootstrapped or not, is
// exactly 0 with the interval [0, 0], or unknown where a pool is empty.
func TestItselfIsExactlyZero(t *testing.T) {
	cfgs := fleet(t, 10, 24*time.Hour, "fleet-chat-wifi-probe", "fleet-chat-wifi-probe")
	res := compareOf(t, cfgs, runner.Options{Workers: 2}, 2)
	for _, d := range res.Paired[0].Metrics {
		e := d.Diff
		if math.IsNaN(e.Mean) {
			continue // nothing to measure in either
		}
		for _, b := range e.CI95 {
			if x := float64(b); !(x == 0 || math.IsInf(x, 0)) {
				t.Errorf("%s: %v %v, want 0 [0, 0]", d.Key, e.Mean, e.CI95)
			}
		}
		if e.Mean != 0 {
			t.Errorf("%s: mean %v", d.Key, e.Mean)
		}
	}
}

// The percentile interval takes the ranks ⌈0.025·B⌉ and ⌊0.975·B⌋+1, and
// counts a resample with nothing to measure against both ends.
func TestPercentileInterval(t *testing.T) {
	d := make([]float64, 1000)
	for i := range d {
		d[i] = float64(1000 - i) // 1..1000, reversed
	}
	if got := percentileInterval(d); got != [2]stats.Bound{25, 976} {
		t.Errorf("1..1000: %v, want [25, 976]", got)
	}
	for i := range 10 {
		d[i] = math.NaN() // 1000..991 left out
	}
	if got := percentileInterval(d); got != [2]stats.Bound{15, 976} {
		t.Errorf("10 unknown: %v, want [15, 976]", got) // 10 × −∞ below 1..990; 10 × +∞ above
	}
	for i := range 25 {
		d[999-i] = math.NaN() // 1..25 left out too: 35 unknown, 26..990 known
	}
	if got := percentileInterval(d); got != [2]stats.Bound{stats.Bound(math.Inf(-1)), stats.Bound(math.Inf(1))} {
		t.Errorf("35 unknown: %v, want unbounded", got)
	}
}

// The weighted worst decile of a hand-made resample.
func TestWeightedWorstDecile(t *testing.T) {
	vals := []float64{5, 1, 9, 3, 7, 2, 8, 4, 6, 10, 0, 11} // n = 12: the decile is 2 values
	s := &Scenario{scalars: make([]stats.RepScalars, len(vals)), reps: make([]Rep, len(vals))}
	for i, v := range vals {
		s.scalars[i].Battery = v
	}
	row := &Row{Kind: Decile, rate: func(r *stats.RepScalars, _ *Rep) float64 { return r.Battery }}
	order := worstFirst(s.column(row))
	ones := make([]int, len(vals))
	for i := range ones {
		ones[i] = 1
	}
	if got, want := weightedWorstDecile(s, row, order, ones), stats.WorstDecile(vals); got != want || want != 10.5 {
		t.Errorf("unit weights: %v, WorstDecile %v, want 10.5", got, want)
	}
	w := make([]int, len(vals))
	w[2], w[0] = 11, 1 // eleven 9s and a 5: the worst two are 9 and 9
	if got := weightedWorstDecile(s, row, order, w); got != 9 {
		t.Errorf("resample: %v, want 9", got)
	}
}

// No two rows share a key (that each is a path in `run -json`'s metrics is
// checked by the command's tests).
func TestKeysAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Keys() {
		if seen[k] {
			t.Errorf("%s twice", k)
		}
		seen[k] = true
	}
}

// A scenario whose every latency is another's plus c: each resample's
// pooled mean and percentiles differ by exactly c (values under 2048 ns sit
// in buckets of their own), so the bootstrap interval of every pooled
// difference is [c, c], whatever the replications hold.
func TestBootstrapOfAShiftIsTheShift(t *testing.T) {
	const c = 100 // ns
	rng := rand.New(rand.NewPCG(1, 2))
	n := 15
	a := Scenario{reps: make([]Rep, n), scalars: make([]stats.RepScalars, n)}
	b := Scenario{reps: make([]Rep, n), scalars: make([]stats.RepScalars, n)}
	for i := range n {
		for p := range numPools {
			for range 1 + rng.IntN(20) {
				v := int64(rng.IntN(1800))
				b.reps[i].Latency[p].Record(v)
				a.reps[i].Latency[p].Record(v + c)
			}
		}
	}
	var rows []*Row
	for _, r := range allRows() {
		if r.Kind == Pooled {
			rows = append(rows, &r)
		}
	}
	got := bootstrap(9, []Scenario{b, a}, rows, 2)
	for j, r := range rows {
		for _, end := range got[1][j].CI95 {
			if d := float64(end) - c/1e9; math.Abs(d) > 1e-15 {
				t.Errorf("%s: interval %v, want [%g, %g]", r.Key, got[1][j].CI95, c/1e9, c/1e9)
				break
			}
		}
	}
}

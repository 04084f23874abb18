package compare

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"

	"pingtune/stats"
	"pingtune/stats/hist"
)

// Resamples is how many bootstrap resamples give the intervals of the
// pooled and worst-decile rows: Efron and Tibshirani ("An Introduction to the
// Bootstrap", 1993) advise about 1000 or more for a percentile interval,
// against some 200 for a standard error.
const Resamples = 1000

// Method says, for people, how each kind of row's interval is computed.
func Method(seed uint64) string {
	return "rates: paired Student-t over replications; totals: the difference of the sums, n × that interval; " +
		"pooled latencies and worst deciles: paired percentile bootstrap, " +
		strconv.Itoa(Resamples) + " resamples of the replication indices (the same for every scenario) from seed " +
		strconv.FormatUint(seed, 10) +
		", a resample that leaves a pool empty counted at both ends"
}

// bootstrapSeed makes resample b's generator from the run's seed: the same
// replications drawn whatever the number of workers or shards.
func bootstrapSeed(seed uint64, b int) [32]byte {
	var k [32]byte
	copy(k[:16], "compare/bootstrp")
	binary.LittleEndian.PutUint64(k[16:], seed)
	binary.LittleEndian.PutUint64(k[24:], uint64(b))
	return k
}

// bootstrap is the paired percentile interval of each bootstrapped row
// (Row.Bootstrapped) for each scenario after the first against the first:
// out[s][j] for row j (the other rows' entries mean nothing). stat[b][s][j]
// is row j's statistic for scenario s in resample b, NaN where the resample
// left its pool empty.
func bootstrap(seed uint64, scen []Scenario, rows []*Row, workers int) [][]stats.Estimate {
	n := len(scen[0].reps)
	mix := make([][numPools]*hist.Mixture, len(scen))
	order := make([][][]int, len(scen)) // per scenario and row: replications, worst first
	for s := range scen {
		mix[s], order[s] = prepare(&scen[s], rows)
	}
	stat := make([][][]float64, Resamples)
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := make([]int, n)
			var sum hist.Weighted
			for b := range next {
				clear(w)
				rng := rand.New(rand.NewChaCha8(bootstrapSeed(seed, b)))
				for range n {
					w[rng.IntN(n)]++
				}
				stat[b] = make([][]float64, len(scen))
				for s := range scen {
					stat[b][s] = resampled(&scen[s], rows, w, mix[s], order[s], &sum)
				}
			}
		}()
	}
	for b := range Resamples {
		next <- b
	}
	close(next)
	wg.Wait()

	out := make([][]stats.Estimate, len(scen))
	d := make([]float64, Resamples)
	for s := 1; s < len(scen); s++ {
		out[s] = make([]stats.Estimate, len(rows))
		for j := range rows {
			for b := range d {
				d[b] = stat[b][s][j] - stat[b][0][j]
			}
			out[s][j] = stats.Estimate{CI95: percentileInterval(d)}
		}
	}
	return out
}

// prepare indexes a scenario for resampling: a mixture of its
// replications' histograms for each pool, and for each worst-decile row its
// replications worst first.
func prepare(s *Scenario, rows []*Row) ([numPools]*hist.Mixture, [][]int) {
	var mix [numPools]*hist.Mixture
	for p := range numPools {
		hs := make([]*hist.Histogram, len(s.reps))
		for i := range s.reps {
			hs[i] = &s.reps[i].Latency[p]
		}
		mix[p] = hist.NewMixture(hs)
	}
	order := make([][]int, len(rows))
	for j, r := range rows {
		if r.Kind == Decile {
			order[j] = worstFirst(s.column(r))
		}
	}
	return mix, order
}

// resampled is the statistic of each row for one scenario over a resample
// that drew replication i w[i] times.
func resampled(s *Scenario, rows []*Row, w []int, mix [numPools]*hist.Mixture, order [][]int, sum *hist.Weighted) []float64 {
	out := make([]float64, len(rows))
	var ks [len(quantiles)]int
	var vs [len(quantiles)]float64 // the pool's statistics, as quantiles lists them
	weighed := -1
	for j, r := range rows {
		switch r.Kind {
		case Decile:
			out[j] = weightedWorstDecile(s, r, order[j], w)
			continue
		case Pooled:
		default:
			continue
		}
		if weighed != r.pool {
			weighed = r.pool
			mix[r.pool].Weigh(w, sum)
			if n := sum.N(); n > 0 {
				for i, q := range quantiles[1:] {
					ks[i] = stats.QuantileRank(q.q, n)
				}
				sum.Values(ks[:len(quantiles)-1], vs[1:])
				vs[0] = sum.Mean()
			}
		}
		out[j] = math.NaN()
		if sum.N() > 0 {
			for i, q := range quantiles {
				if q.q == r.q {
					out[j] = vs[i] / 1e9
				}
			}
		}
	}
	return out
}

// worstFirst orders the replications by value, largest first (ties by
// replication).
func worstFirst(xs []float64) []int {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case xs[a] > xs[b]:
			return -1
		case xs[a] < xs[b]:
			return 1
		}
		return 0
	})
	return idx
}

// weightedWorstDecile is stats.WorstDecile of the resample that holds
// replication i w[i] times: the mean of its largest max(1, ⌈n/10⌉) values.
func weightedWorstDecile(s *Scenario, r *Row, order []int, w []int) float64 {
	n := 0
	for _, k := range w {
		n += k
	}
	k := max(1, int(math.Ceil(float64(n)/10)))
	left, sum := k, 0.0
	for _, i := range order {
		take := min(w[i], left)
		sum += float64(take) * r.rate(&s.scalars[i], &s.reps[i])
		if left -= take; left == 0 {
			break
		}
	}
	return sum / float64(k)
}

// percentileInterval is the 2.5th and 97.5th percentiles of the bootstrap
// differences d (ranks ⌈0.025·B⌉ and ⌊0.975·B⌋+1). A NaN difference (a pool
// empty in the resample) could have been anything: it counts as −∞ for the
// lower end and +∞ for the upper, so that an end is unbounded (null) once
// more than 2.5% of the resamples say nothing.
func percentileInterval(d []float64) [2]stats.Bound {
	B := len(d)
	def := make([]float64, 0, B)
	for _, x := range d {
		if !math.IsNaN(x) {
			def = append(def, x)
		}
	}
	slices.Sort(def)
	undef := B - len(def)
	kLo, kHi := int(math.Ceil(0.025*float64(B))), int(math.Floor(0.975*float64(B)))+1
	lo, hi := math.Inf(-1), math.Inf(1)
	if kLo > undef {
		lo = def[kLo-undef-1]
	}
	if kHi <= len(def) {
		hi = def[kHi-1]
	}
	return [2]stats.Bound{stats.Bound(lo), stats.Bound(hi)}
}

package hist

import (
	"math"
	"math/rand/v2"
	"testing"
)

// A weighted sum answers every rank as the histogram that merged each
// histogram w_i times does, with the same count, minimum, maximum and (to
// rounding) mean.
func TestWeightedIsTheMergedHistogram(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	hs := make([]*Histogram, 12)
	for i := range hs {
		hs[i] = &Histogram{}
		n := rng.IntN(40) // some empty
		if i == 5 {
			n = 0
		}
		for range n {
			hs[i].Record(int64(math.Exp2(10 + rng.Float64()*30)))
		}
		if i%2 == 0 {
			hs[i].Pack()
		}
	}
	m := NewMixture(hs)
	var s Weighted
	for trial := range 20 {
		w := make([]int, len(hs))
		for range len(hs) {
			w[rng.IntN(len(hs))]++
		}
		if trial == 0 {
			for i := range w {
				w[i] = 1
			}
		}
		var merged Histogram
		for i, h := range hs {
			for range w[i] {
				merged.Merge(h)
			}
		}
		m.Weigh(w, &s)
		if s.N() != merged.N() {
			t.Fatalf("trial %d: N %d, merged %d", trial, s.N(), merged.N())
		}
		if merged.N() == 0 {
			if !math.IsNaN(s.Mean()) {
				t.Errorf("empty sum: mean %v", s.Mean())
			}
			continue
		}
		if d := math.Abs(s.Mean() - merged.Mean()); d > 1e-12*merged.Mean() {
			t.Errorf("trial %d: mean %v, merged %v", trial, s.Mean(), merged.Mean())
		}
		ks := make([]int, merged.N())
		for k := range ks {
			ks[k] = k + 1
		}
		got := make([]float64, len(ks))
		s.Values(ks, got)
		for k := 1; k <= merged.N(); k++ {
			if got[k-1] != merged.Value(k) {
				t.Fatalf("trial %d rank %d: %v, merged %v", trial, k, got[k-1], merged.Value(k))
			}
		}
	}
}

// A rank past the values is a caller's bug.
func TestWeightedRankOutOfRangePanics(t *testing.T) {
	var h Histogram
	h.Record(5)
	var s Weighted
	NewMixture([]*Histogram{&h}).Weigh([]int{1}, &s)
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	s.Values([]int{2}, make([]float64, 1))
}

// FuzzWeighted: for any histograms and weights, the weighted sum answers
// every rank as the merged histogram does. Run with a count-based
// -fuzztime, e.g. go test -fuzz FuzzWeighted -fuzztime 20000x ./stats/hist.
func FuzzWeighted(f *testing.F) {
	f.Add([]byte{1, 2, 3, 200, 7, 0, 9}, []byte{1, 0, 2})
	f.Fuzz(func(t *testing.T, vals, weights []byte) {
		if len(weights) == 0 || len(weights) > 8 {
			return
		}
		hs := make([]*Histogram, len(weights))
		for i := range hs {
			hs[i] = &Histogram{}
		}
		for j, v := range vals {
			// spread the bytes over the exact and the log-bucketed range
			hs[j%len(hs)].Record(int64(v) << (uint(j) % 40))
		}
		w := make([]int, len(weights))
		var merged Histogram
		for i, x := range weights {
			w[i] = int(x % 4)
			for range w[i] {
				merged.Merge(hs[i])
			}
		}
		var s Weighted
		NewMixture(hs).Weigh(w, &s)
		if s.N() != merged.N() {
			t.Fatalf("N %d, merged %d", s.N(), merged.N())
		}
		for k := 1; k <= merged.N(); k++ {
			got := make([]float64, 1)
			s.Values([]int{k}, got)
			if got[0] != merged.Value(k) {
				t.Fatalf("rank %d: %v, merged %v", k, got[0], merged.Value(k))
			}
		}
	})
}

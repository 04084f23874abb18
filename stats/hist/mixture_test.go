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

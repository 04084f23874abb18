package hist

import (
	"math"
	"slices"
)

// Mixture holds histograms h_0..h_{n-1} (one per replication) so that a
// weighted sum Σ w_i·h_i — the pooled histogram of a bootstrap resample that
// drew replication i w_i times — is formed and queried in one pass over the
// union of their non-empty buckets, not over the whole bucket range. It is
// what `compare` resamples for the intervals of pooled percentiles.
//
// Memory: one entry (a bucket's place in the union, its count) for each
// non-empty bucket of each histogram, and the union once; a histogram never
// has more non-empty buckets than values, nor more than 1024 per power of two
// its values span (about 27,000 for latencies between 1 ms and a day).
type Mixture struct {
	buckets []int        // the union of the non-empty buckets, in order
	entries [][]mixEntry // per histogram, its non-empty buckets
	n       []uint64
	min     []int64
	max     []int64
	sum     []float64 // each histogram's exact sum, rounded once
}

type mixEntry struct {
	at    int32 // index into buckets
	count uint64
}

// NewMixture indexes hs; it keeps no reference to them.
func NewMixture(hs []*Histogram) *Mixture {
	m := &Mixture{entries: make([][]mixEntry, len(hs)), n: make([]uint64, len(hs)),
		min: make([]int64, len(hs)), max: make([]int64, len(hs)), sum: make([]float64, len(hs))}
	seen := map[int]bool{}
	for _, h := range hs {
		h.each(func(i int, _ uint64) bool {
			if !seen[i] {
				seen[i] = true
				m.buckets = append(m.buckets, i)
			}
			return true
		})
	}
	slices.Sort(m.buckets)
	place := make(map[int]int32, len(m.buckets))
	for j, b := range m.buckets {
		place[b] = int32(j)
	}
	for k, h := range hs {
		h.each(func(i int, c uint64) bool {
			m.entries[k] = append(m.entries[k], mixEntry{at: place[i], count: c})
			return true
		})
		m.n[k], m.min[k], m.max[k] = h.n, h.min, h.max
		m.sum[k] = float64(h.sumHi)*math.Exp2(64) + float64(h.sumLo)
	}
	return m
}

// Len is the number of histograms.
func (m *Mixture) Len() int { return len(m.entries) }

// Weighted is a Mixture's weighted sum Σ w_i·h_i, ready for rank queries. Its
// zero value is ready for Mixture.Weigh, which reuses its storage.
type Weighted struct {
	m        *Mixture
	counts   []uint64
	n        uint64
	min, max int64
	sum      float64
}

// Weigh forms Σ w[i]·h_i into s; w has one weight per histogram.
func (m *Mixture) Weigh(w []int, s *Weighted) {
	if len(w) != len(m.entries) {
		panic("hist: one weight per histogram")
	}
	s.m = m
	if cap(s.counts) < len(m.buckets) {
		s.counts = make([]uint64, len(m.buckets))
	}
	s.counts = s.counts[:len(m.buckets)]
	clear(s.counts)
	s.n, s.sum = 0, 0
	first := true
	for i, wi := range w {
		if wi == 0 || m.n[i] == 0 {
			continue
		}
		k := uint64(wi)
		for _, e := range m.entries[i] {
			s.counts[e.at] += k * e.count
		}
		s.n += k * m.n[i]
		s.sum += float64(wi) * m.sum[i]
		if first || m.min[i] < s.min {
			s.min = m.min[i]
		}
		if first || m.max[i] > s.max {
			s.max = m.max[i]
		}
		first = false
	}
}

// N is the number of values in the sum.
func (s *Weighted) N() int { return int(s.n) }

// Mean is the sum's mean (NaN when empty).
func (s *Weighted) Mean() float64 {
	if s.n == 0 {
		return math.NaN()
	}
	return s.sum / float64(s.n)
}

// Values sets out[j] to the ks[j]-th smallest value (1-based, ks ascending,
// each within 1..N) as Histogram.Value answers it for the merged histogram,
// in one pass over the buckets.
func (s *Weighted) Values(ks []int, out []float64) {
	j := 0
	for j < len(ks) && ks[j] == 1 {
		out[j] = float64(s.min)
		j++
	}
	seen := uint64(0)
	for b, c := range s.counts {
		if j == len(ks) {
			break
		}
		seen += c
		for j < len(ks) && seen >= uint64(ks[j]) {
			k := uint64(ks[j])
			switch {
			case k < 1 || k > s.n:
				panic("hist: rank out of range")
			case k == s.n:
				out[j] = float64(s.max)
			default:
				out[j] = min(max(mid(s.m.buckets[b]), float64(s.min)), float64(s.max))
			}
			j++
		}
	}
	if j < len(ks) {
		panic("hist: rank out of range")
	}
}

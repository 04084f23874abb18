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
	buckets []int // the union of the non-empty buckets, in order
	// Histogram i's non-empty buckets are entries start[i]..start[i+1]-1:
	// at (a place in buckets) and the count, in 32 bits where every count
	// fits (count32; half the memory to stream through per resample), else
	// in 64 (count64).
	start   []int
	at      []int32
	count32 []uint32
	count64 []uint64
	n       []uint64
	min     []int64
	max     []int64
	sum     []float64 // each histogram's exact sum, rounded once
	// all is Σ h_i: Weigh starts from it and adds (w_i − 1)·h_i only for
	// the histograms not drawn exactly once (about 63% of them in a
	// bootstrap resample).
	all []uint64
}

// NewMixture indexes hs; it keeps no reference to them.
func NewMixture(hs []*Histogram) *Mixture {
	m := &Mixture{start: make([]int, len(hs)+1), n: make([]uint64, len(hs)),
		min: make([]int64, len(hs)), max: make([]int64, len(hs)), sum: make([]float64, len(hs))}
	seen := map[int]bool{}
	wide := false
	entries := 0
	for _, h := range hs {
		h.each(func(i int, c uint64) bool {
			entries++
			if !seen[i] {
				seen[i] = true
				m.buckets = append(m.buckets, i)
			}
			wide = wide || c > math.MaxUint32
			return true
		})
	}
	slices.Sort(m.buckets)
	place := make(map[int]int32, len(m.buckets))
	for j, b := range m.buckets {
		place[b] = int32(j)
	}
	m.at = make([]int32, 0, entries)
	if wide {
		m.count64 = make([]uint64, 0, entries)
	} else {
		m.count32 = make([]uint32, 0, entries)
	}
	for k, h := range hs {
		h.each(func(i int, c uint64) bool {
			m.at = append(m.at, place[i])
			if wide {
				m.count64 = append(m.count64, c)
			} else {
				m.count32 = append(m.count32, uint32(c))
			}
			return true
		})
		m.start[k+1] = len(m.at)
		m.n[k], m.min[k], m.max[k] = h.n, h.min, h.max
		m.sum[k] = float64(h.sumHi)*math.Exp2(64) + float64(h.sumLo)
	}
	m.all = make([]uint64, len(m.buckets))
	for i := range hs {
		m.add(m.all, i, 1)
	}
	return m
}

// Len is the number of histograms.
func (m *Mixture) Len() int { return len(m.n) }

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
	if len(w) != len(m.n) {
		panic("hist: one weight per histogram")
	}
	s.m = m
	if cap(s.counts) < len(m.buckets) {
		s.counts = make([]uint64, len(m.buckets))
	}
	s.counts = s.counts[:len(m.buckets)]
	copy(s.counts, m.all)
	s.n, s.sum = 0, 0
	first := true
	for i, wi := range w {
		if wi != 1 {
			m.add(s.counts, i, wi-1)
		}
		if wi == 0 || m.n[i] == 0 {
			continue
		}
		s.n += uint64(wi) * m.n[i]
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

// add adds k·h_i to counts; k may be −1, which uint64 arithmetic wraps
// to the right sum as long as the result is not negative.
func (m *Mixture) add(counts []uint64, i, k int) {
	lo, hi := m.start[i], m.start[i+1]
	at := m.at[lo:hi]
	kk := uint64(int64(k))
	if m.count64 != nil {
		for j, c := range m.count64[lo:hi] {
			counts[at[j]] += kk * c
		}
		return
	}
	cs := m.count32[lo:hi]
	at = at[:len(cs)]
	for j, c := range cs {
		counts[at[j]] += kk * uint64(c)
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

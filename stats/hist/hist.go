// Package hist is a log-bucketed histogram of non-negative integer values
// (latencies in nanoseconds) with a bounded relative error, after the design
// of HdrHistogram (Gil Tene): each power of two is split into the same number
// of linear sub-buckets, so a bucket is never wider than a fixed fraction of
// the values in it. Counts are integers and the sum is exact, so merging
// histograms in any order gives the same histogram: the basis of summaries
// that do not depend on the number of workers or shards.
//
// Why our own and not github.com/HdrHistogram/hdrhistogram-go: that module
// allocates its whole bucket array up front for a fixed [lowest, highest]
// range (about 100 KB at three significant digits over the nanoseconds of a
// ten-year horizon, for each of the six pools of each interval of a sweep),
// keeps its sum as a float64 built in recording order (so a merged mean
// would depend on the order of merging), and answers percentiles with the
// bucket's highest equivalent value (error up to one bucket width). What we
// need is small: index arithmetic on bits.Len64, counts grown over the range
// actually used and packed sparse once recording is done, an exact 128-bit
// sum, and rank lookups for order statistics. It is about 200 lines.
package hist

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
)

// subBits is log2 of the sub-buckets per power of two. Values below
// 2·subCount are exact (one bucket each); above, the bucket holding v is at
// most v/subCount wide, and Value answers its midpoint, so
//
//	|Value − v| / v ≤ 1/(2·subCount) = 1/2048 ≈ 0.049%,
//
// inside the 0.1% the results promise (docs/results.md).
const (
	subBits  = 10
	subCount = 1 << subBits
)

// RelativeError bounds |reported − true| / true for every value a Histogram
// answers (quantiles, order statistics, bucket values).
const RelativeError = 1.0 / (2 * subCount)

// Histogram counts values in log-linear buckets. The zero value is empty and
// ready to use. It is not safe for concurrent use.
type Histogram struct {
	n        uint64
	sumHi    uint64 // the exact sum of the values, 128 bits
	sumLo    uint64
	min, max int64

	// While recording: counts of buckets offset, offset+1, ...
	dense  []uint64
	offset int
	// Once packed: the non-empty buckets in order, as pairs of uvarints
	// (the gap from the previous bucket's index, the count): 2-4 bytes a
	// bucket where a sweep of a thousand intervals keeps thousands each.
	packed []byte
}

// index is the bucket of v ≥ 0.
func index(v int64) int {
	u := uint64(v)
	if u < 2*subCount {
		return int(u)
	}
	e := bits.Len64(u) - (subBits + 1) // shift leaving the top subBits+1 bits
	return (e+1)*subCount + int(u>>uint(e)) - subCount
}

// bucket is the lowest value of bucket i and its width.
func bucket(i int) (lo, width int64) {
	if i < 2*subCount {
		return int64(i), 1
	}
	e := i/subCount - 1
	return int64(i%subCount+subCount) << uint(e), 1 << uint(e)
}

// mid is the value a bucket stands for: its midpoint.
func mid(i int) float64 {
	lo, w := bucket(i)
	return float64(lo) + float64(w-1)/2
}

// Record adds value v, which must not be negative.
func (h *Histogram) Record(v int64) {
	if v < 0 {
		panic("hist: negative value")
	}
	h.unpack()
	i := index(v)
	h.grow(i)
	h.dense[i-h.offset]++
	if h.n == 0 || v < h.min {
		h.min = v
	}
	if h.n == 0 || v > h.max {
		h.max = v
	}
	h.n++
	var c uint64
	h.sumLo, c = bits.Add64(h.sumLo, uint64(v), 0)
	h.sumHi += c
}

// grow makes bucket i part of the dense range.
func (h *Histogram) grow(i int) {
	if len(h.dense) == 0 {
		h.dense = append(h.dense[:0], make([]uint64, 64)...)
		h.offset = max(0, i-32)
	}
	if i >= h.offset && i < h.offset+len(h.dense) {
		return
	}
	lo, hi := min(h.offset, i), max(h.offset+len(h.dense), i+1)
	// Grow by at least half again, so that a value creeping outward costs
	// amortised constant time.
	extra := max(0, len(h.dense)/2-(hi-lo-len(h.dense)))
	if i < h.offset {
		lo = max(0, lo-extra)
	} else {
		hi += extra
	}
	d := make([]uint64, hi-lo)
	copy(d[h.offset-lo:], h.dense)
	h.dense, h.offset = d, lo
}

// Packed is a packed copy of h, sharing nothing with it.
func (h *Histogram) Packed() Histogram {
	c := *h
	c.dense, c.offset, c.packed = nil, 0, nil
	if h.dense == nil {
		c.packed = slices.Clone(h.packed)
		return c
	}
	var p packer
	for j, n := range h.dense {
		if n != 0 {
			p.add(h.offset+j, n)
		}
	}
	c.packed = slices.Clip(p.buf)
	return c
}

// Reset empties h, keeping its storage for reuse.
func (h *Histogram) Reset() {
	clear(h.dense)
	*h = Histogram{dense: h.dense, offset: h.offset}
}

// Pack moves the counts into a sparse form, as small as the number of
// non-empty buckets: for a histogram kept after recording is done.
func (h *Histogram) Pack() {
	if h.dense == nil {
		return
	}
	var p packer
	for j, c := range h.dense {
		if c != 0 {
			p.add(h.offset+j, c)
		}
	}
	h.packed = slices.Clip(p.buf)
	h.dense, h.offset = nil, 0
}

// packer appends buckets in increasing order to the packed form.
type packer struct {
	buf  []byte
	last int
}

func (p *packer) add(i int, c uint64) {
	p.buf = binary.AppendUvarint(p.buf, uint64(i-p.last))
	p.buf = binary.AppendUvarint(p.buf, c)
	p.last = i
}

// unpack moves packed counts back into the dense form for recording.
func (h *Histogram) unpack() {
	if h.packed == nil {
		return
	}
	packed := h.packed
	h.packed = nil
	first, last := -1, 0
	eachPacked(packed, func(i int, _ uint64) bool {
		if first < 0 {
			first = i
		}
		last = i
		return true
	})
	if first < 0 {
		return
	}
	h.grow(first)
	h.grow(last)
	eachPacked(packed, func(i int, c uint64) bool {
		h.dense[i-h.offset] += c
		return true
	})
}

// eachPacked calls f with every bucket of a packed form, until f returns
// false.
func eachPacked(b []byte, f func(i int, c uint64) bool) {
	i := 0
	for len(b) > 0 {
		d, n := binary.Uvarint(b)
		c, m := binary.Uvarint(b[n:])
		b = b[n+m:]
		i += int(d)
		if !f(i, c) {
			return
		}
	}
}

// each calls f with every non-empty bucket in order, until f returns false.
func (h *Histogram) each(f func(i int, c uint64) bool) {
	if h.dense != nil {
		for j, c := range h.dense {
			if c != 0 && !f(h.offset+j, c) {
				return
			}
		}
		return
	}
	eachPacked(h.packed, f)
}

// Merge adds every value of o to h.
func (h *Histogram) Merge(o *Histogram) {
	if o.n == 0 {
		return
	}
	h.unpack()
	o.each(func(i int, c uint64) bool {
		h.grow(i)
		h.dense[i-h.offset] += c
		return true
	})
	if h.n == 0 || o.min < h.min {
		h.min = o.min
	}
	if h.n == 0 || o.max > h.max {
		h.max = o.max
	}
	h.n += o.n
	var c uint64
	h.sumLo, c = bits.Add64(h.sumLo, o.sumLo, 0)
	h.sumHi += o.sumHi + c
}

// N is the number of values.
func (h *Histogram) N() int { return int(h.n) }

// Min and Max are the smallest and largest values, exactly (0 when empty).
func (h *Histogram) Min() int64 { return h.min }
func (h *Histogram) Max() int64 { return h.max }

// Mean is the exact sum over the count, rounded once (NaN when empty).
func (h *Histogram) Mean() float64 {
	if h.n == 0 {
		return math.NaN()
	}
	q, r := bits.Div64(h.sumHi%h.n, h.sumLo, h.n)
	whole := float64(h.sumHi/h.n)*math.Exp2(64) + float64(q)
	return whole + float64(r)/float64(h.n)
}

// Value is the k-th smallest value (1-based, 1 ≤ k ≤ N) within
// RelativeError: the midpoint of its bucket, kept within [Min, Max] so
// that the smallest and largest are exact.
func (h *Histogram) Value(k int) float64 {
	if k < 1 || uint64(k) > h.n {
		panic("hist: rank out of range")
	}
	if k == 1 {
		return float64(h.min)
	}
	if uint64(k) == h.n {
		return float64(h.max)
	}
	var v float64
	seen := uint64(0)
	h.each(func(i int, c uint64) bool {
		seen += c
		if seen >= uint64(k) {
			v = mid(i)
			return false
		}
		return true
	})
	return min(max(v, float64(h.min)), float64(h.max))
}

// Step is one bucket of a cumulative distribution: Count values are at most
// (within RelativeError) Value.
type Step struct {
	Value float64
	Count int
}

// CDF lists the non-empty buckets with the running count, in order; the last
// step's Value is Max.
func (h *Histogram) CDF() []Step {
	var s []Step
	seen := 0
	h.each(func(i int, c uint64) bool {
		seen += int(c)
		s = append(s, Step{Value: min(max(mid(i), float64(h.min)), float64(h.max)), Count: seen})
		return true
	})
	if len(s) > 0 {
		s[len(s)-1].Value = float64(h.max)
	}
	return s
}

// CountAbove is how many values are larger than x, judged by the value each
// bucket stands for (so within RelativeError of x the answer may go either
// way).
func (h *Histogram) CountAbove(x float64) int {
	n := 0
	h.each(func(i int, c uint64) bool {
		v := min(max(mid(i), float64(h.min)), float64(h.max))
		if v > x {
			n += int(c)
		}
		return true
	})
	return n
}

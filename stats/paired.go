package stats

import "math"

// PairedDiff is the mean of a[i] − b[i] with its Student-t 95% interval.
// Replication i of two intervals of a sweep sees the same outages, restarts,
// pushes and user sessions (common random numbers), so the differences vary
// far less than either series: a saving too small to see in two separate
// intervals can be clear here. It panics when the lengths differ, and returns
// NaN bounds when there is nothing to pair.
func PairedDiff(a, b []float64) Estimate {
	if len(a) != len(b) {
		panic("stats: PairedDiff of series of different lengths")
	}
	d := make([]float64, len(a))
	for i := range a {
		d[i] = a[i] - b[i]
	}
	return MeanCI(d)
}

// Significant reports whether e's 95% interval excludes zero.
func Significant(e Estimate) bool {
	lo, hi := e.Lo(), e.Hi()
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return false
	}
	return lo > 0 || hi < 0
}

package stats

import (
	"math"

	"pingtune/stats/hist"
)

// QuantileCensored is the p-quantile of a pooled latency sample and its
// distribution-free 95% interval, counting censored more values that are known
// only to be longer than anything that can be measured (a break still
// undetected when the run ended, a push never delivered) as +Inf. That is the
// conservative reading: a requirement tested on it cannot pass because the
// worst cases were cut off. sorted holds the observed values in order.
func QuantileCensored(p float64, sorted []float64, censored int) (float64, [2]Bound) {
	if len(sorted)+censored == 0 {
		return math.NaN(), [2]Bound{Bound(math.Inf(-1)), Bound(math.Inf(1))}
	}
	return rankedCensored(p, len(sorted), censored, func(k int) float64 { return sorted[k-1] })
}

// HistQuantileCensored is QuantileCensored of the latencies in h (in
// nanoseconds), answered in seconds within hist.RelativeError.
func HistQuantileCensored(p float64, h *hist.Histogram, censored int) (float64, [2]Bound) {
	if h.N()+censored == 0 {
		return math.NaN(), [2]Bound{Bound(math.Inf(-1)), Bound(math.Inf(1))}
	}
	return rankedCensored(p, h.N(), censored, func(k int) float64 { return h.Value(k) / 1e9 })
}

// rankedCensored is the p-quantile and its interval over n observed values,
// value(k) the k-th smallest, followed by censored infinite ones.
func rankedCensored(p float64, n, censored int, value func(k int) float64) (float64, [2]Bound) {
	all := func(k int) float64 {
		if k > n {
			return math.Inf(1)
		}
		return value(k)
	}
	total := n + censored
	return all(quantileRank(p, total)), orderCI(p, total, all)
}

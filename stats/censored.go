package stats

import "math"

// QuantileCensored is the p-quantile of a pooled latency sample and its
// distribution-free 95% interval, counting censored more values that are known
// only to be longer than anything that can be measured (a break still
// undetected when the run ended, a push never delivered) as +Inf. That is the
// conservative reading: a requirement tested on it cannot pass because the
// worst cases were cut off. sorted holds the observed values in order.
func QuantileCensored(p float64, sorted []float64, censored int) (float64, [2]Bound) {
	if censored == 0 {
		return Quantile(p, sorted), QuantileCI(p, sorted)
	}
	all := make([]float64, len(sorted), len(sorted)+censored)
	copy(all, sorted)
	for range censored {
		all = append(all, math.Inf(1))
	}
	return Quantile(p, all), QuantileCI(p, all)
}

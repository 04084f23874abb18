package stats

import (
	"cmp"
	"slices"
	"time"

	"pingtune/sim"
)

// spanLengths pairs each interval span of r with how long it lasted up to
// the horizon.
func spanLengths(r *sim.Result) ([]time.Duration, []time.Duration) {
	iv := make([]time.Duration, len(r.Intervals))
	ln := make([]time.Duration, len(r.Intervals))
	for i, s := range r.Intervals {
		end := r.Horizon
		if i+1 < len(r.Intervals) {
			end = r.Intervals[i+1].From
		}
		iv[i], ln[i] = s.Interval, max(end-s.From, 0)
	}
	return iv, ln
}

// IntervalMean is r's background interval averaged over the horizon,
// weighted by the time it was in force.
func IntervalMean(r *sim.Result) time.Duration {
	iv, ln := spanLengths(r)
	var sum, total float64
	for i := range iv {
		sum += float64(iv[i]) * float64(ln[i])
		total += float64(ln[i])
	}
	if total == 0 {
		if len(iv) > 0 {
			return iv[len(iv)-1]
		}
		return 0
	}
	return time.Duration(sum / total)
}

// IntervalQuantile is the interval r ran at for at least a fraction q of the
// horizon at or below it: its time-weighted q-quantile.
func IntervalQuantile(r *sim.Result, q float64) time.Duration {
	iv, ln := spanLengths(r)
	if len(iv) == 0 {
		return 0
	}
	idx := make([]int, len(iv))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(iv[a], iv[b]) })
	var total time.Duration
	for _, l := range ln {
		total += l
	}
	var acc time.Duration
	for _, i := range idx {
		acc += ln[i]
		if float64(acc) >= q*float64(total) {
			return iv[i]
		}
	}
	return iv[idx[len(idx)-1]]
}

// SettleTime is when r's policy first settled; the horizon when it never did
// (a censored value, counted by Metrics.Unsettled).
func SettleTime(r *sim.Result) time.Duration {
	if r.SettledAt == sim.Unresolved {
		return r.Horizon
	}
	return r.SettledAt
}

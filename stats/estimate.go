// Package stats turns replications into the numbers users read: per-replication
// rates with Student-t 95% intervals, pooled latency percentiles with
// distribution-free intervals, and counts. Start with Summarize, which builds
// one Point (docs/results.md) from the Results of one interval.
package stats

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Bound is one end of an interval. An end the data cannot fix (a p99 from ten
// breaks has no finite distribution-free upper bound) is infinite and is
// written as null in JSON.
type Bound float64

// MarshalJSON writes finite bounds as numbers and the others as null.
func (b Bound) MarshalJSON() ([]byte, error) {
	f := float64(b)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, round(f), 'g', -1, 64), nil
}

// UnmarshalJSON reads a number or null (as +Inf, the conservative reading of
// an upper bound).
func (b *Bound) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*b = Bound(math.Inf(1))
		return nil
	}
	var f float64
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	*b = Bound(f)
	return nil
}

// Estimate is a mean across replications with its Student-t 95% interval.
type Estimate struct {
	Mean float64  `json:"mean"`
	CI95 [2]Bound `json:"ci95"`
}

// Lo and Hi are the interval's ends.
func (e Estimate) Lo() float64 { return float64(e.CI95[0]) }
func (e Estimate) Hi() float64 { return float64(e.CI95[1]) }

// MeanCI is the mean of xs and its two-sided Student-t 95% confidence
// interval (n-1 degrees of freedom). With one value the interval is that
// value: there is nothing to say how unsure it is.
func MeanCI(xs []float64) Estimate {
	n := len(xs)
	if n == 0 {
		return Estimate{CI95: [2]Bound{Bound(math.NaN()), Bound(math.NaN())}}
	}
	mean, sd := stat.MeanStdDev(xs, nil)
	if n == 1 || sd == 0 || math.IsNaN(sd) {
		return Estimate{Mean: round(mean), CI95: [2]Bound{Bound(mean), Bound(mean)}}
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.975)
	half := t * sd / math.Sqrt(float64(n))
	return Estimate{Mean: round(mean), CI95: [2]Bound{Bound(mean - half), Bound(mean + half)}}
}

// Within clips e's interval to [lo, hi], the range the metric can take: a
// Student-t interval is symmetric about the mean and, for a mean near an end
// of the range (availability near 1, a rate near 0), reaches past it, where
// no replication could be (availability 100.148%, -0.3 minutes a day).
func (e Estimate) Within(lo, hi float64) Estimate {
	for i, b := range e.CI95 {
		if !math.IsNaN(float64(b)) {
			e.CI95[i] = Bound(min(max(float64(b), lo), hi))
		}
	}
	return e
}

// Quantile is the p-quantile of sorted xs as the inverse of the empirical
// distribution function: the ceil(n·p)-th smallest value.
func Quantile(p float64, sorted []float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	return stat.Quantile(p, stat.Empirical, sorted, nil)
}

// QuantileCI is a distribution-free 95% confidence interval for the
// p-quantile of the population sorted was drawn from: the order statistics
// x(l) and x(u) with P(x(l) <= q_p <= x(u)) >= 0.95, from the binomial
// distribution of how many samples fall below q_p. It needs no assumption
// about the shape of the distribution. Where n is too small for an end to
// exist, that end is infinite.
func QuantileCI(p float64, sorted []float64) [2]Bound {
	return orderCI(p, len(sorted), func(k int) float64 { return sorted[k-1] })
}

// orderCI is QuantileCI over n ordered values of which value(k) is the k-th
// smallest (1-based).
func orderCI(p float64, n int, value func(k int) float64) [2]Bound {
	if n == 0 {
		return [2]Bound{Bound(math.Inf(-1)), Bound(math.Inf(1))}
	}
	b := distuv.Binomial{N: float64(n), P: p}
	// B counts the samples below q_p. Lower end: the largest l (1-based) with
	// P(B <= l-1) <= 0.025, so that x(l) <= q_p with probability >= 0.975.
	// Upper end: the smallest u with P(B <= u-1) >= 0.975. The CDF rises
	// with k, so both are binary searches.
	lo, hi := math.Inf(-1), math.Inf(1)
	if l := sort.Search(n, func(k int) bool { return b.CDF(float64(k)) > 0.025 }); l >= 1 {
		lo = value(l)
	}
	if u := sort.Search(n, func(k int) bool { return b.CDF(float64(k)) >= 0.975 }); u < n {
		hi = value(u + 1)
	}
	return [2]Bound{Bound(lo), Bound(hi)}
}

// QuantileRank is the rank (1-based) of the p-quantile of n values that the
// pooled latencies report (quantileRank), for callers that resample them.
func QuantileRank(p float64, n int) int { return quantileRank(p, n) }

// quantileRank is the rank (1-based) of the p-quantile of n values as the
// inverse of the empirical distribution function: the smallest k with
// k >= n·p, as gonum's stat.Empirical computes it.
func quantileRank(p float64, n int) int {
	return min(n, max(1, int(math.Ceil(p*float64(n)))))
}

// sortedCopy returns xs sorted, leaving xs alone.
func sortedCopy(xs []float64) []float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s
}

// Round is round, for packages that derive results from results.
func Round(x float64) float64 { return round(x) }

// round keeps results readable and byte-stable: nine significant digits.
func round(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 9, 64), 64)
	return f
}

package sim

import (
	"math"
	"slices"
	"time"
)

// This file answers questions about a Dist without drawing from it: what
// share of draws fall at or below a value (CDF) and the value below which a
// share p falls (Quantile). Reports use them to say, for a fleet, how many
// users' NATs time out before the next ping; both follow Sample's clamping
// (a normal is cut at 0, every draw is limited to [0, MaxDuration]).

// CDF is the probability that a draw of d is at most x.
func (d Dist) CDF(x time.Duration) float64 {
	if x < 0 {
		return 0
	}
	if x >= MaxDuration {
		return 1
	}
	v, fx := float64(d.Value), float64(x)
	switch d.Kind {
	case Const:
		return step(x >= clampDuration(d.Value))
	case Exp:
		if v <= 0 {
			return 1
		}
		return -math.Expm1(-fx / v)
	case Uniform:
		// Sample draws the integers Value..Max equally likely.
		lo, hi := d.Value, d.Max
		switch {
		case x < lo:
			return 0
		case x >= hi:
			return 1
		}
		return (float64(x-lo) + 1) / (float64(hi-lo) + 1)
	case Lognormal:
		if x == 0 || v <= 0 {
			return step(v <= 0)
		}
		if d.Shape == 0 {
			return step(fx >= v)
		}
		return normCDF(math.Log(fx/v) / d.Shape)
	case Weibull:
		if v <= 0 {
			return 1
		}
		return -math.Expm1(-math.Pow(fx/v, d.Shape))
	case Normal:
		sd := float64(d.Max)
		if sd == 0 {
			return step(fx >= v)
		}
		return normCDF((fx - v) / sd)
	case Empirical:
		n := 0
		for _, s := range d.Values {
			if clampDuration(s) <= x {
				n++
			}
		}
		return float64(n) / float64(len(d.Values))
	}
	return math.NaN()
}

// Quantile is the smallest value whose CDF reaches p (0 < p < 1): the
// median at 0.5. p outside (0, 1) is clamped to the lowest or highest draw.
func (d Dist) Quantile(p float64) time.Duration {
	p = min(max(p, 0), 1)
	v := float64(d.Value)
	switch d.Kind {
	case Const:
		return clampDuration(d.Value)
	case Exp:
		return durationOf(-v * math.Log1p(-p))
	case Uniform:
		span := float64(d.Max-d.Value) + 1
		k := math.Ceil(p*span) - 1
		return clampDuration(d.Value + time.Duration(max(k, 0)))
	case Lognormal:
		return durationOf(v * math.Exp(d.Shape*normQuantile(p)))
	case Weibull:
		return durationOf(v * math.Pow(-math.Log1p(-p), 1/d.Shape))
	case Normal:
		return durationOf(v + float64(d.Max)*normQuantile(p))
	case Empirical:
		s := slices.Clone(d.Values)
		slices.Sort(s)
		k := int(math.Ceil(p*float64(len(s)))) - 1
		return clampDuration(s[min(max(k, 0), len(s)-1)])
	}
	return 0
}

// normCDF is the standard normal distribution function.
func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// normQuantile is its inverse; ±Inf at 0 and 1.
func normQuantile(p float64) float64 { return math.Sqrt2 * math.Erfinv(2*p-1) }

func step(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DistKind names the shape of a Dist.
type DistKind uint8

// The distribution shapes a scenario can write.
const (
	Const     DistKind = iota // always Value
	Exp                       // exponential with mean Value
	Uniform                   // uniform on [Value, Max]
	Lognormal                 // median Value, log-space standard deviation Shape
	Weibull                   // scale Value, shape Shape
	Normal                    // mean Value, standard deviation Max, cut at 0
	Empirical                 // one of Values, each equally likely
)

// Dist is a distribution of durations. The zero Dist is the constant 0.
type Dist struct {
	Kind   DistKind
	Value  time.Duration // the constant, mean, lower bound, median or scale
	Max    time.Duration // the uniform upper bound, or the normal standard deviation
	Shape  float64       // lognormal sigma or Weibull shape
	Values []time.Duration
}

// Fixed returns the constant distribution at d.
func Fixed(d time.Duration) Dist { return Dist{Kind: Const, Value: d} }

// Sample draws one duration from r, clamped to [0, MaxDuration]: a draw from
// a heavy tail beyond 100 years is 100 years, far beyond any horizon.
func (d Dist) Sample(r *rand.Rand) time.Duration {
	var x float64
	switch d.Kind {
	case Const:
		return clampDuration(d.Value)
	case Exp:
		x = r.ExpFloat64() * float64(d.Value)
	case Uniform:
		// Uint64N takes the same draws as Int64N but cannot overflow at a
		// span of math.MaxInt64.
		return clampDuration(d.Value + time.Duration(r.Uint64N(uint64(d.Max-d.Value)+1)))
	case Lognormal:
		x = float64(d.Value) * math.Exp(d.Shape*r.NormFloat64())
	case Weibull:
		// Inverse transform: scale * (-ln U)^(1/shape), U in (0, 1].
		x = float64(d.Value) * math.Pow(-math.Log(1-r.Float64()), 1/d.Shape)
	case Normal:
		x = float64(d.Value) + float64(d.Max)*r.NormFloat64()
	case Empirical:
		return clampDuration(d.Values[r.IntN(len(d.Values))])
	default:
		panic(fmt.Sprintf("sim: unknown distribution kind %d", d.Kind))
	}
	return durationOf(x)
}

// clampDuration limits d to [0, MaxDuration].
func clampDuration(d time.Duration) time.Duration { return min(max(d, 0), MaxDuration) }

// Mean is the distribution's expected value, clamped to [0, MaxDuration]
// (a heavy tail's can be thousands of years); MeanNanos gives it unclamped.
func (d Dist) Mean() time.Duration { return durationOf(d.MeanNanos()) }

// MeanNanos is the distribution's expected value in nanoseconds, computed in
// float64 so that a heavy tail (a Weibull of shape 0.1, a lognormal of sigma
// 6) does not overflow a Duration.
func (d Dist) MeanNanos() float64 {
	switch d.Kind {
	case Uniform:
		return (float64(d.Value) + float64(d.Max)) / 2
	case Lognormal:
		return float64(d.Value) * math.Exp(d.Shape*d.Shape/2)
	case Weibull:
		return float64(d.Value) * math.Gamma(1+1/d.Shape)
	case Normal:
		// The mean of max(0, X) for X ~ N(mu, sd).
		mu, sd := float64(d.Value), float64(d.Max)
		if sd == 0 {
			return max(mu, 0)
		}
		z := mu / sd
		pdf := math.Exp(-z*z/2) / math.Sqrt(2*math.Pi)
		cdf := 0.5 * math.Erfc(-z/math.Sqrt2)
		return mu*cdf + sd*pdf
	case Empirical:
		var sum float64
		for _, v := range d.Values {
			sum += float64(v)
		}
		return sum / float64(len(d.Values))
	}
	return float64(d.Value) // Const, Exp
}

// UpperEnd is the largest value d can draw, if it has one: exp, lognormal,
// Weibull and normal distributions have none.
func (d Dist) UpperEnd() (time.Duration, bool) {
	switch d.Kind {
	case Const:
		return d.Value, true
	case Uniform:
		return d.Max, true
	case Empirical:
		if len(d.Values) > 0 {
			return slices.Max(d.Values), true
		}
	}
	return 0, false
}

// String writes the distribution in the scenario's YAML flow form.
func (d Dist) String() string {
	switch d.Kind {
	case Const:
		return FormatDuration(d.Value)
	case Exp:
		return "{exp: " + FormatDuration(d.Value) + "}"
	case Uniform:
		return "{uniform: [" + FormatDuration(d.Value) + ", " + FormatDuration(d.Max) + "]}"
	case Lognormal:
		return fmt.Sprintf("{lognormal: {median: %s, sigma: %g}}", FormatDuration(d.Value), d.Shape)
	case Weibull:
		return fmt.Sprintf("{weibull: {scale: %s, shape: %g}}", FormatDuration(d.Value), d.Shape)
	case Normal:
		return "{normal: {mean: " + FormatDuration(d.Value) + ", sd: " + FormatDuration(d.Max) + "}}"
	case Empirical:
		s := make([]string, len(d.Values))
		for i, v := range d.Values {
			s[i] = FormatDuration(v)
		}
		return "{empirical: [" + strings.Join(s, ", ") + "]}"
	}
	return fmt.Sprintf("Dist(%d)", d.Kind)
}

// FormatDuration writes d exactly in the scenario syntax, in the largest unit
// that keeps it whole (7d, 90m, 260ms) or as decimal seconds (11.576s) or
// milliseconds (0.5ms); never with an exponent, so it can be pasted back into
// a scenario.
func FormatDuration(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	sign := ""
	u := uint64(d)
	if d < 0 {
		sign, u = "-", -u // two's complement: exact even for math.MinInt64
	}
	for _, unit := range []struct {
		name string
		size time.Duration
	}{{"d", 24 * time.Hour}, {"h", time.Hour}, {"m", time.Minute}, {"s", time.Second}} {
		if u%uint64(unit.size) == 0 {
			return sign + strconv.FormatUint(u/uint64(unit.size), 10) + unit.name
		}
	}
	switch {
	case u >= uint64(time.Second):
		return sign + decimal(u, 9) + "s"
	case u%uint64(time.Millisecond) == 0:
		return sign + strconv.FormatUint(u/uint64(time.Millisecond), 10) + "ms"
	}
	return sign + decimal(u, 6) + "ms"
}

// decimal writes u / 10^places with the trailing zeros of the fraction removed.
func decimal(u uint64, places int) string {
	p := uint64(math.Pow10(places))
	frac := fmt.Sprintf("%0*d", places, u%p)
	return strconv.FormatUint(u/p, 10) + "." + strings.TrimRight(frac, "0")
}

package sim

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// TestQuantileInvertsCDF checks, for every shape, that Quantile and CDF are
// each other's inverse and that both agree with Sample's draws.
func TestQuantileInvertsCDF(t *testing.T) {
	dists := []Dist{
		Fixed(20 * time.Minute),
		{Kind: Exp, Value: time.Hour},
		{Kind: Uniform, Value: 5 * time.Minute, Max: 2 * time.Hour},
		{Kind: Lognormal, Value: time.Hour, Shape: 1.2},
		{Kind: Weibull, Value: 8 * time.Hour, Shape: 0.7},
		{Kind: Normal, Value: 30 * time.Minute, Max: 20 * time.Minute},
		{Kind: Empirical, Values: []time.Duration{2 * time.Hour, 5 * time.Minute, 30 * time.Minute, time.Hour}},
	}
	const n = 200000
	for _, d := range dists {
		t.Run(d.String(), func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			draws := make([]time.Duration, n)
			for i := range draws {
				draws[i] = d.Sample(r)
			}
			for _, p := range []float64{0.1, 0.25, 0.5, 0.9} {
				q := d.Quantile(p)
				if c := d.CDF(q); c < p-1e-9 {
					t.Errorf("CDF(Quantile(%g) = %v) = %g, below %g", p, q, c, p)
				}
				if d.Kind != Const && d.Kind != Empirical && q > 0 {
					// A continuous shape: just below the quantile the CDF is below p.
					if c := d.CDF(q - q/1000); c >= p {
						t.Errorf("CDF just below Quantile(%g) = %v is %g, not below %g", p, q, c, p)
					}
				}
				// The share of draws at or below q matches CDF(q) within
				// 4 standard errors of a binomial proportion.
				k := 0
				for _, x := range draws {
					if x <= q {
						k++
					}
				}
				got, want := float64(k)/n, d.CDF(q)
				if se := math.Sqrt(want*(1-want)/n) + 1e-9; math.Abs(got-want) > 4*se {
					t.Errorf("%g of draws ≤ %v, CDF says %g", got, q, want)
				}
			}
		})
	}
}

func TestCDFEnds(t *testing.T) {
	d := Dist{Kind: Lognormal, Value: time.Hour, Shape: 1.2}
	if c := d.CDF(-time.Second); c != 0 {
		t.Errorf("CDF(-1s) = %g", c)
	}
	if c := d.CDF(time.Hour); math.Abs(c-0.5) > 1e-12 {
		t.Errorf("CDF(median) = %g, want 0.5", c)
	}
	if c := d.CDF(MaxDuration); c != 1 {
		t.Errorf("CDF(MaxDuration) = %g", c)
	}
}

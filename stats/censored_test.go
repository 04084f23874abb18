package stats

import (
	"math"
	"testing"
)

func TestQuantileCensored(t *testing.T) {
	xs := make([]float64, 200)
	for i := range xs {
		xs[i] = float64(i + 1)
	}
	q, ci := QuantileCensored(0.95, xs, 0)
	if q != 190 || ci != QuantileCI(0.95, xs) {
		t.Fatalf("no censoring: %v %v", q, ci)
	}
	// Five more that never resolved sit above every observed value.
	q, ci = QuantileCensored(0.95, xs, 5)
	if q != 195 { // ceil(0.95·205) = 195th of 205
		t.Fatalf("p95 %v, want 195", q)
	}
	if float64(ci[1]) < 195 {
		t.Fatalf("upper bound %v below the estimate", ci[1])
	}
	// Censored past the p95: the estimate itself is unknown.
	q, ci = QuantileCensored(0.95, xs, 20)
	if !math.IsInf(q, 1) || !math.IsInf(float64(ci[1]), 1) {
		t.Fatalf("p95 %v, upper %v: want +Inf", q, ci[1])
	}
	if xs[len(xs)-1] != 200 || len(xs) != 200 {
		t.Fatal("the sample was modified")
	}
}

package stats

import (
	"math"
	"testing"
)

func TestPairedDiff(t *testing.T) {
	a := []float64{10, 20, 30, 40}
	b := []float64{9, 19.5, 29, 39.5} // a - b: 1, 0.5, 1, 0.5
	d := PairedDiff(a, b)
	if d.Mean != 0.75 {
		t.Fatalf("mean %v, want 0.75", d.Mean)
	}
	// sd of the differences is 0.2887; t(3) = 3.182; half-width 0.4594.
	if math.Abs(d.Lo()-0.2906) > 1e-3 || math.Abs(d.Hi()-1.2094) > 1e-3 {
		t.Fatalf("interval [%v, %v], want [0.2906, 1.2094]", d.Lo(), d.Hi())
	}
	if !Significant(d) {
		t.Error("an interval above 0 is significant")
	}
	if Significant(PairedDiff([]float64{1, 2}, []float64{2, 1})) {
		t.Error("an interval across 0 is not significant")
	}
	if Significant(PairedDiff(nil, nil)) {
		t.Error("nothing is not significant")
	}
}

func TestPairedDiffPanicsOnDifferentLengths(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	PairedDiff([]float64{1}, []float64{1, 2})
}

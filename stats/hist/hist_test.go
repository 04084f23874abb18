package hist

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// values draws n values spread log-uniformly over [1 ns, 2^62 ns], plus the
// small exact range and the edges of the buckets.
func values(n int, seed uint64) []int64 {
	rng := rand.New(rand.NewPCG(seed, 1))
	xs := []int64{0, 1, 2*subCount - 1, 2 * subCount, 2*subCount + 1, math.MaxInt64}
	for range n {
		xs = append(xs, int64(math.Exp2(rng.Float64()*62)))
	}
	return xs
}

func TestEveryRankWithinTheRelativeError(t *testing.T) {
	xs := values(5000, 1)
	var h Histogram
	for _, x := range xs {
		h.Record(x)
	}
	slices.Sort(xs)
	for k := 1; k <= len(xs); k++ {
		got, want := h.Value(k), float64(xs[k-1])
		if err := math.Abs(got - want); err > RelativeError*want {
			t.Fatalf("rank %d: %g for %g, error %g > %g", k, got, want, err/want, RelativeError)
		}
	}
	if RelativeError > 0.001 {
		t.Fatalf("RelativeError %g above the 0.1%% the results promise", RelativeError)
	}
}

func TestBucketsTileTheValues(t *testing.T) {
	// Consecutive buckets meet, and each is at most lo/subCount wide.
	next := int64(0)
	for i := 0; i < index(math.MaxInt64); i++ {
		lo, w := bucket(i)
		if lo != next {
			t.Fatalf("bucket %d starts at %d, want %d", i, lo, next)
		}
		if lo >= 2*subCount && w*subCount > lo {
			t.Fatalf("bucket %d [%d, +%d) wider than 1/%d", i, lo, w, subCount)
		}
		if index(lo) != i || index(lo+w-1) != i {
			t.Fatalf("bucket %d: index(%d)=%d index(%d)=%d", i, lo, index(lo), lo+w-1, index(lo+w-1))
		}
		next = lo + w
	}
}

func TestMergeInAnyOrderIsTheSame(t *testing.T) {
	xs := values(3000, 2)
	var whole Histogram
	parts := make([]Histogram, 3)
	for i, x := range xs {
		whole.Record(x)
		parts[i%3].Record(x)
	}
	for _, order := range [][]int{{0, 1, 2}, {2, 0, 1}, {1, 2, 0}} {
		var m Histogram
		for _, j := range order {
			p := parts[j]
			p.Pack()
			m.Merge(&p)
		}
		m.Pack()
		w := whole
		w.Pack()
		if m.n != w.n || m.min != w.min || m.max != w.max || m.sumHi != w.sumHi || m.sumLo != w.sumLo ||
			!slices.Equal(m.packed, w.packed) {
			t.Fatalf("merge in order %v differs from recording all", order)
		}
	}
}

func TestMeanIsExact(t *testing.T) {
	var h Histogram
	// Sum past 2^64: three values near 2^63.
	for _, v := range []int64{math.MaxInt64, math.MaxInt64, 3} {
		h.Record(v)
	}
	want := (2*float64(math.MaxInt64) + 3) / 3
	if got := h.Mean(); math.Abs(got-want) > want*1e-15 {
		t.Fatalf("mean %g, want %g", got, want)
	}
	var s Histogram
	for v := int64(1); v <= 100; v++ {
		s.Record(v * 1e9)
	}
	if got := s.Mean(); got != 50.5e9 {
		t.Fatalf("mean of 1..100 s is %g ns", got)
	}
}

func TestPackKeepsAnswersAndRecordsAgain(t *testing.T) {
	var h Histogram
	for _, x := range values(500, 3) {
		h.Record(x)
	}
	before := h.CDF()
	h.Pack()
	if !slices.Equal(before, h.CDF()) {
		t.Fatal("packing changed the distribution")
	}
	h.Record(7)
	if h.N() != len(values(500, 3))+1 || h.CDF()[0].Value != 0 {
		t.Fatal("recording after packing lost counts")
	}
}

func TestCountAbove(t *testing.T) {
	var h Histogram
	for v := int64(1); v <= 100; v++ {
		h.Record(v * 1e9)
	}
	if got := h.CountAbove(50.5e9); got != 50 {
		t.Fatalf("%d above 50.5 s, want 50", got)
	}
	if got := h.CountAbove(0); got != 100 {
		t.Fatalf("%d above 0, want 100", got)
	}
}

func FuzzRecordValue(f *testing.F) {
	f.Add(int64(0), int64(5), int64(1<<40))
	f.Fuzz(func(t *testing.T, a, b, c int64) {
		var h Histogram
		xs := []int64{}
		for _, v := range []int64{a, b, c} {
			if v < 0 {
				v = -(v + 1)
			}
			h.Record(v)
			xs = append(xs, v)
		}
		slices.Sort(xs)
		for k := range xs {
			got, want := h.Value(k+1), float64(xs[k])
			if math.Abs(got-want) > RelativeError*want {
				t.Fatalf("rank %d of %v: %g", k+1, xs, got)
			}
		}
	})
}

func TestJSONRoundTrip(t *testing.T) {
	var h Histogram
	for _, x := range values(300, 4) {
		h.Record(x)
	}
	data, err := h.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var g Histogram
	if err := g.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	h.Pack()
	if g.n != h.n || g.min != h.min || g.max != h.max || g.sumHi != h.sumHi || g.sumLo != h.sumLo ||
		!slices.Equal(g.packed, h.packed) {
		t.Fatal("round trip changed the histogram")
	}
	for _, bad := range []string{
		`{"n":2,"min":1,"max":1,"sum":[0,2],"buckets":[[1,1]]}`,
		`{"n":2,"min":1,"max":2,"sum":[0,3],"buckets":[[2,1],[1,1]]}`,
		`{"n":1,"min":5,"max":5,"sum":[0,5],"buckets":[[1,1]]}`,
	} {
		if err := g.UnmarshalJSON([]byte(bad)); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

// Packed copies: the copy equals h packed, and recording into h afterwards
// leaves it alone.
func TestPackedIsACopy(t *testing.T) {
	var h Histogram
	for _, x := range values(200, 5) {
		h.Record(x)
	}
	c := h.Packed()
	h.Record(12345)
	w := Histogram{}
	for _, x := range values(200, 5) {
		w.Record(x)
	}
	w.Pack()
	if c.n != w.n || !slices.Equal(c.packed, w.packed) || c.dense != nil {
		t.Fatal("Packed differs from Pack, or shares the dense counts")
	}
	if d := c.Packed(); !slices.Equal(d.packed, c.packed) || &d.packed[0] == &c.packed[0] {
		t.Fatal("Packed of a packed histogram shares its bytes")
	}
}

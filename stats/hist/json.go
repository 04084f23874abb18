package hist

import (
	"encoding/json"
	"errors"
)

// wire is a Histogram as JSON: the non-empty buckets as [index, count]
// pairs, the exact sum as two 64-bit halves.
type wire struct {
	N       uint64      `json:"n"`
	Min     int64       `json:"min"`
	Max     int64       `json:"max"`
	Sum     [2]uint64   `json:"sum"`
	Buckets [][2]uint64 `json:"buckets"`
}

// MarshalJSON writes h in its sparse form.
func (h Histogram) MarshalJSON() ([]byte, error) {
	w := wire{N: h.n, Min: h.min, Max: h.max, Sum: [2]uint64{h.sumHi, h.sumLo}, Buckets: [][2]uint64{}}
	h.each(func(i int, c uint64) bool {
		w.Buckets = append(w.Buckets, [2]uint64{uint64(i), c})
		return true
	})
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON wrote, checking that it is a
// histogram MarshalJSON could have written.
func (h *Histogram) UnmarshalJSON(data []byte) error {
	var w wire
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	limit := uint64(index(1<<63 - 1))
	var total uint64
	next := uint64(0)
	g := Histogram{n: w.N, min: w.Min, max: w.Max, sumHi: w.Sum[0], sumLo: w.Sum[1]}
	var p packer
	for _, b := range w.Buckets {
		if b[0] < next || b[0] > limit || b[1] == 0 {
			return errors.New("histogram: buckets out of order, out of range or empty")
		}
		next = b[0] + 1
		total += b[1]
		p.add(int(b[0]), b[1])
	}
	g.packed = p.buf
	nb := len(w.Buckets)
	if total != w.N || w.Min < 0 || w.Min > w.Max || (w.N > 0 && (index(w.Min) != int(w.Buckets[0][0]) || index(w.Max) != int(w.Buckets[nb-1][0]))) {
		return errors.New("histogram: counts, minimum or maximum inconsistent")
	}
	*h = g
	return nil
}

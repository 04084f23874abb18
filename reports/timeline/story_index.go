package timeline

import (
	"slices"
	"time"

	"pingtune/sim"
)

// index is what the break stories look up in a timeline's records, made
// in one pass over them, so that telling every break's story costs the
// records once plus a few binary searches per break, never records ×
// breaks. Each lookup answers exactly what a scan of the records in time
// order would.
type index struct {
	pathUp []time.Duration // when the path lane went to state 0, in order
	wakes  []wakeRecord    // every wakeup, in order

	// The connect attempts' starts and failures, in order. failsBefore[i]
	// counts the failures among the first i; nextFail[i] is the first
	// failure at or after i (len(connAt) if none); sinceFail holds, at each
	// start, the wait since the last failure before it (0 at a failure or
	// with no failure before).
	connAt      []time.Duration
	failsBefore []int
	nextFail    []int
	sinceFail   maxTree
}

type wakeRecord struct {
	at    time.Duration
	cause uint8
}

func newIndex(events []sim.TraceEvent) *index {
	x := &index{failsBefore: []int{0}}
	var waits []time.Duration
	var isFail []bool
	lastFail := time.Duration(-1)
	for _, e := range events {
		switch e.Kind {
		case sim.TraceState:
			if e.Lane == sim.LanePath && e.To == 0 {
				x.pathUp = append(x.pathUp, e.At)
			}
		case sim.TraceWakeup:
			x.wakes = append(x.wakes, wakeRecord{e.At, e.Cause})
		case sim.TraceConnectFail, sim.TraceConnectStart:
			fail := e.Kind == sim.TraceConnectFail
			wait := time.Duration(0)
			if fail {
				lastFail = e.At
			} else if lastFail >= 0 {
				wait = e.At - lastFail
			}
			n := x.failsBefore[len(x.failsBefore)-1]
			if fail {
				n++
			}
			x.connAt = append(x.connAt, e.At)
			x.failsBefore = append(x.failsBefore, n)
			waits = append(waits, wait)
			isFail = append(isFail, fail)
		}
	}
	x.nextFail = make([]int, len(x.connAt)+1)
	x.nextFail[len(x.connAt)] = len(x.connAt)
	for i := len(x.connAt) - 1; i >= 0; i-- {
		x.nextFail[i] = x.nextFail[i+1]
		if isFail[i] {
			x.nextFail[i] = i
		}
	}
	x.sinceFail = newMaxTree(waits)
	return x
}

// pathUpAfter is the first time after at that the path went to state 0.
func (x *index) pathUpAfter(at time.Duration) (time.Duration, bool) {
	i, _ := slices.BinarySearch(x.pathUp, at+1)
	if i == len(x.pathUp) {
		return 0, false
	}
	return x.pathUp[i], true
}

// wakeAt is the cause of the first wakeup at exactly at, or -1.
func (x *index) wakeAt(at time.Duration) int {
	i, found := slices.BinarySearchFunc(x.wakes, at, func(w wakeRecord, t time.Duration) int { return cmpDur(w.at, t) })
	if !found {
		return -1
	}
	return int(x.wakes[i].cause)
}

// reconnects counts the failed connects from..to (both included) and the
// longest wait from a failure in it to a start after it.
func (x *index) reconnects(from, to time.Duration) (fails int, wait time.Duration) {
	lo, _ := slices.BinarySearch(x.connAt, from)
	hi, _ := slices.BinarySearch(x.connAt, to+1)
	if lo >= hi {
		return 0, 0
	}
	fails = x.failsBefore[hi] - x.failsBefore[lo]
	if f := x.nextFail[lo]; f+1 < hi {
		wait = x.sinceFail.max(f+1, hi)
	}
	return fails, wait
}

func cmpDur(a, b time.Duration) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// maxTree answers the largest of vals[l:r] in O(log n): a segment tree.
type maxTree struct {
	n int
	t []time.Duration
}

func newMaxTree(vals []time.Duration) maxTree {
	n := len(vals)
	m := maxTree{n: n, t: make([]time.Duration, 2*n)}
	copy(m.t[n:], vals)
	for i := n - 1; i > 0; i-- {
		m.t[i] = max(m.t[2*i], m.t[2*i+1])
	}
	return m
}

// max is the largest of vals[l:r], 0 when empty.
func (m maxTree) max(l, r int) time.Duration {
	best := time.Duration(0)
	for l, r = l+m.n, r+m.n; l < r; l, r = l/2, r/2 {
		if l&1 == 1 {
			best = max(best, m.t[l])
			l++
		}
		if r&1 == 1 {
			r--
			best = max(best, m.t[r])
		}
	}
	return best
}

package sim

import (
	"math"
	"time"
)

// SearchKind is how a probe policy searches for the longest interval that
// survives.
type SearchKind uint8

// The searches of Haque et al., "Using Adaptive Heartbeat Rate on Long-Lived
// TCP Connections", IEEE/ACM ToN 26(1), 2018.
const (
	SearchBinary      SearchKind = iota // halve the bracket [Min, Max] each probe
	SearchExponential                   // Min + Step·2^k until a failure, then binary
)

var searchNames = [...]string{"binary", "exponential"}

func (k SearchKind) String() string { return searchNames[k] }

// SearchNames lists the searches as the YAML writes them.
func SearchNames() []string { return searchNames[:] }

// Probe searches [Min, Max] for the longest interval whose ping is answered,
// to within Resolution, and starts over after a network change.
type Probe struct {
	Search     SearchKind
	Min, Max   time.Duration
	Resolution time.Duration // the search stops when the bracket is this narrow
	Step       time.Duration // exponential: the first increment over Min
	// EvidenceGap: a ping tests the interval only after an idle gap of at
	// least this fraction of it (DefaultEvidenceGap).
	EvidenceGap float64
}

// DefaultProbe is the probe policy's default. Haque et al. give the searches,
// not these numbers: the bounds follow the Mars range's floor and FCM's 28 min
// mobile heartbeat (FACTS.md), and the resolution and step are assumptions.
func DefaultProbe() Probe {
	return Probe{Search: SearchBinary, Min: 270 * time.Second, Max: 28 * time.Minute,
		Resolution: 30 * time.Second, Step: 30 * time.Second, EvidenceGap: DefaultEvidenceGap}
}

// log2Ceil is ⌈log2(x)⌉ for x ≥ 1, 0 below.
func log2Ceil(x float64) int {
	if x <= 1 {
		return 0
	}
	return int(math.Ceil(math.Log2(x)))
}

// PromisedProbes is the most probes the search takes to settle from a start
// (after a network change): binary tries Max, then halves Max−Min down to
// Resolution; exponential first doubles its increment up to Max, then
// halves the last increment down to Resolution.
func (p Probe) PromisedProbes() int {
	span := float64(p.Max - p.Min)
	res := float64(max(p.Resolution, 1))
	if p.Search == SearchExponential {
		grow := log2Ceil(span/float64(max(p.Step, 1))) + 1
		return grow + log2Ceil(span/res)
	}
	return 1 + log2Ceil(span/res)
}

// probePolicy is one replication's search state: lo is the longest interval
// known to survive (Min is taken on trust), hi the shortest known to fail
// (0: none yet), cur the interval under test.
type probePolicy struct {
	p      Probe
	lo, hi time.Duration
	inc    time.Duration // exponential: the increment of cur over lo
	cur    time.Duration
	done   bool
}

func newProbe(p Probe) *probePolicy {
	s := &probePolicy{p: p}
	s.restart()
	return s
}

func (s *probePolicy) restart() {
	s.lo, s.hi, s.done = s.p.Min, 0, false
	if s.p.Search == SearchExponential {
		s.inc = s.p.Step
		s.cur = min(s.lo+s.inc, s.p.Max)
	} else {
		s.cur = s.p.Max
	}
	s.next()
}

func (s *probePolicy) interval() time.Duration { return s.cur }

func (s *probePolicy) settled() bool { return s.done }

// next settles when the bracket is narrow enough, else picks the next test.
func (s *probePolicy) next() {
	switch {
	case s.lo >= s.p.Max:
		s.done, s.cur = true, s.p.Max
	case s.hi > 0 && s.hi-s.lo <= s.p.Resolution:
		s.done, s.cur = true, s.lo
	case s.hi > 0:
		s.cur = s.lo + (s.hi-s.lo)/2
	}
}

func (s *probePolicy) observe(o observation, gap time.Duration) {
	if o == obsNetworkChange {
		s.restart()
		return
	}
	if !tests(gap, s.cur, s.p.EvidenceGap) {
		return
	}
	if s.done {
		if o == obsTimeout { // the settled interval failed: search below it
			s.lo, s.hi, s.done = s.p.Min, s.cur, false
			s.next()
		}
		return
	}
	if o == obsPong {
		s.lo = s.cur
		if s.hi == 0 && s.p.Search == SearchExponential {
			s.inc *= 2
			s.cur = min(s.lo+s.inc, s.p.Max)
		}
	} else {
		s.hi = s.cur
	}
	s.next()
}

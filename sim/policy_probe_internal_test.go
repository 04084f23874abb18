package sim

import (
	"testing"
	"time"
)

// TestProbeSearchKeepsItsPromise drives both searches with an oracle NAT
// (a ping survives iff its interval is below the timeout) over a fine grid
// of timeouts and checks the probe count against PromisedProbes and the
// settled interval against the timeout.
func TestProbeSearchKeepsItsPromise(t *testing.T) {
	for _, search := range []SearchKind{SearchBinary, SearchExponential} {
		p := DefaultProbe()
		p.Search = search
		for nat := p.Min + time.Second; nat < p.Max+5*time.Minute; nat += 7 * time.Second {
			s := newProbe(p)
			probes := 0
			for !s.settled() && probes < 100 {
				cur := s.interval()
				probes++
				if cur < nat {
					s.observe(obsPong, cur)
				} else {
					s.observe(obsTimeout, cur)
				}
			}
			if probes > p.PromisedProbes() {
				t.Errorf("%s, NAT %v: %d probes, promised %d", search, nat, probes, p.PromisedProbes())
			}
			got := s.interval()
			if nat > p.Max && got != p.Max || nat <= p.Max && (got >= nat || nat-got > p.Resolution) {
				t.Errorf("%s, NAT %v: settled on %v", search, nat, got)
			}
		}
	}
}

// TestProbeIgnoresShortGaps: a ping after a gap shorter than the interval
// under test says nothing about it.
func TestProbeIgnoresShortGaps(t *testing.T) {
	s := newProbe(DefaultProbe())
	before := s.interval()
	s.observe(obsTimeout, before/2)
	if s.interval() != before || s.settled() {
		t.Errorf("a short gap moved the search to %v", s.interval())
	}
}

// TestNetworkChangeStartsOver: after a network change the probe searches
// again from the start, and Mars (locked at max(330 s − 80 s, its 270 s
// floor)) forgets its lock and its step-ups.
func TestNetworkChangeStartsOver(t *testing.T) {
	p := DefaultProbe()
	s := newProbe(p)
	for !s.settled() {
		s.observe(obsTimeout, s.interval()) // every probe fails: it settles on min
	}
	s.observe(obsNetworkChange, 0)
	if s.settled() || s.interval() != p.Max {
		t.Errorf("after a network change: settled %v at %v, want the search again from %v", s.settled(), s.interval(), p.Max)
	}

	m := MarsAdaptive()
	a := newAdaptive(m, m.Min)
	for range m.Successes {
		a.observe(obsPong, a.interval())
	}
	for range m.Failures {
		a.observe(obsTimeout, a.interval())
	}
	if !a.settled() || a.interval() != max(m.Min+m.Step-m.Backoff, m.Min) {
		t.Fatalf("locked at %v, settled %v", a.interval(), a.settled())
	}
	a.observe(obsNetworkChange, 0)
	if a.settled() || a.interval() != m.Min {
		t.Errorf("after a network change: %v, settled %v; want %v, searching", a.interval(), a.settled(), m.Min)
	}
}

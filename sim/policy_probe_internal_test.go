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

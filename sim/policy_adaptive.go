package sim

import "time"

// Adaptive is the Tencent Mars smart heartbeat (mars/stn/src/smart_heartbeat.cc,
// as summarised in FACTS.md): start at the interval, step it up after a run
// of successes, and after a run of failures back off and lock.
type Adaptive struct {
	Min, Max  time.Duration // the range it moves in
	Step      time.Duration // added after Successes successes in a row
	Successes int
	Failures  int           // failures in a row at one interval before it backs off
	Backoff   time.Duration // taken off the failing interval, which then locks
	// EvidenceGap: a ping tests the interval only after an idle gap of at
	// least this fraction of it (DefaultEvidenceGap).
	EvidenceGap float64
}

// MarsAdaptive is the Mars rules (smart_heartbeat.cc, FACTS.md): 4 min 30 s
// to 14 min 50 s; +60 s after 3 successes; after 3 failures back off 80 s
// and lock.
func MarsAdaptive() Adaptive {
	return Adaptive{Min: 270 * time.Second, Max: 14*time.Minute + 50*time.Second, Step: time.Minute,
		Successes: 3, Failures: 3, Backoff: 80 * time.Second, EvidenceGap: DefaultEvidenceGap}
}

// adaptivePolicy is one replication's Mars state. A failure at a locked
// interval counts too: Failures of them back it off again (the NAT changed).
// A network change starts over from the initial interval, unlocked, as Mars
// keeps its state per network.
type adaptivePolicy struct {
	p         Adaptive
	initial   time.Duration
	cur       time.Duration
	successes int
	failures  int
	locked    bool
}

func newAdaptive(p Adaptive, start time.Duration) *adaptivePolicy {
	a := &adaptivePolicy{p: p, initial: min(max(start, p.Min), p.Max)}
	a.cur = a.initial
	return a
}

func (a *adaptivePolicy) interval() time.Duration { return a.cur }

func (a *adaptivePolicy) settled() bool { return a.locked || a.cur >= a.p.Max }

func (a *adaptivePolicy) observe(o observation, gap time.Duration) {
	switch {
	case o == obsNetworkChange:
		a.cur, a.successes, a.failures, a.locked = a.initial, 0, 0, false
	case !tests(gap, a.cur, a.p.EvidenceGap):
		return // the ping says nothing about this interval
	case o == obsPong:
		a.failures = 0
		if a.settled() {
			return
		}
		a.successes++
		if a.successes >= a.p.Successes {
			a.successes = 0
			a.cur = min(a.cur+a.p.Step, a.p.Max)
		}
	case o == obsTimeout:
		a.successes = 0
		a.failures++
		if a.failures >= a.p.Failures {
			a.failures = 0
			a.cur = max(a.cur-a.p.Backoff, a.p.Min)
			a.locked = true
		}
	}
}

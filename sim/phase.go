package sim

import (
	"math/rand/v2"
	"time"
)

// This file is where each periodic schedule starts. A real app was launched
// at an unknown moment, so its keepalive cycle stands in a random phase to
// anything that happens at a given clock time (a scripted event, the end of
// the horizon). Without that, every replication would meet a scripted event
// at the same point of its ping cycle, and a metric would swing with the
// event's time modulo the interval.
//
// Each replication draws, from its own phase stream, one uniform u per
// periodic schedule. The first platform keepalive and the first timer
// heartbeat come at u·T: the same u at every interval, so replication k still
// sees the same world at every interval (common random numbers). A
// generator's first event is the residual of the gap that straddles time
// zero in a process that has been running for ever: u·D for a fixed gap D,
// a plain draw for an exponential gap (memoryless), and u times a
// size-biased gap for any other distribution (picked among sizeBiasDraws
// draws in proportion to length). Scripted events keep their exact times.

// phaseSlot names one periodic schedule's phase.
type phaseSlot uint8

const (
	phaseKeepalive phaseSlot = iota // the platform's keepalive handler
	phaseHeartbeat                  // the always-awake timer heartbeat
	phaseOutages
	phaseHandovers
	phaseRestarts
	numPhases
)

// sizeBiasDraws is how many draws approximate a size-biased gap.
const sizeBiasDraws = 16

// drawPhases draws the replication's phases, always in the same order and
// number, so that no configuration change shifts another draw.
func (w *World) drawPhases() {
	r := w.rng[streamPhase]
	for i := range w.phase {
		w.phase[i] = r.Float64()
	}
}

// phased is u·d for schedule s: where a cycle of length d stands at time zero.
func (w *World) phased(s phaseSlot, d time.Duration) time.Duration {
	return time.Duration(w.phase[s] * float64(d))
}

// firstArrival is when a generator with gaps every (drawn from src) first
// fires: the residual of the gap under way at time zero.
func (w *World) firstArrival(s phaseSlot, every Dist, src stream) time.Duration {
	if every.Kind == Exp {
		return every.Sample(w.rng[src])
	}
	return residual(every, w.phase[s], w.rng[streamPhase])
}

// residual is u times the gap that straddles time zero: the gap itself for
// a fixed one, else one of a few draws from r picked with probability
// proportional to its length (an approximately size-biased gap). Not for an
// exponential gap, whose residual is a plain draw.
func residual(every Dist, u float64, r *rand.Rand) time.Duration {
	if every.Kind == Const {
		return time.Duration(u * float64(every.Value))
	}
	var draws [sizeBiasDraws]time.Duration
	var sum float64
	for i := range draws {
		draws[i] = every.Sample(r)
		sum += float64(draws[i])
	}
	pick := r.Float64() * sum
	for _, g := range draws {
		if pick < float64(g) {
			return time.Duration(u * float64(g))
		}
		pick -= float64(g)
	}
	return time.Duration(u * float64(draws[sizeBiasDraws-1]))
}

package calibrate

import (
	"math"
	"time"

	"pingtune/sim"
)

// RigRTT is the round trip of the keepalive in the measurement the fit
// models. Haverinen et al. do not give theirs; 80 ms (a 3G round trip to a
// nearby server) is an assumption, and it barely matters: the exchange is a
// small part of each keepalive's radio time.
const RigRTT = 80 * time.Millisecond

// The model follows the rig through warmCycles keepalives to reach its
// steady state, then averages over avgCycles, a multiple of every short
// period the radio's cycle can fall into (a promotion every other keepalive).
const (
	warmCycles = 8
	avgCycles  = 60
)

// profile is a radio in float seconds and watts, for the fit.
type profile struct {
	promo, promoP, activeP float64
	tail                   []stage
	shared                 bool
	stage                  int // the shared-channel stage
	sPromo, sPromoP        float64
}

type stage struct{ d, p float64 }

func toProfile(r *sim.Radio) profile {
	p := profile{promo: r.Promotion.Seconds(), promoP: r.PromotionPower, activeP: r.ActivePower}
	for _, t := range r.Tail {
		p.tail = append(p.tail, stage{t.For.Seconds(), t.Power})
	}
	if sp := r.SmallPackets; sp != nil {
		p.shared, p.stage, p.sPromo, p.sPromoP = true, sp.Stage, sp.Promotion.Seconds(), sp.PromotionPower
	}
	return p
}

// ExtraPower is the average radio power in watts above idle of a device
// whose only traffic is a keepalive every T, answered after RigRTT: the rig
// of Haverinen et al. and of a team's own power monitor. It follows the
// simulator's radio rules (sim/radio.go, sim/radio_small.go) keepalive by
// keepalive; a test holds it against sim.Run. NaN: the radio is still busy
// with one keepalive when the next is due (T too short for its promotions).
func ExtraPower(r *sim.Radio, T time.Duration) float64 {
	p := toProfile(r)
	return p.power(T.Seconds(), RigRTT.Seconds())
}

func (m *profile) power(T, rtt float64) float64 {
	lastEnd, from := math.Inf(-1), 0 // when the last exchange ended; the tail stage its tail began at
	var energy float64
	for k := 0; k <= warmCycles+avgCycles; k++ {
		t := float64(k) * T
		if t < lastEnd {
			return math.NaN()
		}
		tail, st := m.tailFor(from, t-lastEnd)
		if k > warmCycles {
			energy += tail
		}
		if k == warmCycles+avgCycles {
			break
		}
		var ex float64
		switch {
		case m.shared && st == m.stage: // rides on the shared channel
			ex, lastEnd, from = m.tail[m.stage].p*rtt, t+rtt, m.stage
		case m.shared && (st < 0 || st > m.stage): // a cell update onto it
			ex, lastEnd, from = m.sPromoP*m.sPromo+m.tail[m.stage].p*rtt, t+m.sPromo+rtt, m.stage
		case st < 0: // idle: a promotion to the dedicated channel
			ex, lastEnd, from = m.promoP*m.promo+m.activeP*rtt, t+m.promo+rtt, 0
		default: // a dedicated tail: back to active
			ex, lastEnd, from = m.activeP*rtt, t+rtt, 0
		}
		if k >= warmCycles {
			energy += ex
		}
	}
	return energy / (avgCycles * T)
}

// tailFor is the energy of a tail begun at stage from and run for e, and
// the stage it is in after e (-1: it ended, the radio is idle). A stage's
// timer that runs out exactly at e has already moved on, as in the simulator.
func (m *profile) tailFor(from int, e float64) (energy float64, at int) {
	for i := from; i < len(m.tail); i++ {
		s := m.tail[i]
		if e < s.d {
			return energy + s.p*e, i
		}
		energy += s.p * s.d
		e -= s.d
	}
	return energy, -1
}

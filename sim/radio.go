package sim

import (
	"time"

	"pingtune/sim/des"
)

// This file is the radio's power state machine: idle → promotion → active →
// tail stages → idle, with traffic in a tail going back to active at once.

type radio struct {
	stage       int           // the tail stage, in RadioTail
	activeUntil time.Duration // the radio stays active at least until then
	timer       des.Timer     // the next state change (eager)
	next        time.Duration // the next state change (lazy: radio_lazy.go)
	due         bool          // next is set
	energy      float64       // J used up to the last state change
	promotions  int
	stageTime   [MaxTailStages]time.Duration // time in each tail stage, for the energy check

	// The shared-channel path (radio_small.go).
	smallPromo     bool          // the promotion under way enters the small-packet stage
	upgrade        bool          // after it, promote on to the dedicated channel
	upgradeNeed    time.Duration // for a connect that needs the radio that long
	smallPromoTime time.Duration // time in small-packet promotions, for the energy check

	memo [memoTail + MaxTailStages]secondsMemo // radioClose's seconds
}

// MaxTailStages is the most tail stages a radio profile may have.
const MaxTailStages = 8

// radioPower is the power drawn in the current state, above idle.
func (w *World) radioPower() float64 {
	r := &w.cfg.Radio
	switch RadioState(w.state(LaneRadio)) {
	case RadioPromotion:
		if w.radio.smallPromo {
			return r.SmallPackets.PromotionPower
		}
		return r.PromotionPower
	case RadioActive:
		return r.ActivePower
	case RadioTail:
		return r.Tail[w.radio.stage].Power
	}
	return 0
}

// radioEnter books the energy of the state being left and enters s.
func (w *World) radioEnter(s RadioState, stage int) {
	w.radioClose()
	w.radio.stage = stage
	if c := &w.lanes[LaneRadio]; w.tracer == nil && radioMoves[c.state&3]>>s&1 != 0 {
		// setState, for a legal change that nothing traces.
		c.close(w.now())
		c.state = uint8(s)
		return
	}
	w.setState(LaneRadio, uint8(s))
}

// radioMoves is legal[LaneRadio] as bit masks: bit to of radioMoves[from]
// is set when the radio may go from from to to.
var radioMoves = func() (m [NumRadioStates]uint8) {
	for from, tos := range legal[LaneRadio] {
		for to, ok := range tos {
			if ok {
				m[from] |= 1 << to
			}
		}
	}
	return m
}()

// radioClose books the energy of the current state up to now: the state's
// power (radioPower) times its time in seconds.
//
// The seconds come from a memo per state (time.Duration.Seconds divides, and
// a state mostly lasts the same time: a promotion, an active period of one
// RTT, a tail stage run out), and idle, at no power, books nothing (adding
// 0 × d to the sum, which starts at +0, leaves it unchanged): the same sum
// as before, bit for bit.
func (w *World) radioClose() {
	r, cfg := &w.radio, &w.cfg.Radio
	d := w.now() - w.lanes[LaneRadio].since
	var p float64
	var m *secondsMemo
	switch RadioState(w.state(LaneRadio)) {
	case RadioIdle:
		return
	case RadioPromotion:
		if r.smallPromo {
			r.smallPromoTime += d
			p, m = cfg.SmallPackets.PromotionPower, &r.memo[memoSmallPromotion]
		} else {
			p, m = cfg.PromotionPower, &r.memo[memoPromotion]
		}
	case RadioActive:
		p, m = cfg.ActivePower, &r.memo[memoActive]
	case RadioTail:
		r.stageTime[r.stage] += d
		p, m = cfg.Tail[r.stage].Power, &r.memo[memoTail+r.stage]
	}
	r.energy += p * m.seconds(d)
}

// secondsMemo remembers the last duration it converted to seconds. The zero
// value is right: 0 is 0 s.
type secondsMemo struct {
	d time.Duration
	s float64
}

func (m *secondsMemo) seconds(d time.Duration) float64 {
	if d != m.d {
		m.d, m.s = d, d.Seconds()
	}
	return m.s
}

// The memos of radioClose, one per powered state.
const (
	memoPromotion = iota
	memoSmallPromotion
	memoActive
	memoTail // one per tail stage
)

// radioRequest asks for the radio to carry a packet now and stay active for
// need after it can; it returns when the packet can go (after any promotion).
// A small packet may ride on the radio's shared channel (radio_small.go).
func (w *World) radioRequest(need time.Duration, small bool) time.Duration {
	if sp := w.cfg.Radio.SmallPackets; sp != nil {
		if ready, ok := w.radioShared(sp, need, small); ok {
			return ready
		}
	}
	now, r := w.now(), &w.radio
	switch RadioState(w.state(LaneRadio)) {
	case RadioIdle:
		return w.radioPromote(need)
	case RadioPromotion:
		ready, _ := w.radioWhen()
		r.activeUntil = max(r.activeUntil, later(ready, need))
		return ready
	case RadioActive:
		if until := later(now, need); until > r.activeUntil {
			r.activeUntil = until
			w.radioSet(until)
		}
		return now
	default: // RadioTail
		if need == 0 {
			// A lone packet restarts the tail; at the very start of the
			// first stage that changes nothing.
			if r.stage != 0 || w.lanes[LaneRadio].since != now {
				w.radioTail(0)
			}
			return now
		}
		r.activeUntil = later(now, need)
		w.radioEnter(RadioActive, 0)
		w.radioSet(r.activeUntil)
		return now
	}
}

// radioPromote starts a promotion to the dedicated channel for a packet that
// needs the radio active for need after it; it returns when the packet can go.
func (w *World) radioPromote(need time.Duration) time.Duration {
	r, cfg := &w.radio, &w.cfg.Radio
	r.promotions++
	ready := later(w.now(), cfg.Promotion)
	r.activeUntil = later(ready, need)
	if cfg.Promotion > 0 {
		w.radioEnter(RadioPromotion, 0)
		w.radioSet(ready)
	} else {
		w.radioEnter(RadioActive, 0)
		w.radioSet(r.activeUntil)
	}
	return ready
}

func (w *World) onRadio() {
	r := &w.radio
	switch RadioState(w.state(LaneRadio)) {
	case RadioPromotion:
		if r.smallPromo {
			w.smallPromotionDone()
			return
		}
		w.radioEnter(RadioActive, 0)
		w.radioSet(max(r.activeUntil, w.now()))
	case RadioActive:
		if r.activeUntil > w.now() {
			w.radioSet(r.activeUntil)
			return
		}
		w.radioTail(0)
	case RadioTail:
		w.radioTail(r.stage + 1)
	}
}

// radioTail enters tail stage i, or idle after the last stage.
func (w *World) radioTail(i int) {
	tail := w.cfg.Radio.Tail
	if i >= len(tail) {
		w.radioEnter(RadioIdle, 0)
		return
	}
	w.radioEnter(RadioTail, i)
	w.radioSet(later(w.now(), tail[i].For))
}

package sim

import "time"

// This file plays the radio's state changes lazily when nothing traces
// them. A state change (the end of a promotion, of the active period, of a
// tail stage) then costs no engine event: the radio keeps when its next one
// is due, and before anything else happens at a time t (each event, the
// horizon's books, the end of the run) the changes due by t are played, each
// at its own time (now() answers that time while they play). Nothing but the
// radio acts on them, so the results are those of eager events: the same
// energy (booked in the same order), times in each state and promotions;
// only the count of engine events falls, by about three a ping. A tracer
// sees every change as it happens, so with one the radio stays eager.
//
// One order differs: eager events at the same instant run in the order they
// were scheduled, while a lazy change runs before any event at its instant.
// The two agree whenever the radio's change was scheduled first, which is
// how the model schedules them (a packet waiting for a promotion is queued
// after the promotion's end is set; a reply arrives after the active period
// it extends was set); they could differ only for an unrelated event landing
// on the same nanosecond as a radio change scheduled after it.

// radioSet schedules the radio's next state change at at.
func (w *World) radioSet(at time.Duration) {
	if w.lazyRadio {
		w.radio.next, w.radio.due = at, true
		return
	}
	w.eng.Set(&w.radio.timer, at, evRadio, 0)
}

// radioWhen is when the radio's next state change is due, and whether one is.
func (w *World) radioWhen() (time.Duration, bool) {
	if w.lazyRadio {
		return w.radio.next, w.radio.due
	}
	return w.eng.When(w.radio.timer)
}

// radioCatchUp plays the lazy state changes due by t, in order, each at its
// own time.
func (w *World) radioCatchUp(t time.Duration) {
	r := &w.radio
	for r.due && r.next <= t {
		r.due = false
		w.virtual, w.vnow = true, r.next
		w.onRadio()
	}
	w.virtual = false
}

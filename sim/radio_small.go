package sim

import "time"

// This file is the radio's shared-channel path (Radio.SmallPackets): on 3G a
// small packet does not promote the radio to the dedicated channel
// (CELL_DCH) but rides on the shared one (CELL_FACH), which a cell update
// reaches from the paging states (CELL_PCH, URA_PCH) in a fraction of a
// second. Qian et al. (IMC 2010) measured that a UMTS radio moves from FACH
// to DCH only when its RLC buffer exceeds a few hundred bytes: keepalives,
// pongs and short pushes stay on FACH. Here every packet but a connect's
// handshake is small.

// isSmall reports whether a packet of kind k fits the shared channel. A
// connect carries the TCP and TLS handshakes and the app's login: kilobytes.
func (k pktKind) isSmall() bool { return k != pktSyn && k != pktAccept }

// paged reports whether the radio can only be reached by paging: idle, or
// (with a shared-channel path) in a paging stage after the shared one.
func (w *World) paged() bool {
	switch RadioState(w.state(LaneRadio)) {
	case RadioIdle:
		return true
	case RadioTail:
		sp := w.cfg.Radio.SmallPackets
		return sp != nil && w.radio.stage > sp.Stage
	}
	return false
}

// radioShared is radioRequest on a radio with a shared-channel path, where
// its rules differ from a dedicated-only radio's; ok is false where they do
// not (the dedicated channel is up or being set up, or a connect finds the
// radio idle).
func (w *World) radioShared(sp *SmallPackets, need time.Duration, small bool) (ready time.Duration, ok bool) {
	now, r := w.now(), &w.radio
	state := RadioState(w.state(LaneRadio))
	switch {
	case state == RadioPromotion && r.smallPromo:
		end, _ := w.radioWhen()
		if small {
			r.activeUntil = max(r.activeUntil, end+need)
			return end, true
		}
		// A connect waits for the cell update, then for the promotion from
		// the shared channel to the dedicated one.
		r.upgrade, r.upgradeNeed = true, max(r.upgradeNeed, need)
		return end + w.cfg.Radio.Promotion, true
	case state == RadioIdle || (state == RadioTail && r.stage > sp.Stage):
		if !small {
			return w.radioPromote(need), true
		}
		r.promotions++
		ready = now + sp.Promotion
		r.activeUntil = ready + need
		if sp.Promotion > 0 {
			r.smallPromo = true
			w.radioEnter(RadioPromotion, 0)
			w.radioSet(ready)
		} else {
			w.radioShareStage(r.activeUntil)
		}
		return ready, true
	case state == RadioTail && r.stage == sp.Stage:
		if !small {
			return w.radioPromote(need), true
		}
		// The exchange rides on the shared channel, whose inactivity timer
		// runs from its end.
		if end := now + need + w.cfg.Radio.Tail[sp.Stage].For; end > w.whenRadio() {
			w.radioSet(end)
		}
		return now, true
	}
	return 0, false
}

// whenRadio is when the radio's next state change is due.
func (w *World) whenRadio() time.Duration {
	t, _ := w.radioWhen()
	return t
}

// smallPromotionDone: the cell update is over; the radio is on the shared
// channel, and promotes on to the dedicated one if a connect waits.
func (w *World) smallPromotionDone() {
	r := &w.radio
	w.radioShareStage(max(r.activeUntil, w.now()))
	r.smallPromo = false // after radioShareStage booked the promotion's energy
	if r.upgrade {
		need := r.upgradeNeed
		r.upgrade, r.upgradeNeed = false, 0
		w.radioPromote(need)
	}
}

// radioShareStage enters the shared-channel stage, busy until until and then
// held for the stage's inactivity timer.
func (w *World) radioShareStage(until time.Duration) {
	sp := w.cfg.Radio.SmallPackets
	w.radioEnter(RadioTail, sp.Stage)
	w.radioSet(until + w.cfg.Radio.Tail[sp.Stage].For)
}

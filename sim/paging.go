package sim

import "time"

// This file is paging: a radio that sleeps (idle, or in a paging stage such
// as 3G's CELL_PCH) listens for pages only once per paging cycle (LTE's and
// UMTS's DRX cycle, Wi-Fi's DTIM interval), so a packet the network has for
// it waits for the next paging occasion before the radio even starts its
// promotion. Packets arrive at no particular phase of the cycle: the wait is
// U(0, Radio.PagingCycle), drawn from its own stream so that it shifts no
// other draw.

// waitForPaging holds downlink packet p for the radio's next paging occasion
// if the radio sleeps; it reports whether it did (evAtDevice then resumes it).
func (w *World) waitForPaging(p int32) bool {
	if w.cfg.Radio.PagingCycle <= 0 {
		return false
	}
	return w.pageFor(p)
}

// pageFor is waitForPaging on a radio with a paging cycle.
func (w *World) pageFor(p int32) bool {
	cycle := w.cfg.Radio.PagingCycle
	if !w.paged() {
		return false
	}
	wait := time.Duration(w.rng[streamPaging].Int64N(int64(cycle)))
	w.pkts[p].paging = true
	w.eng.At(w.now()+wait, evAtDevice, int64(p))
	return true
}

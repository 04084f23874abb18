package sim

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// checkEnd verifies, after a run, the accounting rules every replication must
// keep. Run calls it under Options.Check; tests call it on every scenario.
// (Transitions are checked as they happen, by setState; wakeups by wake.)
func (w *World) checkEnd() error {
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, invariantError(fmt.Sprintf(format, args...)))
	}
	r, h := &w.res, w.cfg.Horizon
	books := &w.books
	if !w.draining {
		fail("the run ended without closing its books at the horizon")
	}

	for l := Lane(0); l < NumLanes; l++ {
		var sum time.Duration
		for _, t := range books.lanes[l].total {
			if t < 0 {
				fail("negative time in a %s state", l)
			}
			sum += t
		}
		if sum != h {
			fail("time in %s states adds up to %v, not the horizon %v", l, sum, h)
		}
	}

	// Energy: the integral booked state by state equals power × time.
	rc := &w.cfg.Radio
	small := books.radio.smallPromoTime
	want := rc.PromotionPower*(r.RadioTime[RadioPromotion]-small).Seconds() + rc.ActivePower*r.RadioTime[RadioActive].Seconds()
	if sp := rc.SmallPackets; sp != nil {
		want += sp.PromotionPower * small.Seconds()
	} else if small != 0 {
		fail("%v in shared-channel promotions on a radio without a shared channel", small)
	}
	var tail time.Duration
	for i, st := range rc.Tail {
		want += st.Power * books.radio.stageTime[i].Seconds()
		tail += books.radio.stageTime[i]
	}
	if tail != r.RadioTime[RadioTail] {
		fail("tail stages add up to %v, the tail state to %v", tail, r.RadioTime[RadioTail])
	}
	if math.Abs(want-r.RadioJ) > 1e-9*max(1, want) {
		fail("radio energy %g J, but power × time gives %g J", r.RadioJ, want)
	}
	if r.RadioJ < 0 || r.CPUJ < 0 {
		fail("negative energy")
	}
	if a := float64(r.UpTime) / float64(h); a < 0 || a > 1 {
		fail("availability %g outside [0, 1]", a)
	}

	// Pushes: every one sent is somewhere.
	inFlight := 0
	free := make(map[int32]bool, len(w.freePkt))
	for _, p := range w.freePkt {
		free[p] = true
	}
	for i := range w.pkts {
		if !free[int32(i)] && w.pkts[i].kind == pktPush {
			inFlight++
		}
	}
	p := r.Pushes
	if held := len(w.queue) + inFlight + len(w.unread) + w.fcmInFlight + len(w.fcmHeld); p.Pending != held || p.Sent != p.Delivered+p.Lost+p.Dropped+p.Pending {
		fail("pushes: sent %d ≠ delivered %d + lost %d + dropped %d + pending %d (queued %d, in flight %d, unread %d, FCM in flight %d, FCM held %d)",
			p.Sent, p.Delivered, p.Lost, p.Dropped, p.Pending, len(w.queue), inFlight, len(w.unread), w.fcmInFlight, len(w.fcmHeld))
	}
	if r.PushLatency.N() != p.Delivered {
		fail("%d push latencies for %d deliveries", r.PushLatency.N(), p.Delivered)
	}

	// Breaks: each side either learned of it within the run or is censored,
	// and then it still holds the connection.
	unrec := make(map[int]bool, len(w.unrecovered))
	for _, i := range w.unrecovered {
		unrec[i] = true
	}
	for id := range w.conns {
		c := &w.conns[id]
		if c.brk < 0 {
			continue
		}
		b := r.Breaks[c.brk]
		for _, l := range []struct {
			name string
			d    time.Duration
		}{{"client", b.Client}, {"server", b.Server}, {"recovery", b.Recover}} {
			if l.d != Unresolved && (l.d < 0 || b.At+l.d > r.End) {
				fail("break %d (%s at %v): %s latency %v outside the run", c.brk, b.Cause, b.At, l.name, l.d)
			}
		}
		if (b.Client == Unresolved) != c.open {
			fail("break %d (%s at %v): client latency %v but the client socket open = %v", c.brk, b.Cause, b.At, b.Client, c.open)
		}
		if (b.Server == Unresolved) != (w.session == id) {
			fail("break %d (%s at %v): server latency %v but the server session is %d", c.brk, b.Cause, b.At, b.Server, w.session)
		}
		if (b.Recover == Unresolved) != unrec[c.brk] {
			fail("break %d (%s at %v): recovery %v disagrees with the pending list", c.brk, b.Cause, b.At, b.Recover)
		}
	}
	n, open := 0, 0
	for _, b := range r.Breaks {
		if b.Client == Unresolved {
			open++
		}
		if b.Server == Unresolved {
			open++
		}
	}
	for id := range w.conns {
		if w.conns[id].brk >= 0 {
			n++
		}
	}
	if n != len(r.Breaks) {
		fail("%d breaks recorded, %d connections broke", len(r.Breaks), n)
	}
	// Up to the horizon the client holds a broken connection exactly from
	// each break until it learns of it: time-weighted detection adds up.
	var byCause [NumCauses]int
	for _, b := range r.Breaks {
		byCause[b.Cause]++
		if b.At > h {
			fail("a break at %v, after the horizon %v, was counted", b.At, h)
		}
	}
	if broken := books.lanes[LaneConn].total[ConnBroken]; broken != books.unaware {
		fail("by the horizon the client held broken connections for %v, but its breaks add up to %v", broken, books.unaware)
	}
	if r.BrokenTime < books.unaware {
		fail("unnoticed time %v is less than the %v of the horizon", r.BrokenTime, books.unaware)
	}
	if w.openSides < 0 || (w.openSides == 0) != (open == 0) {
		fail("%d sides of breaks open by the count, %d by the breaks", w.openSides, open)
	}
	if r.Kills < byCause[CauseKill] {
		fail("%d kill breaks but %d kills", byCause[CauseKill], r.Kills)
	}
	return errors.Join(errs...)
}

// checkDozeFirewall verifies, under Options.Check, that a packet of kind k
// crossing the device's edge now (leaving, or read by the kernel) is one
// Doze lets through: read from the lanes, not from the rule that drops
// packets (doze_rules.go), so that a path that forgets the rule is caught.
func (w *World) checkDozeFirewall(k pktKind) {
	if !w.check || !w.android {
		return
	}
	idle := w.state(LaneDoze) == uint8(DozeIdle) || w.state(LaneLight) == uint8(LightIdle)
	if idle && !w.cfg.Platform.Android.ForegroundService && w.now() >= w.allowUntil && k != pktFin && k != pktReset {
		panic(invariantError(fmt.Sprintf("a %d packet crossed Doze's firewall at %v (doze %s, light %s)",
			k, w.now(), LaneDoze.StateName(w.state(LaneDoze)), LaneLight.StateName(w.state(LaneLight)))))
	}
}

package sim

import (
	"math"
	"time"
)

// This file is the drain after the horizon. A break that happens near the
// end of a replication would otherwise be cut off before either side learns
// of it, and counted as never detected; a restart written to come every 7d
// in a 7d run would be "undetected" in every replication. So at the horizon
// the books of cost close (per-hour and per-day metrics divide by the
// horizon and count nothing after it), the generators stop, and the run plays
// on until every break of the horizon has been learned of by both sides and
// repaired, and every push sent has arrived, or until DrainCap runs out.
// Breaks during the drain are not counted; what is still open at its end is
// censored at Result.End.

// minDrain is the shortest cap on the drain.
const minDrain = 2 * time.Hour

// DrainCap is how long the drain may run: max(2h, 4 × the longest timeout in
// play: the interval, the pong timeout, the longest reconnect backoff, the
// server's idle timeout, the NAT's, and on Android deep Doze's longest idle
// period).
func (c *Config) DrainCap() time.Duration {
	longest := max(c.EffectiveInterval(), c.ForegroundInterval(), c.App.Timeout, c.App.Reconnect.Max,
		c.ServerIdleTimeout(), c.Network.NATIdleTimeout, c.fleetLongest())
	if _, hi := c.PolicyRange(); hi > longest {
		longest = hi
	}
	if c.Platform.IsAndroid() {
		// A break in deep Doze may wait for the next maintenance window.
		longest = max(longest, c.Platform.Android.Doze.MaxIdle)
	}
	return max(minDrain, satMul(longest, 4))
}

// LatestEnd is the latest a run of c may stop: the horizon and the longest
// drain after it.
func (c *Config) LatestEnd() time.Duration { return later(c.Horizon, c.DrainCap()) }

// satMul is d × k, saturating at the largest duration.
func satMul(d time.Duration, k int64) time.Duration {
	if d > math.MaxInt64/time.Duration(k) {
		return math.MaxInt64
	}
	return d * time.Duration(k)
}

// horizonBooks is what closeHorizon keeps of the run at the horizon.
type horizonBooks struct {
	counters Counters
	lanes    [NumLanes]clock
	radio    radio
	// unaware is how long, by the horizon, the client held connections that
	// were dead: the breaks' detection latencies cut at the horizon. The
	// invariants hold it against the time the conn lane spent broken.
	unaware time.Duration
}

// unawareAt sums, over the breaks so far, the time until the client knew,
// or until t for those it does not know of yet.
func (w *World) unawareAt(t time.Duration) time.Duration {
	var sum time.Duration
	for _, b := range w.res.Breaks {
		if b.Client == Unresolved {
			sum += t - b.At
		} else {
			sum += b.Client
		}
	}
	return sum
}

// closeHorizon closes the books of cost at the horizon: lane times, radio
// and CPU energy and the counters stop here.
func (w *World) closeHorizon() {
	now := w.now()
	w.radioClose()
	for l := range w.lanes {
		w.lanes[l].close(now)
	}
	// radioClose booked the current state up to now, and the lanes' clocks
	// restart from now: the drain goes on from here without double counting.
	r := &w.res
	r.Promotions = w.radio.promotions
	w.books = horizonBooks{counters: r.Counters, lanes: w.lanes, radio: w.radio, unaware: w.unawareAt(now)}
	r.AppTime = [NumAppStates]time.Duration(w.lanes[LaneApp].total[:NumAppStates])
	r.UpTime = w.lanes[LaneConn].total[ConnUp]
	if !w.cfg.Platform.AlwaysAwake {
		r.CPUTime = r.AppTime[Background]
	}
	r.CPUJ = w.cfg.Device.CPUPower * r.CPUTime.Seconds()
	r.RadioJ = w.radio.energy
	r.RadioTime = [NumRadioStates]time.Duration(w.lanes[LaneRadio].total[:NumRadioStates])
	w.draining = true
	w.event(TraceHorizon, 0, 0, 0)
}

// settled reports whether nothing that began by the horizon is still open:
// every break learned of by both sides and repaired, every push arrived.
func (w *World) settled() bool {
	p := &w.res.Pushes
	return w.openSides == 0 && len(w.unrecovered) == 0 && p.Sent == p.Delivered+p.Lost+p.Dropped
}

// finish closes the run at its end: the counters go back to what they were at
// the horizon, and the time each break went unnoticed is summed.
func (w *World) finish() {
	r := &w.res
	r.Counters = w.books.counters
	r.End = w.now()
	r.Events = w.eng.Fired()
	r.BrokenTime = w.unawareAt(r.End)
	r.Pushes.Pending = r.Pushes.Sent - r.Pushes.Delivered - r.Pushes.Lost - r.Pushes.Dropped
}

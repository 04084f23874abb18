package sim

import "time"

// This file is the fleet: a NAT idle timeout (and a server idle timeout)
// drawn once per replication from a distribution, so that the replications
// are users behind different networks. The draws come from their own stream,
// before anything else, so replication k meets the same NAT under every
// interval and every policy (common random numbers). With
// redraw_on_handover, each handover moves the device behind a new NAT drawn
// from the same distribution.

// drawFleet sets the replication's NAT and server idle timeouts.
func (w *World) drawFleet() {
	c := w.cfg
	w.natIdle = c.Network.NATIdleTimeout
	if f := c.Network.NATIdleFleet; f != nil {
		w.natIdle = f.Sample(w.rng[streamFleet])
	}
	w.idleTimeout = c.ServerIdleTimeout()
	if f := c.Server.IdleTimeoutFleet; f != nil && c.Server.IdleTimeoutMultiple == 0 {
		w.idleTimeout = f.Sample(w.rng[streamFleet])
	}
	w.res.NATIdle, w.res.ServerIdle = w.natIdle, w.idleTimeout
	w.longestDrawn = max(w.natIdle, w.idleTimeout)
}

// redrawNAT moves the device behind a new NAT after a handover.
func (w *World) redrawNAT() {
	if f := w.cfg.Network.NATIdleFleet; f != nil && w.cfg.Network.RedrawOnHandover {
		w.natIdle = f.Sample(w.rng[streamFleet])
		w.longestDrawn = max(w.longestDrawn, w.natIdle)
	}
}

// fleetLongest is the longest idle timeout a fleet may draw, where its
// distribution has a largest value (the world adds what it drew).
func (c *Config) fleetLongest() time.Duration {
	var d time.Duration
	for _, f := range []*Dist{c.Network.NATIdleFleet, c.Server.IdleTimeoutFleet} {
		if f == nil {
			continue
		}
		if hi, ok := f.UpperEnd(); ok {
			d = max(d, hi)
		}
	}
	return d
}

// latestEnd is the latest this replication may stop: the config's, or
// longer when it drew a longer idle timeout than the config can know of.
func (w *World) latestEnd() time.Duration {
	return later(w.cfg.Horizon, max(w.cfg.DrainCap(), satMul(w.longestDrawn, 4)))
}

package scenarios

import (
	"time"

	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// network decodes the path: RTT, connect time, NAT and the outage and
// handover generators. A generator left out never fires.
func (d *decoder) network(path string, n *yaml.Node, nw *sim.Network) {
	f := d.section(path, n, "network")
	if f == nil {
		return
	}
	f.dist("rtt", &nw.RTT)
	f.dist("connect_time", &nw.ConnectTime)
	if f.has("nat_idle_timeout") {
		nat := sim.Fixed(nw.NATIdleTimeout)
		f.dist("nat_idle_timeout", &nat)
		nw.NATIdleTimeout, nw.NATIdleFleet = fleetOf(nat)
	}
	f.boolean("redraw_on_handover", &nw.RedrawOnHandover)
	if on := f.get("outages"); on != nil {
		g := d.section(child(path, "outages"), on, "network.outages")
		o := &sim.Outages{SignalsClient: true}
		g.require("every", "duration")
		g.dist("every", &o.Every)
		g.dist("duration", &o.Duration)
		g.boolean("signals_client", &o.SignalsClient)
		nw.Outages = o
	}
	if hn := f.get("handovers"); hn != nil {
		g := d.section(child(path, "handovers"), hn, "network.handovers")
		h := &sim.Handovers{}
		g.require("every")
		g.dist("every", &h.Every)
		nw.Handovers = h
	}
}

// server decodes the idle timeout and the restart and push generators.
func (d *decoder) server(path string, n *yaml.Node, s *sim.Server) {
	f := d.section(path, n, "server")
	if f == nil {
		return
	}
	if in := f.get("idle_timeout"); in != nil {
		d.idleTimeout(child(path, "idle_timeout"), in, s)
	}
	if rn := f.get("restarts"); rn != nil {
		g := d.section(child(path, "restarts"), rn, "server.restarts")
		r := &sim.Restarts{Kind: sim.Graceful}
		g.require("every", "downtime")
		g.dist("every", &r.Every)
		g.dist("downtime", &r.Downtime)
		if i := g.enum("kind", choicesOf("server.restarts.kind")...); i >= 0 {
			r.Kind = []sim.RestartKind{sim.Graceful, sim.Silent}[i]
		}
		s.Restarts = r
	}
	if pn := f.get("pushes"); pn != nil {
		g := d.section(child(path, "pushes"), pn, "server.pushes")
		p := &sim.Pushes{}
		g.require("per_hour")
		g.float("per_hour", &p.PerHour)
		if i := g.enum("when_offline", choicesOf("server.pushes.when_offline")...); i >= 0 {
			p.DropOffline = i == 1
		}
		if fn := g.get("fcm"); fn != nil {
			p.FCM = d.fcm(child(path, "pushes.fcm"), fn) // android.go
		}
		s.Pushes = p
	}
}

// idleTimeout decodes a duration (0: none) or a multiple of the interval (1.5x).
func (d *decoder) idleTimeout(path string, n *yaml.Node, s *sim.Server) {
	if n.Kind == yaml.MappingNode {
		if dist, ok := d.dist(path, n); ok {
			s.IdleTimeout, s.IdleTimeoutFleet = fleetOf(dist)
			s.IdleTimeoutMultiple = 0
		}
		return
	}
	v, ok := d.scalar(path, n, "a duration like 15m, a multiple of the interval like 1.5x, or a distribution")
	if !ok {
		return
	}
	if m, ok := parseMultiple(v); ok {
		s.IdleTimeout, s.IdleTimeoutMultiple = 0, m
		return
	}
	t, err := ParseDuration(v)
	if err != nil {
		d.errorf(n, path, "%v, or a multiple of the interval like 1.5x", err)
		return
	}
	s.IdleTimeout, s.IdleTimeoutMultiple = t, 0
}

// fleetOf splits a decoded timeout into a constant or a fleet's distribution.
func fleetOf(x sim.Dist) (time.Duration, *sim.Dist) {
	if x.Kind == sim.Const {
		return x.Value, nil
	}
	return 0, &x
}

package scenarios

import (
	"math"
	"time"

	"pingtune/sim"
)

// The size limits need to know, before anything runs, about how many events
// one replication processes and how much of its Result stays in memory until
// the run is summarised. Every generator counts: heartbeats (keepalives in
// the background, timer pings in the foreground), pushes, user sessions,
// outages, handovers, restarts and the scripted events.

// Events each happening brings, counting the reconnects it causes; the
// radio's state changes cost no event untraced (sim/radio_lazy.go).
// Assumptions: measured on the ios6 pattern over LTE and Wi-Fi with one
// generator at a time at a high rate (about 4 per ping, 4.3 per push, 10 per
// outage the client is told of and 35 per silent one, 16 per handover), then
// rounded up.
const (
	eventsPerPing     = 5
	eventsPerPush     = 5
	eventsPerSession  = 10
	eventsPerOutage   = 30
	eventsPerHandover = 15
	eventsPerRestart  = 30
	eventsPerScripted = 40
)

// Memory a replication's Result holds while it runs and until it is
// summarised (stats.Accumulator takes each result as it finishes): a Break
// is 48 B in the World's buffer, which append grows to up to twice its
// length, and in the Result's copy: 144 B. Push latencies go into a
// histogram of bounded size (stats/hist), nothing a push. Derived from the
// type sizes, not measured.
const (
	bytesPerPush  = 0
	bytesPerBreak = 144
)

// Memory the summaries keep for the whole run: per replication and
// interval, its scalars (stats.RepScalars, 14 float64, and the Point's
// RepValues, 7) with slice headroom, about 200 B; per latency sample, a
// packed histogram bucket (a uint32 index and a uint64 count), 12 B, but
// never more than the six histograms' every bucket (55 296 each) a interval.
const (
	bytesPerRepKept    = 200
	bytesPerSampleKept = 12
	maxHistBytes       = 6 * 55296 * 12
)

// term is one generator's share of a replication.
type term struct {
	field  string  // the field that sets its rate, for errors
	what   string  // "pushes", "keepalives", ...
	count  float64 // expected happenings in one replication
	events float64 // engine events they bring
	bytes  float64 // memory their results keep
	// samples are the latencies they bring (a push one, a break three).
	samples float64
}

// load is what one replication of cfg is expected to cost.
type load struct {
	terms []term
}

func (l load) events() float64 {
	var s float64
	for _, t := range l.terms {
		s += t.events
	}
	return s
}

func (l load) samples() float64 {
	var s float64
	for _, t := range l.terms {
		s += t.samples
	}
	return s
}

func (l load) bytes() float64 {
	var s float64
	for _, t := range l.terms {
		s += t.bytes
	}
	return s
}

// largest is the term that contributes most by f.
func (l load) largest(f func(term) float64) term {
	best := l.terms[0]
	for _, t := range l.terms[1:] {
		if f(t) > f(best) {
			best = t
		}
	}
	return best
}

// estimate is the expected load of one replication of cfg (at its own
// interval). A generator's count over a horizon H is H / E[min(gap, H)]: the
// mean of a heavy tail (a Weibull of shape 0.1 has a mean of thousands of
// years) would say it never fires, while its median gap may be minutes.
func estimate(cfg *sim.Config) load {
	h := float64(cfg.Horizon)
	per := func(gap float64) float64 { return h / math.Max(math.Min(gap, h), 1) }
	var l load
	add := func(field, what string, count, events, bytes float64) {
		samples := 0.0 // latencies: a push's one, a break's three
		switch {
		case what == "pushes":
			samples = 1
		default: // a break's share, bytesPerBreak each (ping breaks may be a fraction)
			samples = 3 * bytes / bytesPerBreak
		}
		l.terms = append(l.terms, term{field, what, count, count * events, count * bytes, count * samples})
	}

	// A NAT or an idle timeout shorter than the gap between background pings
	// breaks the connection once a ping, and each break brings a reconnect.
	// The keepalive handler fires in the foreground too; always-awake pings
	// follow the foreground interval there, counted with the sessions.
	pingBreaks, share := 0.0, 1.0
	if cfg.Platform.AlwaysAwake {
		share = 1 - foregroundShare(cfg)
	}
	if cfg.Platform.AlwaysAwake || cfg.Platform.Keepalive {
		gap, field, what := float64(cfg.App.Interval), "app.heartbeat.interval", "heartbeats"
		if cfg.App.Policy.Kind != sim.PolicyFixed {
			// A moving policy spends its time somewhere in its range: the
			// geometric middle of it, a rough guess the test holds within ×3.
			lo, hi := cfg.PolicyRange()
			gap, field = math.Sqrt(float64(lo)*float64(hi)), "app.heartbeat.policy"
		}
		if !cfg.Platform.AlwaysAwake {
			early := cfg.Platform.KeepaliveEarly.MeanNanos()
			gap = math.Max(float64(cfg.EffectiveInterval())-early, float64(time.Millisecond))
			what = "keepalives"
			if early > float64(cfg.EffectiveInterval())/2 {
				field = "platform.keepalive_early"
			}
		}
		if nat, idle := cfg.Network.NATIdleTimeout, cfg.ServerIdleTimeout(); nat > 0 && float64(nat) < gap || idle > 0 && float64(idle) < gap {
			pingBreaks = 1
		}
		// A fleet: the share of users whose NAT or server forgets them
		// between pings.
		for _, f := range []*sim.Dist{cfg.Network.NATIdleFleet, cfg.Server.IdleTimeoutFleet} {
			if f != nil && (f == cfg.Network.NATIdleFleet || cfg.Server.IdleTimeoutMultiple == 0) {
				pingBreaks = max(pingBreaks, f.CDF(time.Duration(gap)))
			}
		}
		add(field, what, share*per(gap), eventsPerPing+pingBreaks*eventsPerHandover, pingBreaks*bytesPerBreak)
	}
	if u := cfg.User; u.SessionsPerDay > 0 {
		sessions := h / float64(24*time.Hour) * u.SessionsPerDay
		add("user.sessions_per_day", "user sessions", sessions, eventsPerSession, 0)
		add("app.heartbeat.foreground_interval", "foreground pings", foregroundShare(cfg)*per(float64(cfg.ForegroundInterval())), eventsPerPing, 0)
	}
	if p := cfg.Server.Pushes; p != nil && p.PerHour > 0 {
		add("server.pushes.per_hour", "pushes", h/float64(time.Hour)*p.PerHour, eventsPerPush, bytesPerPush)
	}
	if o := cfg.Network.Outages; o != nil {
		add("network.outages.every", "outages", per(meanUpTo(o.Every, h)+meanUpTo(o.Duration, h)), eventsPerOutage, bytesPerBreak)
	}
	if hv := cfg.Network.Handovers; hv != nil {
		add("network.handovers.every", "handovers", per(meanUpTo(hv.Every, h)), eventsPerHandover, bytesPerBreak)
	}
	if r := cfg.Server.Restarts; r != nil {
		add("server.restarts.every", "server restarts", per(meanUpTo(r.Every, h)+meanUpTo(r.Downtime, h)), eventsPerRestart, bytesPerBreak)
	}
	add("events", "scripted events", float64(len(cfg.Events)), eventsPerScripted, bytesPerBreak)
	return l
}

// foregroundShare is the expected share of the time the user has the app
// open: sessions a day times their mean length, at most all of it.
func foregroundShare(cfg *sim.Config) float64 {
	u := cfg.User
	if u.SessionsPerDay <= 0 {
		return 0
	}
	return math.Min(1, u.SessionsPerDay*meanUpTo(u.SessionLength, float64(24*time.Hour))/float64(24*time.Hour))
}

// meanUpTo is E[min(X, h)] in nanoseconds for X drawn from d: exact for the
// shapes with a closed form, else the midpoint rule over 1000 quantiles,
// which is ample for an estimate.
func meanUpTo(d sim.Dist, h float64) float64 {
	v, hi := float64(d.Value), float64(d.Max)
	switch d.Kind {
	case sim.Const:
		return clamp(v, h)
	case sim.Exp:
		if v <= 0 {
			return 0
		}
		return v * -math.Expm1(-h/v)
	case sim.Uniform:
		switch {
		case h >= hi:
			return (v + hi) / 2
		case h <= v:
			return h
		}
		// The part below h averages (v+h)/2; the rest counts as h.
		return ((h-v)*(v+h)/2 + (hi-h)*h) / (hi - v)
	case sim.Empirical:
		var s float64
		for _, x := range d.Values {
			s += clamp(float64(x), h)
		}
		return s / float64(len(d.Values))
	}
	const n = 1000
	var s float64
	for i := range n {
		u := (float64(i) + 0.5) / n
		z := math.Sqrt2 * math.Erfinv(2*u-1) // the standard normal quantile
		var x float64
		switch d.Kind {
		case sim.Lognormal:
			x = v * math.Exp(d.Shape*z)
		case sim.Weibull:
			x = v * math.Pow(-math.Log1p(-u), 1/d.Shape)
		case sim.Normal:
			x = v + hi*z
		}
		s += clamp(x, h)
	}
	return s / n
}

// clamp limits x to [0, h]; NaN is 0.
func clamp(x, h float64) float64 {
	if !(x > 0) {
		return 0
	}
	return math.Min(x, h)
}

package sim

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// FieldError is a configuration value the model cannot run with. Field is the
// scenario's YAML path (server.idle_timeout, network.outages.every), so the
// scenarios package can point at the line that set it.
type FieldError struct {
	Field string
	Value string
	Msg   string
}

func (e *FieldError) Error() string {
	if e.Value == "" {
		return e.Field + ": " + e.Msg
	}
	return fmt.Sprintf("%s: %s (got %s)", e.Field, e.Msg, e.Value)
}

// MinInterval is the shortest heartbeat interval pingtune accepts.
const MinInterval = time.Millisecond

// MaxDuration is the longest duration a scenario may give anything: 100
// years of 365 days (36500d). Far beyond any horizon, it keeps the model's
// sums of times well inside int64; samples beyond it are clamped to it.
const MaxDuration = 36500 * 24 * time.Hour

// Validate checks every rule the model relies on and returns all violations
// joined, each a *FieldError.
func (c *Config) Validate() error {
	v := &validator{}
	v.name("name", c.Name)
	v.name("platform.name", c.Platform.Name)
	v.name("radio.name", c.Radio.Name)
	v.positive("horizon", c.Horizon)
	v.check(c.Replications >= 1, "replications", fmt.Sprint(c.Replications), "must be at least 1")
	v.check(c.MaxEvents >= 1, "max_events", fmt.Sprint(c.MaxEvents), "must be at least 1")

	p := &c.Platform
	if !p.AlwaysAwake {
		v.positive("platform.background_task_limit", p.BackgroundTaskLimit)
		v.nonNegative("platform.expiry_warning", p.ExpiryWarning)
		v.check(p.ExpiryWarning < p.BackgroundTaskLimit, "platform.expiry_warning", FormatDuration(p.ExpiryWarning),
			"must be shorter than platform.background_task_limit "+FormatDuration(p.BackgroundTaskLimit))
		v.nonNegative("platform.enter_background_grace", p.EnterBackgroundGrace)
		v.nonNegative("platform.relaunch_delay", p.RelaunchDelay)
		if p.Keepalive {
			v.positive("platform.wakeup_budget", p.WakeupBudget)
			v.nonNegative("platform.keepalive_min", p.KeepaliveMin)
			if v.dist("platform.keepalive_early", p.KeepaliveEarly) {
				v.keepaliveEarly(p.KeepaliveEarly, c.EffectiveInterval())
			}
		}
	}

	a := &c.App
	v.check(a.Interval >= MinInterval, "app.heartbeat.interval", FormatDuration(a.Interval), "must be at least 1ms")
	v.check(a.ForegroundInterval == 0 || a.ForegroundInterval >= MinInterval, "app.heartbeat.foreground_interval",
		FormatDuration(a.ForegroundInterval), "must be at least 1ms")
	v.positive("app.heartbeat.timeout", a.Timeout)
	v.check(int(a.BackgroundTask) < len(taskPolicyNames), "app.background_task", fmt.Sprint(a.BackgroundTask), "unknown policy")
	r := &a.Reconnect
	v.positive("app.reconnect.initial", r.Initial)
	v.check(r.Max >= r.Initial, "app.reconnect.max", FormatDuration(r.Max), "must not be shorter than app.reconnect.initial")
	v.check(r.Multiplier >= 1 && r.Multiplier <= 1000, "app.reconnect.multiplier", fmt.Sprint(r.Multiplier), "must be between 1 and 1000")
	v.check(r.Jitter >= 0 && r.Jitter < 1, "app.reconnect.jitter", fmt.Sprint(r.Jitter), "must be in [0, 1)")

	v.policy(&a.Policy)

	v.rate("user.sessions_per_day", c.User.SessionsPerDay)
	if c.User.SessionsPerDay > 0 {
		v.dist("user.session_length", c.User.SessionLength)
	}

	n := &c.Network
	v.dist("network.rtt", n.RTT)
	v.dist("network.connect_time", n.ConnectTime)
	v.nonNegative("network.nat_idle_timeout", n.NATIdleTimeout)
	if o := n.Outages; o != nil {
		v.every("network.outages.every", o.Every)
		v.dist("network.outages.duration", o.Duration)
	}
	if h := n.Handovers; h != nil {
		v.every("network.handovers.every", h.Every)
	}
	if n.NATIdleFleet != nil {
		v.dist("network.nat_idle_timeout", *n.NATIdleFleet)
	}

	s := &c.Server
	v.nonNegative("server.idle_timeout", s.IdleTimeout)
	if s.IdleTimeoutFleet != nil {
		v.dist("server.idle_timeout", *s.IdleTimeoutFleet)
	}
	v.check(s.IdleTimeoutMultiple >= 0 && s.IdleTimeoutMultiple <= 1000, "server.idle_timeout",
		fmt.Sprintf("%gx", s.IdleTimeoutMultiple), "a multiple must be between 0 and 1000")
	if m, eff := s.IdleTimeoutMultiple, c.EffectiveInterval(); m > 0 && m*float64(eff) > float64(MaxDuration) {
		v.check(false, "server.idle_timeout", fmt.Sprintf("%gx", m), fmt.Sprintf("that multiple of the effective interval %s is over %s",
			FormatDuration(eff), maxDurationText))
	}
	if rs := s.Restarts; rs != nil {
		v.every("server.restarts.every", rs.Every)
		v.dist("server.restarts.downtime", rs.Downtime)
	}
	if ps := s.Pushes; ps != nil {
		v.rate("server.pushes.per_hour", ps.PerHour)
	}

	rd := &c.Radio
	v.nonNegative("radio.promotion", rd.Promotion)
	v.power("radio.promotion_power", rd.PromotionPower)
	v.power("radio.active_power", rd.ActivePower)
	v.check(len(rd.Tail) <= MaxTailStages, "radio.tail", fmt.Sprint(len(rd.Tail), " stages"), fmt.Sprint("at most ", MaxTailStages, " stages"))
	for i, t := range rd.Tail {
		v.positive(fmt.Sprintf("radio.tail[%d].for", i), t.For)
		v.power(fmt.Sprintf("radio.tail[%d].power", i), t.Power)
	}
	v.nonNegative("radio.paging_cycle", rd.PagingCycle)
	if sp := rd.SmallPackets; sp != nil {
		v.check(sp.Stage >= 0 && sp.Stage < len(rd.Tail), "radio.small_packets.stage", fmt.Sprint(sp.Stage),
			fmt.Sprintf("must name a tail stage, 0 to %d", len(rd.Tail)-1))
		v.nonNegative("radio.small_packets.promotion", sp.Promotion)
		v.power("radio.small_packets.promotion_power", sp.PromotionPower)
	}

	d := &c.Device
	// Ranges wide enough for any battery, narrow enough that battery %/day
	// stays finite at the largest powers (a 1e-300 mAh battery made it +Inf).
	v.check(d.BatteryMAh >= 1 && d.BatteryMAh <= 1e7, "device.battery_mah", fmt.Sprint(d.BatteryMAh), "must be between 1 and 1e7")
	v.check(d.Voltage >= 0.1 && d.Voltage <= 1000, "device.voltage", fmt.Sprint(d.Voltage), "must be between 0.1 and 1000")
	v.power("device.cpu_power", d.CPUPower)

	for i, e := range c.Events {
		f := fmt.Sprintf("events[%d]", i)
		v.nonNegative(f+".at", e.At)
		v.nonNegative(f+".for", e.For)
		if e.Kind == ScriptNetworkDown || e.Kind == ScriptUserOpen {
			v.positive(f+".for", e.For)
		}
	}
	v.validateAndroid(c)
	v.bounds(c)
	return errors.Join(v.errs...)
}

type validator struct{ errs []error }

func (v *validator) check(ok bool, field, value, msg string) {
	if !ok {
		v.errs = append(v.errs, &FieldError{Field: field, Value: value, Msg: msg})
	}
}

func (v *validator) positive(field string, d time.Duration) {
	v.check(d > 0, field, FormatDuration(d), "must be positive")
}

func (v *validator) nonNegative(field string, d time.Duration) {
	v.check(d >= 0, field, FormatDuration(d), "must not be negative")
}

func (v *validator) rate(field string, x float64) {
	v.check(x >= 0 && x <= 1e6 && !math.IsNaN(x), field, fmt.Sprint(x), "must be between 0 and 1e6")
}

func (v *validator) power(field string, w float64) {
	v.check(w >= 0 && w <= 1e4 && !math.IsNaN(w), field, fmt.Sprintf("%gW", w), "must be between 0 and 10 kW")
}

// every checks the gap distribution of a generator: a zero mean would fire
// forever at one instant. The mean is taken in float64: a heavy tail's can be
// thousands of years, which is no fault (draws are clamped to MaxDuration).
func (v *validator) every(field string, d Dist) {
	if v.dist(field, d) {
		v.check(d.MeanNanos() >= float64(time.Millisecond), field, d.String(), "must have a mean of at least 1ms")
	}
}

// keepaliveEarly checks that the keepalive handler cannot fire a whole
// effective interval early: the next firing would come 1ms later, again and
// again, a flood no max_events can help.
func (v *validator) keepaliveEarly(d Dist, eff time.Duration) {
	const field = "platform.keepalive_early"
	hi, bounded := d.UpperEnd()
	switch {
	case !bounded:
		v.check(false, field, d.String(), fmt.Sprintf("must stay below the effective interval %s, but this distribution has no upper end; use a constant, a uniform or an empirical one",
			FormatDuration(eff)))
	case hi >= eff:
		v.check(false, field, d.String(), fmt.Sprintf("must stay below the effective interval %s (its upper end is %s): the handler would fire again 1ms after firing that early",
			FormatDuration(eff), FormatDuration(hi)))
	}
}

// maxDurationText names MaxDuration in messages.
var maxDurationText = FormatDuration(MaxDuration) + " (100 years)"

// bounds checks that no duration exceeds MaxDuration.
func (v *validator) bounds(c *Config) {
	p, a := &c.Platform, &c.App
	for _, f := range []struct {
		field string
		d     time.Duration
	}{
		{"horizon", c.Horizon},
		{"platform.keepalive_min", p.KeepaliveMin},
		{"platform.wakeup_budget", p.WakeupBudget},
		{"platform.background_task_limit", p.BackgroundTaskLimit},
		{"platform.enter_background_grace", p.EnterBackgroundGrace},
		{"platform.expiry_warning", p.ExpiryWarning},
		{"platform.relaunch_delay", p.RelaunchDelay},
		{"app.heartbeat.interval", a.Interval},
		{"app.heartbeat.foreground_interval", a.ForegroundInterval},
		{"app.heartbeat.timeout", a.Timeout},
		{"app.reconnect.initial", a.Reconnect.Initial},
		{"app.reconnect.max", a.Reconnect.Max},
		{"network.nat_idle_timeout", c.Network.NATIdleTimeout},
		{"server.idle_timeout", c.Server.IdleTimeout},
		{"radio.promotion", c.Radio.Promotion},
	} {
		v.atMost(f.field, f.d)
	}
	for i, t := range c.Radio.Tail {
		v.atMost(fmt.Sprintf("radio.tail[%d].for", i), t.For)
	}
	for i, e := range c.Events {
		v.atMost(fmt.Sprintf("events[%d].at", i), e.At)
		v.atMost(fmt.Sprintf("events[%d].for", i), e.For)
	}
	v.distAtMost("platform.keepalive_early", p.KeepaliveEarly)
	v.distAtMost("user.session_length", c.User.SessionLength)
	v.distAtMost("network.rtt", c.Network.RTT)
	v.distAtMost("network.connect_time", c.Network.ConnectTime)
	if o := c.Network.Outages; o != nil {
		v.distAtMost("network.outages.every", o.Every)
		v.distAtMost("network.outages.duration", o.Duration)
	}
	if h := c.Network.Handovers; h != nil {
		v.distAtMost("network.handovers.every", h.Every)
	}
	if r := c.Server.Restarts; r != nil {
		v.distAtMost("server.restarts.every", r.Every)
		v.distAtMost("server.restarts.downtime", r.Downtime)
	}
}

// atMost checks one duration against MaxDuration.
func (v *validator) atMost(field string, d time.Duration) {
	v.check(d <= MaxDuration, field, FormatDuration(d), "must be at most "+maxDurationText)
}

// distAtMost checks a distribution's durations against MaxDuration, under
// the paths the scenario writes them at.
func (v *validator) distAtMost(field string, d Dist) {
	switch d.Kind {
	case Const:
		v.atMost(field, d.Value)
	case Exp:
		v.atMost(field+".exp", d.Value)
	case Uniform:
		v.atMost(field+".uniform[0]", d.Value)
		v.atMost(field+".uniform[1]", d.Max)
	case Lognormal:
		v.atMost(field+".lognormal.median", d.Value)
	case Weibull:
		v.atMost(field+".weibull.scale", d.Value)
	case Normal:
		v.check(d.Value >= -MaxDuration && d.Value <= MaxDuration, field+".normal.mean", FormatDuration(d.Value),
			"must be between -"+FormatDuration(MaxDuration)+" and "+maxDurationText)
		v.atMost(field+".normal.sd", d.Max)
	case Empirical:
		for i, x := range d.Values {
			v.atMost(fmt.Sprintf("%s.empirical[%d]", field, i), x)
		}
	}
}

// dist checks a distribution's parameters and reports whether they are valid.
func (v *validator) dist(field string, d Dist) bool {
	n := len(v.errs)
	switch d.Kind {
	case Const:
		v.nonNegative(field, d.Value)
	case Exp:
		v.check(d.Value > 0, field+".exp", FormatDuration(d.Value), "the mean must be positive")
	case Uniform:
		v.check(d.Value >= 0 && d.Max >= d.Value, field+".uniform", d.String(), "needs 0 <= low <= high")
	case Lognormal:
		v.check(d.Value > 0, field+".lognormal.median", FormatDuration(d.Value), "must be positive")
		v.check(d.Shape >= 0 && d.Shape <= 10, field+".lognormal.sigma", fmt.Sprint(d.Shape), "must be between 0 and 10")
	case Weibull:
		v.check(d.Value > 0, field+".weibull.scale", FormatDuration(d.Value), "must be positive")
		v.check(d.Shape >= 0.05 && d.Shape <= 100, field+".weibull.shape", fmt.Sprint(d.Shape), "must be between 0.05 and 100")
	case Normal:
		v.check(d.Max >= 0, field+".normal.sd", FormatDuration(d.Max), "must not be negative")
	case Empirical:
		v.check(len(d.Values) > 0, field+".empirical", "[]", "needs at least one value")
		for _, x := range d.Values {
			if x < 0 {
				v.check(false, field+".empirical", FormatDuration(x), "values must not be negative")
				break
			}
		}
	default:
		v.check(false, field, fmt.Sprint(d.Kind), "unknown distribution")
	}
	return len(v.errs) == n
}

// name checks a name that reports and file names will carry.
func (v *validator) name(field, s string) {
	ok := s != "" && len(s) <= 200
	for _, r := range s {
		if r < ' ' || r == 0x7f {
			ok = false
		}
	}
	v.check(ok, field, fmt.Sprintf("%q", s), "must be 1 to 200 printable characters")
}

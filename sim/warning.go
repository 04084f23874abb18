package sim

import (
	"fmt"
	"time"
)

// WarningKind is what a Warning is about.
type WarningKind uint8

const (
	// WarnClamped: the interval is below the platform's keepalive minimum,
	// which it runs at instead (Interval, Limit: the minimum, Platform).
	WarnClamped WarningKind = iota
	// WarnNoKeepalive: the platform has no keepalive handler (Platform).
	WarnNoKeepalive
	// WarnServerIdle: the server's idle timeout (Setting) is not longer than
	// the effective interval (Interval).
	WarnServerIdle
	// WarnLateEvents: Count scripted events come after the horizon (Setting).
	WarnLateEvents
	// WarnNATIdle: the NAT's idle timeout (Setting) is not longer than the
	// effective interval (Interval).
	WarnNATIdle
	// WarnOneReplication: one replication, so no 95% intervals (added by
	// stats.Summarize).
	WarnOneReplication
	// WarnPolicyClamped: the heartbeat policy (Policy) may choose intervals
	// down to Interval, below the platform's keepalive minimum (Limit,
	// Platform), which it runs at instead.
	WarnPolicyClamped
	// WarnDozeDefers: on Android, deep Doze defers the exact heartbeat
	// alarm to its maintenance windows, Limit (the first idle period) and
	// more apart (Platform).
	WarnDozeDefers
	// WarnWhileIdle: on Android, the while-idle limit spaces the heartbeat
	// in deep Doze to Limit on average, more than the interval (Interval).
	WarnWhileIdle
)

// Warning is one thing a user should know about a configuration before
// trusting its numbers: a kind and the values it is about. String words it;
// results.json and the summaries write that text.
type Warning struct {
	Kind     WarningKind
	Platform string        // WarnClamped, WarnNoKeepalive
	Interval time.Duration // the interval as given (WarnClamped) or as run (WarnServerIdle, WarnNATIdle)
	Limit    time.Duration // WarnClamped: the keepalive minimum
	Setting  time.Duration // the timeout or the horizon it is about
	Count    int           // WarnLateEvents
	Policy   string        // WarnPolicyClamped: the policy's name
}

func (w Warning) String() string {
	switch w.Kind {
	case WarnClamped:
		return fmt.Sprintf("app.heartbeat.interval %s is below the %s keepalive minimum; the platform clamps it to %s",
			FormatDuration(w.Interval), w.Platform, FormatDuration(w.Limit))
	case WarnNoKeepalive:
		return fmt.Sprintf("platform %s has no keepalive handler: a suspended app sends no pings, so the interval only applies in the foreground",
			w.Platform)
	case WarnServerIdle:
		return fmt.Sprintf("server.idle_timeout %s is not longer than the effective interval %s: the server will drop healthy connections",
			FormatDuration(w.Setting), FormatDuration(w.Interval))
	case WarnLateEvents:
		return fmt.Sprintf("%d of the scripted events come after the horizon %s and never happen", w.Count, FormatDuration(w.Setting))
	case WarnNATIdle:
		return fmt.Sprintf("network.nat_idle_timeout %s is not longer than the effective interval %s: the NAT will forget the connection between pings",
			FormatDuration(w.Setting), FormatDuration(w.Interval))
	case WarnOneReplication:
		return "one replication: the 95% intervals are not meaningful"
	case WarnDozeDefers:
		return fmt.Sprintf("platform %s: in deep Doze the exact heartbeat alarm waits for the maintenance windows, %s to %s apart; use app.heartbeat.alarm: allow_while_idle to ping in Doze",
			w.Platform, FormatDuration(w.Limit), FormatDuration(w.Setting))
	case WarnWhileIdle:
		return fmt.Sprintf("platform %s: in deep Doze the while-idle alarm limit spaces the heartbeat %s apart on average, not app.heartbeat.interval %s",
			w.Platform, FormatDuration(w.Limit), FormatDuration(w.Interval))
	case WarnPolicyClamped:
		return fmt.Sprintf("app.heartbeat.policy %s may choose intervals down to %s, below the %s keepalive minimum; the platform clamps them to %s",
			w.Policy, FormatDuration(w.Interval), w.Platform, FormatDuration(w.Limit))
	}
	return fmt.Sprintf("warning kind %d", w.Kind)
}

// MarshalText writes the warning as results.json has it: its text.
func (w Warning) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// SameBut reports whether w and o are the same warning but for the
// durations they name (the interval the sweep was at, and the timeouts that
// follow it): a sweep's report lists such warnings once.
func (w Warning) SameBut(o Warning) bool {
	return w.Kind == o.Kind && w.Platform == o.Platform && w.Count == o.Count && w.Policy == o.Policy
}

package sim

import (
	"fmt"
	"time"
)

// This file is the seam between the world and the app's choice of heartbeat
// interval. A policy sees only what a real client sees (a pong came back, a
// ping went unanswered, the network changed) and the idle gap it measured
// before each ping; it never sees the NAT's or the server's timeout. A new
// policy is one file: a type with the heartbeatPolicy methods and a case in
// newPolicy.

// PolicyKind names how the app chooses its background interval.
type PolicyKind uint8

// The heartbeat policies.
const (
	PolicyFixed    PolicyKind = iota // app.heartbeat.interval, always (policy_fixed.go)
	PolicyAdaptive                   // the Tencent Mars smart heartbeat rules (policy_adaptive.go)
	PolicyProbe                      // search for the NAT's binding timeout (policy_probe.go)
)

var policyNames = [...]string{"fixed", "adaptive", "probe"}

func (k PolicyKind) String() string {
	if int(k) < len(policyNames) {
		return policyNames[k]
	}
	return fmt.Sprintf("PolicyKind(%d)", k)
}

// PolicyNames lists the policy names as the YAML writes them.
func PolicyNames() []string { return policyNames[:] }

// Policy is the app's heartbeat policy and its parameters.
type Policy struct {
	Kind     PolicyKind
	Adaptive Adaptive // PolicyAdaptive
	Probe    Probe    // PolicyProbe
}

// observation is what the client saw of one heartbeat, or of the network.
type observation uint8

const (
	obsPong          observation = iota // the pong came back in time
	obsTimeout                          // the ping went unanswered for app.heartbeat.timeout
	obsNetworkChange                    // the OS reported a handover or the interface going down
)

// heartbeatPolicy is one replication's policy state.
type heartbeatPolicy interface {
	// interval is the background interval the policy wants now (before the
	// platform's clamp).
	interval() time.Duration
	// observe tells it what happened to a ping sent after an idle gap of gap
	// (for obsNetworkChange, gap is 0).
	observe(o observation, gap time.Duration)
	// settled reports whether it has stopped searching.
	settled() bool
}

// DefaultEvidenceGap: a ping after an idle gap shorter than this fraction of
// the interval proves nothing about the interval (it followed a reconnect, a
// foreground ping, or an early keepalive). An assumption, not from a source
// (app.heartbeat.adaptive.evidence_gap, .probe.evidence_gap): it only has to
// sit between the keepalive handler's early firing and the gap that follows
// a reconnect.
const DefaultEvidenceGap = 0.9

// tests reports whether a ping after gap tests interval t, for a policy
// that takes a gap of at least the fraction evidence of it.
func tests(gap, t time.Duration, evidence float64) bool {
	return float64(gap) >= evidence*float64(t)
}

// newPolicy builds the replication's policy state.
func newPolicy(c *Config) heartbeatPolicy {
	switch c.App.Policy.Kind {
	case PolicyAdaptive:
		return newAdaptive(c.App.Policy.Adaptive, c.App.Interval)
	case PolicyProbe:
		return newProbe(c.App.Policy.Probe)
	}
	return fixedPolicy(c.App.Interval)
}

// clampInterval is t as the platform runs it: raised to its IntervalFloor.
func (p *Platform) clampInterval(t time.Duration) time.Duration { return max(t, p.IntervalFloor()) }

// PolicyRange is the shortest and longest background interval the policy
// may choose (before the platform's clamp).
func (c *Config) PolicyRange() (lo, hi time.Duration) {
	switch p := c.App.Policy; p.Kind {
	case PolicyAdaptive:
		return p.Adaptive.Min, p.Adaptive.Max
	case PolicyProbe:
		return p.Probe.Min, p.Probe.Max
	}
	return c.App.Interval, c.App.Interval
}

// policyWarnings says when the policy may choose intervals the platform
// will not run.
func (c *Config) policyWarnings() []Warning {
	if c.App.Policy.Kind == PolicyFixed {
		return nil
	}
	lo, _ := c.PolicyRange()
	if eff := c.Platform.clampInterval(lo); eff != lo {
		return []Warning{{Kind: WarnPolicyClamped, Policy: c.App.Policy.Kind.String(), Interval: lo, Limit: eff, Platform: c.Platform.Name}}
	}
	return nil
}

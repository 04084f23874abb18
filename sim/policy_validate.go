package sim

import "fmt"

// policy checks the heartbeat policy's parameters.
func (v *validator) policy(p *Policy) {
	v.check(int(p.Kind) < len(policyNames), "app.heartbeat.policy", fmt.Sprint(p.Kind), "unknown policy")
	// Fractions are checked whatever the policy, as the decoder reads them.
	v.evidence("app.heartbeat.adaptive.evidence_gap", p.Adaptive.EvidenceGap)
	v.evidence("app.heartbeat.probe.evidence_gap", p.Probe.EvidenceGap)
	switch p.Kind {
	case PolicyAdaptive:
		a := &p.Adaptive
		v.check(a.Min >= MinInterval, "app.heartbeat.adaptive.min", FormatDuration(a.Min), "must be at least 1ms")
		v.check(a.Max >= a.Min, "app.heartbeat.adaptive.max", FormatDuration(a.Max), "must not be shorter than min")
		v.positive("app.heartbeat.adaptive.step", a.Step)
		v.nonNegative("app.heartbeat.adaptive.backoff", a.Backoff)
		v.check(a.Successes >= 1, "app.heartbeat.adaptive.successes", fmt.Sprint(a.Successes), "must be at least 1")
		v.check(a.Failures >= 1, "app.heartbeat.adaptive.failures", fmt.Sprint(a.Failures), "must be at least 1")
	case PolicyProbe:
		r := &p.Probe
		v.check(int(r.Search) < len(searchNames), "app.heartbeat.probe.search", fmt.Sprint(r.Search), "unknown search")
		v.check(r.Min >= MinInterval, "app.heartbeat.probe.min", FormatDuration(r.Min), "must be at least 1ms")
		v.check(r.Max > r.Min, "app.heartbeat.probe.max", FormatDuration(r.Max), "must be longer than min")
		v.positive("app.heartbeat.probe.resolution", r.Resolution)
		v.positive("app.heartbeat.probe.step", r.Step)
	}
}

// evidence checks an evidence gap: a fraction in [0, 1].
func (v *validator) evidence(field string, x float64) {
	v.check(x >= 0 && x <= 1, field, fmt.Sprint(x), "must be between 0 and 1")
}

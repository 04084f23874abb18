package scenarios

import (
	"strconv"

	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// policy decodes app.heartbeat.policy and its parameters (a policy's
// parameters are kept, and unused, when another policy is chosen).
func (d *decoder) policy(path string, g *fields, p *sim.Policy) {
	if g == nil {
		return
	}
	if i := g.enum("policy", choicesOf("app.heartbeat.policy")...); i >= 0 {
		p.Kind = sim.PolicyKind(i)
	}
	if n := g.get("adaptive"); n != nil {
		d.adaptive(child(path, "adaptive"), n, &p.Adaptive)
	}
	if n := g.get("probe"); n != nil {
		d.probe(child(path, "probe"), n, &p.Probe)
	}
}

func (d *decoder) adaptive(path string, n *yaml.Node, a *sim.Adaptive) {
	f := d.section(path, n, "app.heartbeat.adaptive")
	if f == nil {
		return
	}
	f.duration("min", &a.Min)
	f.duration("max", &a.Max)
	f.duration("step", &a.Step)
	f.count("successes", &a.Successes)
	f.count("failures", &a.Failures)
	f.duration("backoff", &a.Backoff)
	f.float("evidence_gap", &a.EvidenceGap)
}

func (d *decoder) probe(path string, n *yaml.Node, p *sim.Probe) {
	f := d.section(path, n, "app.heartbeat.probe")
	if f == nil {
		return
	}
	if i := f.enum("search", choicesOf("app.heartbeat.probe.search")...); i >= 0 {
		p.Search = sim.SearchKind(i)
	}
	f.duration("min", &p.Min)
	f.duration("max", &p.Max)
	f.duration("resolution", &p.Resolution)
	f.duration("step", &p.Step)
	f.float("evidence_gap", &p.EvidenceGap)
}

// count reads a count of pings, from 1 to 1000 as the field table says.
func (f *fields) count(name string, dst *int) {
	n := f.get(name)
	if n == nil {
		return
	}
	path := child(f.path, name)
	v := f.d.integer(path, n, 32)
	if v < 1 || v > 1000 {
		f.d.errorf(n, path, "must be between 1 and 1000 (got %d)", v)
		return
	}
	*dst = int(v)
}

// heartbeatNode writes app.heartbeat: the policy and its parameters only
// when it is not fixed, so that a fixed scenario reads as it always did.
func heartbeatNode(a *sim.App) *yaml.Node {
	hb := flowMap("interval", dur(a.Interval), "timeout", dur(a.Timeout), "foreground_interval", dur(a.ForegroundInterval))
	if a.Alarm != sim.AlarmExact {
		add(hb, "alarm", str(a.Alarm.String()))
	}
	switch p := &a.Policy; p.Kind {
	case sim.PolicyAdaptive:
		hb.Style = 0
		ad := &p.Adaptive
		add(hb, "policy", str(p.Kind.String()))
		add(hb, "adaptive", flowMap("min", dur(ad.Min), "max", dur(ad.Max), "step", dur(ad.Step),
			"successes", num(strconv.Itoa(ad.Successes)), "failures", num(strconv.Itoa(ad.Failures)), "backoff", dur(ad.Backoff),
			"evidence_gap", float(ad.EvidenceGap)))
	case sim.PolicyProbe:
		hb.Style = 0
		pr := &p.Probe
		add(hb, "policy", str(p.Kind.String()))
		add(hb, "probe", flowMap("search", str(pr.Search.String()), "min", dur(pr.Min), "max", dur(pr.Max),
			"resolution", dur(pr.Resolution), "step", dur(pr.Step), "evidence_gap", float(pr.EvidenceGap)))
	}
	return hb
}

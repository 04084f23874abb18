package scenarios

import (
	"strings"
	"time"

	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// distKinds are the keys of a distribution mapping, in sim.DistKind order
// after Const (fields.go).
func distKinds() []string { return distributionKeys() }

// dist decodes a distribution: a plain duration (a constant) or a mapping
// with one key naming the shape. Parameter ranges are left to
// sim.Config.Validate, which reports them under the same paths
// (network.rtt.uniform, network.outages.duration.lognormal.sigma).
func (d *decoder) dist(path string, n *yaml.Node) (sim.Dist, bool) {
	switch {
	case n.Kind == yaml.ScalarNode && !isNull(n):
		v, ok := d.duration(path, n)
		return sim.Fixed(v), ok
	case n.Kind != yaml.MappingNode:
		d.errorf(n, path, "want a duration like 90s or a distribution like {exp: 8h}, got %s", describe(n))
		return sim.Dist{}, false
	}
	before := len(d.errs)
	f := d.mappingOf(path, n, "a distribution", "distribution", distKinds())
	if f == nil {
		return sim.Dist{}, false
	}
	var kinds []string
	for _, k := range distKinds() {
		if f.has(k) {
			kinds = append(kinds, k)
		}
	}
	switch len(kinds) {
	case 0:
		if len(d.errs) == before {
			d.errorf(n, path, "empty distribution (want a mapping with one key: %s)", oneOf(distKinds()))
		}
		return sim.Dist{}, false
	case 1:
	default:
		d.errorf(n, path, "a distribution has exactly one key, got %s", strings.Join(kinds, " and "))
		return sim.Dist{}, false
	}
	k := kinds[0]
	p := child(path, k)
	v := f.get(k)
	if v == nil {
		return sim.Dist{}, false
	}
	switch k {
	case "exp":
		mean, ok := d.duration(p, v)
		return sim.Dist{Kind: sim.Exp, Value: mean}, ok
	case "uniform":
		items, ok := d.list(p, v, "a list [low, high]")
		if !ok {
			return sim.Dist{}, false
		}
		if len(items) != 2 {
			d.errorf(v, p, "want two durations [low, high], got a list of %d", len(items))
			return sim.Dist{}, false
		}
		lo, ok1 := d.listDuration(p, items, 0)
		hi, ok2 := d.listDuration(p, items, 1)
		return sim.Dist{Kind: sim.Uniform, Value: lo, Max: hi}, ok1 && ok2
	case "lognormal":
		g := d.params(p, v, "lognormal")
		dist := sim.Dist{Kind: sim.Lognormal}
		g.duration("median", &dist.Value)
		g.float("sigma", &dist.Shape)
		return dist, g.require("median", "sigma")
	case "weibull":
		g := d.params(p, v, "weibull")
		dist := sim.Dist{Kind: sim.Weibull}
		g.duration("scale", &dist.Value)
		g.float("shape", &dist.Shape)
		return dist, g.require("scale", "shape")
	case "normal":
		g := d.params(p, v, "normal")
		dist := sim.Dist{Kind: sim.Normal}
		g.duration("mean", &dist.Value)
		g.duration("sd", &dist.Max)
		return dist, g.require("mean", "sd")
	}
	// empirical
	items, ok := d.list(p, v, "a list of durations")
	if !ok {
		return sim.Dist{}, false
	}
	if len(items) == 0 {
		d.errorf(v, p, "needs at least one value")
		return sim.Dist{}, false
	}
	dist := sim.Dist{Kind: sim.Empirical, Values: make([]time.Duration, len(items))}
	for i := range items {
		x, ok1 := d.listDuration(p, items, i)
		dist.Values[i] = x
		ok = ok && ok1
	}
	return dist, ok
}

// params decodes the parameter mapping of a distribution of the given kind.
func (d *decoder) params(path string, n *yaml.Node, kind string) *fields {
	keys := distributionParams(kind)
	return d.mapping(path, n, "a mapping {"+strings.Join(keys, ", ")+"}", keys...)
}

// listDuration decodes items[i] as a duration.
func (d *decoder) listDuration(path string, items []*yaml.Node, i int) (time.Duration, bool) {
	n := d.visit(items[i])
	if n == nil {
		return 0, false
	}
	if parts := strings.Fields(n.Value); n.Kind == yaml.ScalarNode && len(parts) > 1 && allDurations(parts) {
		d.errorf(n, index(path, i), "%q is %d durations in one list item: a comma missing? (write %s)",
			n.Value, len(parts), strings.Join(parts, ", "))
		return 0, false
	}
	return d.duration(index(path, i), n)
}

// allDurations reports whether every one of parts is a duration.
func allDurations(parts []string) bool {
	for _, p := range parts {
		if _, err := ParseDuration(p); err != nil {
			return false
		}
	}
	return true
}

// formatDist writes a distribution in the flow form dist reads.
func formatDist(x sim.Dist) *yaml.Node {
	switch x.Kind {
	case sim.Exp:
		return flowMap("exp", dur(x.Value))
	case sim.Uniform:
		return flowMap("uniform", flowSeq(dur(x.Value), dur(x.Max)))
	case sim.Lognormal:
		return flowMap("lognormal", flowMap("median", dur(x.Value), "sigma", float(x.Shape)))
	case sim.Weibull:
		return flowMap("weibull", flowMap("scale", dur(x.Value), "shape", float(x.Shape)))
	case sim.Normal:
		return flowMap("normal", flowMap("mean", dur(x.Value), "sd", dur(x.Max)))
	case sim.Empirical:
		items := make([]*yaml.Node, len(x.Values))
		for i, v := range x.Values {
			items[i] = dur(v)
		}
		return flowMap("empirical", flowSeq(items...))
	}
	return dur(x.Value)
}

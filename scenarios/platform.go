package scenarios

import (
	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// platform decodes a preset name, or a mapping that starts from a preset (or,
// without one, from all zeros and the name "custom") and overrides fields.
func (d *decoder) platform(path string, n *yaml.Node) sim.Platform {
	want := "a platform preset (" + oneOf(PlatformPresets()) + ") or a mapping {preset: ios6, ...}"
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		return d.platformPreset(path, n)
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want %s, got %s", want, describe(n))
		return sim.Platform{}
	}
	f := d.mapping(path, n, want, keysOf("platform")...)
	p := sim.Platform{Name: "custom"}
	delete(d.presets, path)
	if pn := f.get("preset"); pn != nil {
		if _, ok := d.scalar(child(path, "preset"), pn, "a platform preset name"); ok {
			p = d.platformPreset(child(path, "preset"), pn)
		}
	}
	if ln := f.get("name"); ln != nil {
		p.Name = d.label(child(path, "name"), ln)
	}
	f.boolean("always_awake", &p.AlwaysAwake)
	f.boolean("keepalive", &p.Keepalive)
	f.duration("keepalive_min", &p.KeepaliveMin)
	f.dist("keepalive_early", &p.KeepaliveEarly)
	f.duration("wakeup_budget", &p.WakeupBudget)
	f.duration("background_task_limit", &p.BackgroundTaskLimit)
	f.duration("enter_background_grace", &p.EnterBackgroundGrace)
	f.duration("expiry_warning", &p.ExpiryWarning)
	f.boolean("wake_on_socket_data", &p.WakeOnSocketData)
	f.boolean("wake_on_socket_close", &p.WakeOnSocketClose)
	f.boolean("relaunch_after_kill", &p.RelaunchAfterKill)
	f.duration("relaunch_delay", &p.RelaunchDelay)
	d.platformAndroid(path, f, &p) // android.go
	return p
}

func (d *decoder) platformPreset(path string, n *yaml.Node) sim.Platform {
	p, ok := PlatformPreset(n.Value)
	if !ok {
		d.errorf(n, path, "unknown platform preset %q (%s)", n.Value, hint(n.Value, PlatformPresets()))
	}
	d.presets[parentSection(path)] = n.Value
	return p
}

// parentSection is platform for both platform and platform.preset.
func parentSection(path string) string {
	if p := parent(path); p != "" {
		return p
	}
	return path
}

// radio decodes a preset name, or a mapping that starts from a preset and
// overrides fields; without a preset every power-state field is required.
func (d *decoder) radio(path string, n *yaml.Node) sim.Radio {
	want := "a radio preset (" + oneOf(RadioPresets()) + ") or a mapping {promotion, promotion_power, active_power, tail, small_packets}"
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		return d.radioPreset(path, n)
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want %s, got %s", want, describe(n))
		return sim.Radio{}
	}
	f := d.mapping(path, n, want, keysOf("radio")...)
	if f == nil {
		return sim.Radio{}
	}
	r := sim.Radio{Name: "custom"}
	delete(d.presets, path)
	if !f.has("preset") {
		f.require("promotion", "promotion_power", "active_power", "tail")
	} else if pn := f.get("preset"); pn != nil {
		if _, ok := d.scalar(child(path, "preset"), pn, "a radio preset name"); ok {
			r = d.radioPreset(child(path, "preset"), pn)
		}
	}
	if ln := f.get("name"); ln != nil {
		r.Name = d.label(child(path, "name"), ln)
	}
	f.duration("promotion", &r.Promotion)
	f.power("promotion_power", &r.PromotionPower)
	f.power("active_power", &r.ActivePower)
	f.duration("paging_cycle", &r.PagingCycle)
	if tn := f.get("tail"); tn != nil {
		p := child(path, "tail")
		items, _ := d.list(p, tn, "a list of tail stages like [{for: 11.576s, power: 1060mW}]")
		r.Tail = nil
		for i, item := range items {
			if item = d.visit(item); item == nil {
				break
			}
			g := d.mapping(index(p, i), item, "a tail stage {for, power}", keysOf("radio.tail")...)
			var st sim.TailStage
			g.require("for", "power")
			g.duration("for", &st.For)
			g.power("power", &st.Power)
			r.Tail = append(r.Tail, st)
		}
	}
	if sn := f.get("small_packets"); sn != nil {
		r.SmallPackets = d.smallPackets(child(path, "small_packets"), sn, r.SmallPackets)
	}
	return r
}

// smallPackets decodes a radio's shared-channel path: none, or a mapping
// {stage, promotion, promotion_power} that overrides the preset's fields
// (all three are required when the preset has none).
func (d *decoder) smallPackets(path string, n *yaml.Node, from *sim.SmallPackets) *sim.SmallPackets {
	if n.Kind == yaml.ScalarNode && n.Value == "none" {
		return nil
	}
	g := d.mapping(path, n, "none or a mapping {stage, promotion, promotion_power}", keysOf("radio.small_packets")...)
	if g == nil {
		return from
	}
	var sp sim.SmallPackets
	if from != nil {
		sp = *from
	} else {
		g.require("stage", "promotion", "promotion_power")
	}
	if sn := g.get("stage"); sn != nil {
		sp.Stage = int(d.integer(child(path, "stage"), sn, 32))
	}
	g.duration("promotion", &sp.Promotion)
	g.power("promotion_power", &sp.PromotionPower)
	return &sp
}

func (d *decoder) radioPreset(path string, n *yaml.Node) sim.Radio {
	r, ok := RadioPreset(n.Value)
	if !ok {
		d.errorf(n, path, "unknown radio preset %q (%s)", n.Value, hint(n.Value, RadioPresets()))
	}
	d.presets[parentSection(path)] = n.Value
	return r
}

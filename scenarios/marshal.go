package scenarios

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"pingtune/metric"
	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// Marshal writes the fully resolved scenario as YAML in the scenario schema:
// no presets (the platform and radio are written field by field, with their
// preset's name as name), every default written out. Parse reads the result
// back to an equal Scenario, Source aside.
func Marshal(s *Scenario) ([]byte, error) {
	root, err := resolvedNode(s)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("scenarios: marshal: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("scenarios: marshal: %w", err)
	}
	return buf.Bytes(), nil
}

// MarshalJSON writes what Marshal does as JSON, from the same document: its
// keys in the YAML's order, numbers and booleans as such, durations and
// powers as the strings the YAML writes ("10m", "1210mW").
func MarshalJSON(s *Scenario) (json.RawMessage, error) {
	root, err := resolvedNode(s)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := nodeJSON(&b, root); err != nil {
		return nil, fmt.Errorf("scenarios: marshal: %w", err)
	}
	return json.RawMessage(b.Bytes()), nil
}

// resolvedNode is the resolved scenario as a YAML document.
func resolvedNode(s *Scenario) (*yaml.Node, error) {
	c := &s.Config
	if int(c.App.BackgroundTask) >= len(sim.TaskPolicies()) {
		return nil, fmt.Errorf("scenarios: marshal: unknown background task policy %d", c.App.BackgroundTask)
	}
	root := blockMap()
	root.HeadComment = "Resolved by pingtune: every preset expanded, every default written out."
	if s.Source != "" {
		root.HeadComment = "Resolved by pingtune from " + s.Source + ": every preset expanded, every default written out."
	}
	add(root, "name", text(c.Name))
	if s.Description != "" {
		add(root, "description", text(s.Description))
	}
	add(root, "horizon", dur(c.Horizon))
	add(root, "replications", num(strconv.Itoa(c.Replications)))
	add(root, "seed", num(strconv.FormatUint(c.Seed, 10)))
	add(root, "max_events", num(strconv.FormatInt(c.MaxEvents, 10)))

	p := &c.Platform
	platform := blockMap(
		"name", text(p.Name),
		"always_awake", boolean(p.AlwaysAwake),
		"keepalive", boolean(p.Keepalive),
		"keepalive_min", dur(p.KeepaliveMin),
		"keepalive_early", formatDist(p.KeepaliveEarly),
		"wakeup_budget", dur(p.WakeupBudget),
		"background_task_limit", dur(p.BackgroundTaskLimit),
		"enter_background_grace", dur(p.EnterBackgroundGrace),
		"expiry_warning", dur(p.ExpiryWarning),
		"wake_on_socket_data", boolean(p.WakeOnSocketData),
		"wake_on_socket_close", boolean(p.WakeOnSocketClose),
		"relaunch_after_kill", boolean(p.RelaunchAfterKill),
		"relaunch_delay", dur(p.RelaunchDelay))
	androidNodes(platform, p) // android.go
	add(root, "platform", platform)

	a := &c.App
	r := &a.Reconnect
	add(root, "app", blockMap(
		"heartbeat", heartbeatNode(a),
		"background_task", str(a.BackgroundTask.String()),
		"reconnect", flowMap("initial", dur(r.Initial), "max", dur(r.Max), "multiplier", float(r.Multiplier), "jitter", float(r.Jitter))))

	if u := c.User; u.SessionsPerDay != 0 || !isZeroDist(u.SessionLength) {
		add(root, "user", blockMap("sessions_per_day", float(u.SessionsPerDay), "session_length", formatDist(u.SessionLength)))
	}

	n := &c.Network
	nat := dur(n.NATIdleTimeout)
	if n.NATIdleFleet != nil {
		nat = formatDist(*n.NATIdleFleet)
	}
	network := blockMap("rtt", formatDist(n.RTT), "connect_time", formatDist(n.ConnectTime), "nat_idle_timeout", nat)
	if n.RedrawOnHandover {
		add(network, "redraw_on_handover", boolean(true))
	}
	if o := n.Outages; o != nil {
		add(network, "outages", flowMap("every", formatDist(o.Every), "duration", formatDist(o.Duration), "signals_client", boolean(o.SignalsClient)))
	}
	if h := n.Handovers; h != nil {
		add(network, "handovers", flowMap("every", formatDist(h.Every)))
	}
	add(root, "network", network)

	sv := &c.Server
	idle := dur(sv.IdleTimeout)
	if sv.IdleTimeoutMultiple != 0 {
		idle = str(formatMultiple(sv.IdleTimeoutMultiple))
	} else if sv.IdleTimeoutFleet != nil {
		idle = formatDist(*sv.IdleTimeoutFleet)
	}
	server := blockMap("idle_timeout", idle)
	if rs := sv.Restarts; rs != nil {
		add(server, "restarts", flowMap("every", formatDist(rs.Every), "downtime", formatDist(rs.Downtime), "kind", str(rs.Kind.String())))
	}
	if ps := sv.Pushes; ps != nil {
		offline := "queue"
		if ps.DropOffline {
			offline = "drop"
		}
		pushes := flowMap("per_hour", float(ps.PerHour), "when_offline", str(offline))
		if ps.FCM != nil {
			pushes.Style = 0
			add(pushes, "fcm", fcmNode(ps.FCM))
		}
		add(server, "pushes", pushes)
	}
	add(root, "server", server)

	add(root, "radio", radioNode(&c.Radio))

	dv := &c.Device
	device := flowMap("battery_mah", float(dv.BatteryMAh), "voltage", float(dv.Voltage), "cpu_power", str(formatPower(dv.CPUPower)))
	deviceStateNodes(device, dv)
	add(root, "device", device)

	if len(c.Events) > 0 {
		events := &yaml.Node{Kind: yaml.SequenceNode}
		for i, e := range c.Events {
			ev, err := formatEvent(e)
			if err != nil {
				return nil, fmt.Errorf("scenarios: marshal: events[%d]: %w", i, err)
			}
			events.Content = append(events.Content, ev)
		}
		add(root, "events", events)
	}

	if sw := formatSweep(s.Sweep); sw != nil {
		add(root, "sweep", sw)
	}
	return root, nil
}

// MarshalRadio writes radio as a radio: block that a scenario can take as
// is, every field written out.
func MarshalRadio(r *sim.Radio) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(blockMap("radio", radioNode(r))); err != nil {
		return nil, fmt.Errorf("scenarios: marshal radio: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("scenarios: marshal radio: %w", err)
	}
	return buf.Bytes(), nil
}

func radioNode(rd *sim.Radio) *yaml.Node {
	tail := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	if len(rd.Tail) > 0 {
		tail.Style = 0
	}
	for _, t := range rd.Tail {
		tail.Content = append(tail.Content, flowMap("for", dur(t.For), "power", str(formatPower(t.Power))))
	}
	radio := blockMap("name", text(rd.Name), "promotion", dur(rd.Promotion),
		"promotion_power", str(formatPower(rd.PromotionPower)), "active_power", str(formatPower(rd.ActivePower)), "tail", tail)
	add(radio, "paging_cycle", dur(rd.PagingCycle))
	if sp := rd.SmallPackets; sp != nil {
		add(radio, "small_packets", flowMap("stage", num(strconv.Itoa(sp.Stage)), "promotion", dur(sp.Promotion),
			"promotion_power", str(formatPower(sp.PromotionPower))))
	}
	return radio
}

func formatEvent(e sim.ScriptedEvent) (*yaml.Node, error) {
	at := dur(e.At)
	switch e.Kind {
	case sim.ScriptNetworkDown:
		return flowMap("at", at, "network", str("down"), "for", dur(e.For), "signals_client", boolean(e.SignalsClient)), nil
	case sim.ScriptHandover:
		return flowMap("at", at, "network", str("handover")), nil
	case sim.ScriptServerRestart:
		return flowMap("at", at, "server", str("restart"), "kind", str(e.Restart.String()), "for", dur(e.For)), nil
	case sim.ScriptUserOpen:
		return flowMap("at", at, "user", str("open"), "for", dur(e.For)), nil
	}
	return nil, fmt.Errorf("unknown event kind %d", e.Kind)
}

// formatSweep writes the sweep section, or nil when there is none. An evenly
// spaced list of three or more intervals is written as {from, to, step}.
func formatSweep(s Sweep) *yaml.Node {
	if len(s.Intervals) == 0 && len(s.Require) == 0 && !s.AllowSelfBreaks {
		return nil
	}
	out := blockMap()
	if iv := s.Intervals; len(iv) > 0 {
		if step := evenStep(iv); step > 0 {
			add(out, "interval", flowMap("from", dur(iv[0]), "to", dur(iv[len(iv)-1]), "step", dur(step)))
		} else {
			list := make([]*yaml.Node, len(iv))
			for i, t := range iv {
				list[i] = dur(t)
			}
			add(out, "interval", flowSeq(list...))
		}
	}
	if len(s.Require) > 0 {
		req := blockMap()
		for _, r := range s.Require {
			dir := "min"
			if r.Upper {
				dir = "max"
			}
			bound := num(FormatBound(r.Metric, r.Bound))
			if metric.IsLatency(r.Metric) {
				bound = str(FormatBound(r.Metric, r.Bound))
			}
			add(req, r.Metric, flowMap(dir, bound))
		}
		add(out, "require", req)
	}
	if s.AllowSelfBreaks {
		add(out, "allow_self_breaks", boolean(true))
	}
	return out
}

// evenStep returns the common difference of an ascending list of three or
// more evenly spaced intervals, else 0.
func evenStep(iv []time.Duration) time.Duration {
	if len(iv) < 3 {
		return 0
	}
	step := iv[1] - iv[0]
	for i := 2; i < len(iv); i++ {
		if iv[i]-iv[i-1] != step {
			return 0
		}
	}
	if step <= 0 {
		return 0
	}
	return step
}

func isZeroDist(d sim.Dist) bool {
	return d.Kind == sim.Const && d.Value == 0 && d.Max == 0 && d.Shape == 0 && d.Values == nil
}

// Node builders for Marshal.

// text is str for free text, double-quoted when yaml.v3 would not read its
// own rendering back exactly (it mangles some block scalars, such as "\n"
// or "\nabc").
func text(s string) *yaml.Node {
	n := str(s)
	if strings.ContainsAny(s, "\n\r\t") || strings.TrimSpace(s) != s {
		var back string
		if out, err := yaml.Marshal(n); err != nil || yaml.Unmarshal(out, &back) != nil || back != s {
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	return n
}

func str(s string) *yaml.Node        { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
func num(s string) *yaml.Node        { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
func float(x float64) *yaml.Node     { return num(formatFloat(x)) }
func dur(d time.Duration) *yaml.Node { return str(sim.FormatDuration(d)) }
func boolean(b bool) *yaml.Node      { return num(strconv.FormatBool(b)) }

func blockMap(kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(kv); i += 2 {
		add(m, kv[i].(string), kv[i+1].(*yaml.Node))
	}
	return m
}

func flowMap(kv ...any) *yaml.Node {
	m := blockMap(kv...)
	m.Style = yaml.FlowStyle
	return m
}

func flowSeq(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: items}
}

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, str(key), v)
}

package scenarios

import (
	"slices"
	"strings"

	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// events decodes the scripted one-shot events, replayed in every replication:
//
//	{at: 26h, network: down, for: 15m, signals_client: true}
//	{at: 60h, network: handover}
//	{at: 40h, server: restart, kind: silent, for: 3m}
//	{at: 50h, user: open, for: 5m}
func (d *decoder) events(path string, n *yaml.Node) []sim.ScriptedEvent {
	const want = "an event like {at: 26h, network: down, for: 15m}"
	items, _ := d.list(path, n, "a list of events like [{at: 26h, network: down, for: 15m}]")
	var out []sim.ScriptedEvent
	for i, item := range items {
		if item = d.visit(item); item == nil {
			break
		}
		p := index(path, i)
		f := d.mapping(p, item, want, keysOf("events")...)
		if f == nil {
			continue
		}
		ev := sim.ScriptedEvent{}
		f.require("at")
		f.duration("at", &ev.At)
		var kinds []string
		for _, k := range eventKinds() {
			if f.has(k) {
				kinds = append(kinds, k)
			}
		}
		if len(kinds) != 1 {
			if len(kinds) == 0 {
				d.errorf(item, p, "needs one of network: down|handover, server: restart or user: open")
			} else {
				d.errorf(item, p, "has both %s: write one event per list item", strings.Join(kinds, " and "))
			}
			continue
		}
		word := ""
		switch kinds[0] {
		case "network":
			switch f.enum("network", choicesOf("events.network")...) {
			case 0:
				word = "down"
				ev.Kind, ev.SignalsClient = sim.ScriptNetworkDown, true
				f.duration("for", &ev.For)
				f.boolean("signals_client", &ev.SignalsClient)
			case 1:
				ev.Kind, word = sim.ScriptHandover, "handover"
			default:
				continue
			}
		case "server":
			if f.enum("server", choicesOf("events.server")...) < 0 {
				continue
			}
			ev.Kind, word = sim.ScriptServerRestart, "restart"
			f.duration("for", &ev.For)
			if k := f.enum("kind", choicesOf("events.kind")...); k >= 0 {
				ev.Restart = []sim.RestartKind{sim.Graceful, sim.Silent}[k]
			}
		case "user":
			if f.enum("user", choicesOf("events.user")...) < 0 {
				continue
			}
			ev.Kind, word = sim.ScriptUserOpen, "open"
			f.duration("for", &ev.For)
		}
		form := eventFormOf(kinds[0], word)
		f.require(form.required...)
		for _, k := range eventOptions() {
			if e, ok := f.vals[k]; ok && !slices.Contains(form.allowed, k) {
				d.errorf(e.key, child(p, k), "not allowed in a %s: %s event", kinds[0], word)
			}
		}
		out = append(out, ev)
	}
	return out
}

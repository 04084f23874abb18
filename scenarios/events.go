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
		f := d.mapping(p, item, want, "at", "network", "server", "user", "for", "signals_client", "kind")
		if f == nil {
			continue
		}
		ev := sim.ScriptedEvent{}
		f.require("at")
		f.duration("at", &ev.At)
		var kinds []string
		for _, k := range []string{"network", "server", "user"} {
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
		// allowed lists the optional fields that go with the event's kind.
		var allowed []string
		word := ""
		switch kinds[0] {
		case "network":
			switch f.enum("network", "down", "handover") {
			case 0:
				word = "down"
				ev.Kind, ev.SignalsClient = sim.ScriptNetworkDown, true
				f.require("for")
				f.duration("for", &ev.For)
				f.boolean("signals_client", &ev.SignalsClient)
				allowed = []string{"for", "signals_client"}
			case 1:
				ev.Kind, word = sim.ScriptHandover, "handover"
			default:
				continue
			}
		case "server":
			if f.enum("server", "restart") < 0 {
				continue
			}
			ev.Kind, word = sim.ScriptServerRestart, "restart"
			f.duration("for", &ev.For)
			if k := f.enum("kind", "graceful", "silent"); k >= 0 {
				ev.Restart = []sim.RestartKind{sim.Graceful, sim.Silent}[k]
			}
			allowed = []string{"for", "kind"}
		case "user":
			if f.enum("user", "open") < 0 {
				continue
			}
			ev.Kind, word = sim.ScriptUserOpen, "open"
			f.require("for")
			f.duration("for", &ev.For)
			allowed = []string{"for"}
		}
		for _, k := range []string{"for", "signals_client", "kind"} {
			if e, ok := f.vals[k]; ok && !slices.Contains(allowed, k) {
				d.errorf(e.key, child(p, k), "not allowed in a %s: %s event", kinds[0], word)
			}
		}
		out = append(out, ev)
	}
	return out
}

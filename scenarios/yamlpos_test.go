package scenarios

import "testing"

// TestUnknownAnchorHasAPlace: yaml.v3 reports an alias to an undefined
// anchor without a line; the error now points at the alias, skipping
// comments, quoted strings and longer names.
func TestUnknownAnchorHasAPlace(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"app: {heartbeat: {interval: *ten}}\n",
			"x.yaml:1:29: invalid YAML: unknown anchor 'ten' referenced (no &ten before it)"},
		{"# see *t\nname: \"*t\"\ndescription: '*t'\nseed: *tt\n",
			"x.yaml:4:7: invalid YAML: unknown anchor 'tt' referenced (no &tt before it)"},
		{"app:\n  heartbeat:\n    interval: 10m # *t\nevents: [*t]\n",
			"x.yaml:4:10: invalid YAML: unknown anchor 't' referenced (no &t before it)"},
		{"é: 1\nname: é\nseq:\n  - *a\n",
			"x.yaml:4:5: invalid YAML: unknown anchor 'a' referenced (no &a before it)"},
		// Defined after its use: still unknown where it is used.
		{"a: *x\nb: &x 1\n",
			"x.yaml:1:4: invalid YAML: unknown anchor 'x' referenced (no &x before it)"},
	} {
		_, err := Parse("x.yaml", []byte(c.yaml))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got %v\nwant %s", c.yaml, err, c.want)
		}
	}
}

// TestYAMLTagsAreRefused: tags are not part of the scenario language; a
// !!binary name or a custom tag was silently ignored.
func TestYAMLTagsAreRefused(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"app: {heartbeat: {interval: 10m}}\nname: !!binary aGVsbG8=\n",
			"x.yaml:2:7: name: YAML tags are not part of the scenario language (got !!binary); write the value without it"},
		{"app: {heartbeat: {interval: 10m}}\nnetwork: {rtt: !!str 80ms}\n",
			"x.yaml:2:16: network.rtt: YAML tags are not part of the scenario language (got !!str); write the value without it"},
		{"app: {heartbeat: {interval: 10m}}\nevents:\n  - !event {at: 1h, network: handover}\n",
			"x.yaml:3:5: events[0]: YAML tags are not part of the scenario language (got !event); write the value without it"},
		{"!scenario\napp: {heartbeat: {interval: 10m}}\n",
			"x.yaml:1:1: YAML tags are not part of the scenario language (got !scenario); write the value without it"},
	} {
		_, err := Parse("x.yaml", []byte(c.yaml))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got %v\nwant %s", c.yaml, err, c.want)
		}
	}
	// The non-specific tag ! changes nothing and is allowed.
	if _, err := Parse("x.yaml", []byte("app: {heartbeat: {interval: ! 10m}}\n")); err != nil {
		t.Errorf("! 10m: %v", err)
	}
}

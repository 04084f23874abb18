package scenarios

import (
	"strings"
	"testing"
	"time"

	"pingtune/sim"
)

// TestPolicyAndFleetFields: the policy, its parameters and the fleets
// decode to the Config they say.
func TestPolicyAndFleetFields(t *testing.T) {
	s, err := Parse("p.yaml", []byte(`app:
  heartbeat:
    interval: 5m
    policy: adaptive
    adaptive: {min: 3m, max: 20m, step: 2m, successes: 4, failures: 2, backoff: 1m}
network:
  nat_idle_timeout: {uniform: [5m, 1h]}
  redraw_on_handover: true
server:
  idle_timeout: {exp: 2h}
`))
	if err != nil {
		t.Fatal(err)
	}
	c := s.Config
	want := sim.Adaptive{Min: 3 * time.Minute, Max: 20 * time.Minute, Step: 2 * time.Minute, Successes: 4, Failures: 2, Backoff: time.Minute, EvidenceGap: sim.DefaultEvidenceGap}
	if c.App.Policy.Kind != sim.PolicyAdaptive || c.App.Policy.Adaptive != want {
		t.Errorf("policy %+v", c.App.Policy)
	}
	if f := c.Network.NATIdleFleet; f == nil || f.Kind != sim.Uniform || f.Value != 5*time.Minute || f.Max != time.Hour || !c.Network.RedrawOnHandover {
		t.Errorf("network %+v", c.Network)
	}
	if f := c.Server.IdleTimeoutFleet; f == nil || f.Kind != sim.Exp || c.Server.IdleTimeoutMultiple != 0 {
		t.Errorf("server %+v", c.Server)
	}

	s, err = Parse("p.yaml", []byte("app: {heartbeat: {interval: 5m, policy: probe, probe: {search: exponential}}}\nnetwork: {nat_idle_timeout: 20m}\n"))
	if err != nil {
		t.Fatal(err)
	}
	pr := sim.DefaultProbe()
	pr.Search = sim.SearchExponential
	if s.Config.App.Policy.Probe != pr || s.Config.Network.NATIdleTimeout != 20*time.Minute || s.Config.Network.NATIdleFleet != nil {
		t.Errorf("probe %+v, network %+v", s.Config.App.Policy, s.Config.Network)
	}
}

// TestBadPolicyFields: each mistake is named with its line and column.
func TestBadPolicyFields(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"app: {heartbeat: {interval: 5m, policy: smart}}", "p.yaml:1:41: app.heartbeat.policy: unknown value"},
		{"app: {heartbeat: {interval: 5m, policy: adaptive, adaptive: {successes: 0}}}", "app.heartbeat.adaptive.successes: must be between 1 and 1000"},
		{"app: {heartbeat: {interval: 5m, policy: probe, probe: {min: 10m, max: 5m}}}", "app.heartbeat.probe.max"},
		{"app: {heartbeat: {interval: 5m, policy: probe, probe: {search: linear}}}", "app.heartbeat.probe.search"},
		{"app: {heartbeat: {interval: 5m}}\nnetwork: {nat_idle_timeout: {uniform: [1h, 5m]}}", "network.nat_idle_timeout"},
	} {
		_, err := Parse("p.yaml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

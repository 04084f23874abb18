package scenarios

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"pingtune/sim"

	"pingtune/internal/golden"
)

// TestBuiltins loads every built-in scenario and compares its resolved form
// (Marshal) with testdata/NAME.golden.yaml.
func TestBuiltins(t *testing.T) {
	names := Builtins()
	want := []string{"always-awake-mqtt", "android-doze-wifi", "android-fgs-lte", "fleet-chat-wifi", "fleet-chat-wifi-adaptive", "fleet-chat-wifi-probe", "ios6-voip-lte", "ios6-voip-wifi-nat", "ios7-voip-3g"}
	if !slices.Equal(names, want) {
		t.Fatalf("Builtins() = %v, want %v", names, want)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			s, err := Load(name)
			if err != nil {
				t.Fatal(err)
			}
			c := &s.Config
			if c.Name != name || s.Source != "builtin:"+name || s.Description == "" {
				t.Errorf("name %q, source %q, description %q", c.Name, s.Source, s.Description)
			}
			if c.Replications != 200 || c.Horizon != 7*24*time.Hour {
				t.Errorf("replications %d, horizon %v; want 200 and 7d", c.Replications, c.Horizon)
			}
			if len(s.Sweep.Intervals) != 30 || s.Sweep.Intervals[0] != time.Minute || s.Sweep.Intervals[29] != 30*time.Minute {
				t.Errorf("sweep intervals %v, want 1m to 30m", s.Sweep.Intervals)
			}
			if len(s.Sweep.Require) == 0 {
				t.Error("no requirements")
			}
			if err := c.Validate(); err != nil {
				t.Error(err)
			}
			got, err := Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", name+".golden.yaml"), got)
			roundTrip(t, s)
		})
	}
}

// roundTrip checks that Parse(Marshal(s)) gives s back.
func roundTrip(t *testing.T, s *Scenario) {
	t.Helper()
	data, err := Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("roundtrip.yaml", data)
	if err != nil {
		t.Fatalf("Parse(Marshal(s)): %v\n%s", err, data)
	}
	if !reflect.DeepEqual(back.Config, s.Config) {
		t.Errorf("Config changed in the round trip:\n got %+v\nwant %+v\n%s", back.Config, s.Config, data)
	}
	if !reflect.DeepEqual(back.Sweep, s.Sweep) {
		t.Errorf("Sweep changed in the round trip:\n got %+v\nwant %+v\n%s", back.Sweep, s.Sweep, data)
	}
	if back.Description != s.Description {
		t.Errorf("Description changed in the round trip: %q, want %q", back.Description, s.Description)
	}
}

// variants are valid scenarios written by hand, each exercising a corner of
// the schema, with a check of what it must decode to.
var variants = []struct {
	name  string
	yaml  string
	check func(t *testing.T, s *Scenario)
}{
	{"android", `platform: {preset: android-fgs, android_version: 11, doze: {light: false, while_idle_gap: 15m, maintenance_work: {exp: 1m}}}
app: {heartbeat: {interval: 5m, alarm: allow_while_idle}}
server: {pushes: {per_hour: 2, fcm: {priority: normal}}}
device: {screen: {sessions_per_day: 40, length: 30s}, motion: {every: {exp: 4h}, duration: 15m}, charging: {every: 16h, duration: 8h}}`,
		func(t *testing.T, s *Scenario) {
			c := &s.Config
			p := &c.Platform
			if !p.IsAndroid() || !p.Android.ForegroundService || p.Android.Version != 11 || p.Android.Doze.Light ||
				p.Android.Doze.WhileIdleGap != 15*time.Minute || !reflect.DeepEqual(p.Android.Doze.MaintenanceWork, sim.Dist{Kind: sim.Exp, Value: time.Minute}) {
				t.Errorf("platform %+v", *p)
			}
			if p.Android.Doze.Idle != time.Hour {
				t.Errorf("doze.idle %v: the preset's 1h should stay", p.Android.Doze.Idle)
			}
			if c.App.Alarm != sim.AlarmWhileIdle {
				t.Errorf("alarm %v", c.App.Alarm)
			}
			if f := c.Server.Pushes.FCM; f == nil || f.High || !reflect.DeepEqual(f.Latency, defaultFCMLatency()) {
				t.Errorf("fcm %+v", f)
			}
			dv := &c.Device
			if dv.Screen == nil || dv.Screen.PerDay != 40 || dv.Motion == nil || !reflect.DeepEqual(dv.Motion.Duration, sim.Fixed(15*time.Minute)) ||
				dv.Charging == nil || !reflect.DeepEqual(dv.Charging.Every, sim.Fixed(16*time.Hour)) {
				t.Errorf("device %+v", *dv)
			}
		}},
	{"minimal", `app: {heartbeat: {interval: 10m}}`, func(t *testing.T, s *Scenario) {
		want := defaultConfig("minimal")
		want.App.Interval = 10 * time.Minute
		if !reflect.DeepEqual(s.Config, want) {
			t.Errorf("got %+v\nwant %+v", s.Config, want)
		}
		if len(s.Sweep.Intervals) != 0 || len(s.Sweep.Require) != 0 {
			t.Errorf("sweep %+v, want none", s.Sweep)
		}
	}},
	{"platform-override", `
name: override
platform: {preset: ios7, background_task_limit: 300s, relaunch_after_kill: true, relaunch_delay: 1m, keepalive_early: {empirical: [0s, 5s, 29.5s]}}
app: {heartbeat: {interval: 15m, timeout: 10s, foreground_interval: 1m}, background_task: leak}
`, func(t *testing.T, s *Scenario) {
		p := s.Config.Platform
		if p.Name != "ios7" || p.BackgroundTaskLimit != 300*time.Second || !p.RelaunchAfterKill || p.RelaunchDelay != time.Minute ||
			p.KeepaliveMin != 600*time.Second || len(p.KeepaliveEarly.Values) != 3 || p.KeepaliveEarly.Values[2] != 29500*time.Millisecond {
			t.Errorf("platform %+v", p)
		}
		if a := s.Config.App; a.BackgroundTask != sim.Leak || a.ForegroundInterval != time.Minute || a.Timeout != 10*time.Second {
			t.Errorf("app %+v", a)
		}
	}},
	{"custom", `
name: custom
description: |
  A made-up platform and radio,
  with "quotes" and: colons.
horizon: 36h
replications: 7
seed: 18446744073709551615
max_events: 1_000_000
platform: {name: my-rtos, always_awake: true}
app:
  heartbeat: {interval: 90s}
  reconnect: {initial: 1s, max: 1m, multiplier: 1.5, jitter: 0}
user: {sessions_per_day: 0.5, session_length: {weibull: {scale: 3m, shape: 0.7}}}
network:
  rtt: {normal: {mean: 80ms, sd: 20ms}}
  connect_time: {uniform: [100ms, 1.5s]}
  nat_idle_timeout: 1h30m
  handovers: {every: {lognormal: {median: 12h, sigma: 0.5}}}
server:
  idle_timeout: 0
  restarts: {every: 2d, downtime: 0s, kind: silent}
  pushes: {per_hour: 0.25, when_offline: drop}
radio:
  name: nb-iot
  promotion: 1.25s
  promotion_power: 0.1W
  active_power: 220mW
  tail: [{for: 20s, power: 12.5mW}, {for: 1d, power: 0.001W}]
device: {battery_mah: 2400, voltage: 3.6, cpu_power: 15mW}
events:
  - {at: 0, network: down, for: 1h, signals_client: false}
  - {at: 1h, server: restart}
  - {at: 2h, user: open, for: 30s}
sweep:
  interval: [5m, 1m, 90s]
  require:
    push_latency_p95: {min: 250ms}
    wakeups_per_hour: 6.5
    availability: {min: 0.999}
  allow_self_breaks: true
`, func(t *testing.T, s *Scenario) {
		c := s.Config
		if !reflect.DeepEqual(c.Platform, sim.Platform{Name: "my-rtos", AlwaysAwake: true}) {
			t.Errorf("platform %+v", c.Platform)
		}
		if c.Server.IdleTimeout != 0 || c.Server.IdleTimeoutMultiple != 0 || !c.Server.Pushes.DropOffline || c.Server.Restarts.Kind != sim.Silent {
			t.Errorf("server %+v", c.Server)
		}
		if c.Radio.Name != "nb-iot" || c.Radio.Tail[0].Power != 0.0125 || c.Radio.PromotionPower != 0.1 {
			t.Errorf("radio %+v", c.Radio)
		}
		if c.Seed != 1<<64-1 || c.MaxEvents != 1e6 || c.Network.NATIdleTimeout != 90*time.Minute {
			t.Errorf("seed %d, max_events %d, nat %v", c.Seed, c.MaxEvents, c.Network.NATIdleTimeout)
		}
		wantEvents := []sim.ScriptedEvent{
			{At: 0, Kind: sim.ScriptNetworkDown, For: time.Hour},
			{At: time.Hour, Kind: sim.ScriptServerRestart},
			{At: 2 * time.Hour, Kind: sim.ScriptUserOpen, For: 30 * time.Second},
		}
		if !reflect.DeepEqual(c.Events, wantEvents) {
			t.Errorf("events %+v", c.Events)
		}
		if !slices.Equal(s.Sweep.Intervals, []time.Duration{time.Minute, 90 * time.Second, 5 * time.Minute}) {
			t.Errorf("intervals %v", s.Sweep.Intervals)
		}
		var got []string
		for _, r := range s.Sweep.Require {
			got = append(got, r.String())
		}
		want := []string{"push_latency_p95 >= 250ms", "wakeups_per_hour <= 6.5", "availability >= 0.999"}
		if !slices.Equal(got, want) {
			t.Errorf("requirements %q, want %q", got, want)
		}
		if !s.Sweep.AllowSelfBreaks {
			t.Error("sweep.allow_self_breaks: true was not read")
		}
		if !strings.Contains(s.Description, `"quotes" and: colons.`) {
			t.Errorf("description %q", s.Description)
		}
	}},
	{"anchors-and-merges", `
name: anchors
app:
  heartbeat: &hb {interval: 10m, timeout: 20s}
network:
  handovers: &gen {every: {exp: 6h}}
  outages: {<<: *gen, duration: &short 30s}
server:
  restarts: {<<: *gen, downtime: *short, every: {exp: 3d}}
  idle_timeout: 2.5x
events:
  - &drop {at: 1h, network: down, for: 5m}
  - {<<: *drop, at: 2h}
  - {<<: [{at: 3h}, *drop]}
`, func(t *testing.T, s *Scenario) {
		c := s.Config
		if c.App.Timeout != 20*time.Second || !reflect.DeepEqual(c.Network.Outages.Duration, sim.Fixed(30*time.Second)) ||
			c.Network.Outages.Every.Value != 6*time.Hour || c.Network.Handovers.Every.Value != 6*time.Hour {
			t.Errorf("app %+v, outages %+v", c.App, c.Network.Outages)
		}
		if c.Server.IdleTimeoutMultiple != 2.5 || c.Server.Restarts.Every.Value != 72*time.Hour || !reflect.DeepEqual(c.Server.Restarts.Downtime, sim.Fixed(30*time.Second)) {
			t.Errorf("server %+v %+v", c.Server, c.Server.Restarts)
		}
		for i, at := range []time.Duration{time.Hour, 2 * time.Hour, 3 * time.Hour} {
			if e := c.Events[i]; e.At != at || e.For != 5*time.Minute || e.Kind != sim.ScriptNetworkDown || !e.SignalsClient {
				t.Errorf("events[%d] = %+v", i, e)
			}
		}
	}},
	{"odd-text", `
name: "name: with # and 'quotes'"
description: "\n\tstarts with a newline and a tab \u2028 and ends with spaces  "
platform: {preset: always-awake, name: "\u00e9t\u00e9"}
app: {heartbeat: {interval: 10m}}
`, func(t *testing.T, s *Scenario) {
		if s.Config.Name != "name: with # and 'quotes'" || s.Description != "\n\tstarts with a newline and a tab \u2028 and ends with spaces  " ||
			s.Config.Platform.Name != "été" {
			t.Errorf("name %q, description %q, platform %q", s.Config.Name, s.Description, s.Config.Platform.Name)
		}
	}},
	{"radio-3g-override", `
app: {heartbeat: {interval: 10m}}
platform: ios13
radio: {preset: 3g, tail: [{for: 4s, power: 800mW}, {for: 10s, power: 460mW}]}
server: {idle_timeout: 45m}
sweep: {interval: 10m, require: {detect_client_p95: {max: 1h}, detect_server_p95: 1.5s, battery_pct_per_day: {max: 3.25}}}
`, func(t *testing.T, s *Scenario) {
		c := s.Config
		if c.Radio.Name != "3g" || c.Radio.Promotion != 2*time.Second || len(c.Radio.Tail) != 2 || c.Radio.Tail[0].For != 4*time.Second {
			t.Errorf("radio %+v", c.Radio)
		}
		if c.Platform.Name != "ios13" || c.Platform.Keepalive || c.Server.IdleTimeout != 45*time.Minute || c.Server.IdleTimeoutMultiple != 0 {
			t.Errorf("platform %+v, server %+v", c.Platform, c.Server)
		}
		want := []Requirement{{"detect_client_p95", true, 3600}, {"detect_server_p95", true, 1.5}, {"battery_pct_per_day", true, 3.25}}
		if !reflect.DeepEqual(s.Sweep.Require, want) || !slices.Equal(s.Sweep.Intervals, []time.Duration{10 * time.Minute}) {
			t.Errorf("sweep %+v", s.Sweep)
		}
	}},
}

func TestVariants(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			s, err := Parse(v.name+".yaml", []byte(v.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if s.Source != v.name+".yaml" {
				t.Errorf("source %q", s.Source)
			}
			v.check(t, s)
			roundTrip(t, s)
		})
	}
}

func TestDefaultName(t *testing.T) {
	for file, want := range map[string]string{
		"dir/ios6.yaml": "ios6", "x.yml": "x", "plain": "plain", "a/b.c.yaml": "b.c",
	} {
		s, err := Parse(file, []byte("app: {heartbeat: {interval: 10m}}"))
		if err != nil {
			t.Fatal(err)
		}
		if s.Config.Name != want {
			t.Errorf("Parse(%q) name %q, want %q", file, s.Config.Name, want)
		}
	}
}

func TestPresets(t *testing.T) {
	for _, name := range PlatformPresets() {
		p, ok := PlatformPreset(name)
		if !ok || p.Name != name {
			t.Errorf("PlatformPreset(%q) = %+v, %v", name, p, ok)
		}
		cfg := defaultConfig("x")
		cfg.App.Interval = 10 * time.Minute
		cfg.Platform = p
		if err := cfg.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, name := range RadioPresets() {
		r, ok := RadioPreset(name)
		if !ok || r.Name != name {
			t.Errorf("RadioPreset(%q) = %+v, %v", name, r, ok)
		}
	}
	// Presets are fresh copies: changing one does not change the next.
	r, _ := RadioPreset("lte")
	r.Tail[0].Power = 99
	if r2, _ := RadioPreset("lte"); r2.Tail[0].Power != 1.06 {
		t.Error("RadioPreset shares its tail")
	}
	if _, ok := PlatformPreset("ios8"); ok {
		t.Error("PlatformPreset(ios8) found")
	}
	if _, ok := RadioPreset("5g"); ok {
		t.Error("RadioPreset(5g) found")
	}
	ios7, _ := PlatformPreset("ios7")
	if ios7.BackgroundTaskLimit != 180*time.Second || !ios7.Keepalive {
		t.Errorf("ios7 %+v", ios7)
	}
}

func TestBuiltinYAML(t *testing.T) {
	if data, ok := BuiltinYAML("ios6-voip-lte"); !ok || !bytes.Contains(data, []byte("name: ios6-voip-lte")) {
		t.Errorf("BuiltinYAML(ios6-voip-lte) = %q, %v", data, ok)
	}
	for _, name := range []string{"", "nope", "../scenarios/builtin/ios6-voip-lte", "ios6-voip-lte.yaml", "builtin/ios6-voip-lte"} {
		if _, ok := BuiltinYAML(name); ok {
			t.Errorf("BuiltinYAML(%q) found", name)
		}
	}
}

func TestLoadFile(t *testing.T) {
	data, _ := BuiltinYAML("ios7-voip-3g")
	file := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(file, bytes.Replace(data, []byte("name: ios7-voip-3g\n"), nil, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if s.Source != file || s.Config.Name != "mine" || s.Config.Platform.Name != "ios7" {
		t.Errorf("source %q, name %q, platform %q", s.Source, s.Config.Name, s.Config.Platform.Name)
	}
}

// The memory follows the work: results are summarised as they arrive and
// push latencies kept in a histogram, so the flood (1e6 pushes an
// hour for 4h) fits however many replications run, on one worker or two;
// only the replications in flight at once multiply a replication's breaks,
// and the summaries grow by bytesPerRepKept a replication and interval.
func TestCheckWorkFollowsTheWork(t *testing.T) {
	s, err := Load("ios6-voip-lte")
	if err != nil {
		t.Fatal(err)
	}
	cfg := s.Config
	cfg.Platform = sim.Platform{Name: "always-awake", AlwaysAwake: true}
	cfg.User, cfg.Events = sim.User{}, nil
	cfg.Network.Outages, cfg.Network.Handovers, cfg.Server.Restarts = nil, nil, nil
	cfg.Replications, cfg.Horizon, cfg.Server.Pushes = 100, 4*time.Hour, &sim.Pushes{PerHour: 1e6}
	for _, workers := range []int{1, 2} {
		if err := CheckWork(&cfg, nil, Work{Workers: workers}); err != nil {
			t.Errorf("the flood on %d workers: %v", workers, err)
		}
	}
	// 3.6e9 B a replication (2.5e7 handovers of 144 B, every 24ms over
	// 7d): one in flight fits, two do not.
	cfg.Server.Pushes = nil
	cfg.Network.Handovers = &sim.Handovers{Every: sim.Fixed(24 * time.Millisecond)}
	cfg.Horizon, cfg.MaxEvents, cfg.Replications = 7*24*time.Hour, 2e9, 2
	if err := CheckWork(&cfg, nil, Work{Workers: 1}); err != nil {
		t.Errorf("one in flight: %v", err)
	}
	if err := CheckWork(&cfg, nil, Work{Workers: 2}); err == nil || !strings.Contains(err.Error(), "2 replications in flight") {
		t.Errorf("two in flight: %v", err)
	}
	// A shard runs its share: a run too large in all fits as 20 shards.
	big := s.Config
	big.Platform = sim.Platform{Name: "always-awake", AlwaysAwake: true}
	big.User, big.Events = sim.User{}, nil
	big.Network.Outages, big.Network.Handovers, big.Server.Restarts, big.Server.Pushes = nil, nil, nil, nil
	big.Replications, big.Horizon, big.MaxEvents = 100_000, 100*24*time.Hour, 1e9
	if err := CheckWork(&big, []time.Duration{time.Second}, Work{}); err == nil {
		t.Error("8.6e12 events accepted")
	}
	if err := CheckWork(&big, []time.Duration{time.Second}, Work{Reps: 100_000 / 50}); err != nil {
		t.Errorf("a fiftieth of it: %v", err)
	}
}

func TestCheckLimits(t *testing.T) {
	s, err := Load("ios6-voip-lte")
	if err != nil {
		t.Fatal(err)
	}
	cfg := s.Config
	if err := CheckLimits(&cfg, s.Sweep.Intervals); err != nil {
		t.Errorf("built-in: %v", err)
	}
	if err := CheckLimits(&cfg, nil); err != nil {
		t.Errorf("built-in, own interval: %v", err)
	}
	for _, c := range []struct {
		name      string
		change    func(c *sim.Config)
		intervals []time.Duration
		want      string
	}{
		{"replications", func(c *sim.Config) { c.Replications = 100_001 }, nil, "replications: must be at most 100000 (got 100001)"},
		{"horizon", func(c *sim.Config) { c.Horizon = 3651 * 24 * time.Hour }, nil, "horizon: must be at most 3650d (got 3651d)"},
		{"interval", func(c *sim.Config) {}, []time.Duration{time.Minute, time.Microsecond}, "sweep.interval: every interval must be at least 1ms (got 0.001ms)"},
		{"own interval", func(c *sim.Config) { c.App.Interval = 0 }, nil, "app.heartbeat.interval: every interval must be at least 1ms (got 0s)"},
		// Always awake with nothing but its pings: 100d / 1s pings of 5
		// events each, 4.32e7 a replication.
		{"too large", func(c *sim.Config) { c.Replications, c.Horizon, c.MaxEvents = 100_000, 100*24*time.Hour, 1e9 }, []time.Duration{time.Second},
			"replications: the run is too large: 100000 replications × 1 intervals × about 4.3e+07 events each ≈ 4.3e+12 events (most from heartbeats), over the limit of 2e+11; use fewer replications or intervals, or a shorter horizon"},
		// 1e6 pushes an hour for a day: 2.4e7 pushes of 5 events, beside 144
		// pings of 5.
		{"max events", func(c *sim.Config) {
			c.Replications, c.Horizon, c.Server.Pushes = 1, 24*time.Hour, &sim.Pushes{PerHour: 1e6}
		}, nil,
			"server.pushes.per_hour: a replication would need about 1.2e+08 events (2.4e+07 pushes × 5 events each, over 1d), more than max_events 50000000: it would stop part-way; lower the rate or the horizon, or raise max_events"},
		// Results in flight: a handover every 10ms for 7d, 6.05e7 breaks
		// of 144 B (bytesPerBreak) in the one replication, 8.11 GiB.
		{"memory", func(c *sim.Config) {
			c.Replications, c.Horizon, c.MaxEvents = 1, 7*24*time.Hour, 2e9
			c.Network.Handovers = &sim.Handovers{Every: sim.Fixed(10 * time.Millisecond)}
		}, nil,
			"network.handovers.every: the run would take about 8.11 GiB of memory (6e+07 handovers a replication, 1 replications in flight at once), over the 4 GiB limit; lower the rate or the horizon, or use fewer workers"},
		{"interval too long", func(c *sim.Config) {}, []time.Duration{time.Minute, 36501 * 24 * time.Hour},
			"sweep.interval: every interval must be at most 36500d (100 years) (got 36501d)"},
		// Validated at each interval: the first that fails names the field once.
		{"keepalive_early at a sweep interval", func(c *sim.Config) {
			c.Platform, _ = PlatformPreset("ios6")
			c.Platform.KeepaliveMin, c.Platform.KeepaliveEarly = 0, sim.Fixed(time.Minute)
		}, []time.Duration{10 * time.Minute, 30 * time.Second, 45 * time.Second},
			"platform.keepalive_early: must stay below the effective interval 30s (its upper end is 1m): the handler would fire again 1ms after firing that early (got 1m)"},
		{"idle multiple at a sweep interval", func(c *sim.Config) { c.Server.IdleTimeoutMultiple = 1000 }, []time.Duration{10 * time.Minute, 10000 * 24 * time.Hour},
			"server.idle_timeout: that multiple of the effective interval 10000d is over 36500d (100 years) (got 1000x)"},
		// 7d / 1ms = 6.048e8 pings.
		{"heartbeat flood at a sweep interval", func(c *sim.Config) { c.Replications = 1 }, []time.Duration{10 * time.Minute, time.Millisecond},
			"sweep.interval: a replication would need about 3e+09 events (6e+08 heartbeats × 5 events each, over 7d), more than max_events 50000000: it would stop part-way; lower the rate or the horizon, or raise max_events"},
	} {
		cfg := s.Config
		// Always awake, no user, no generators: the estimates are plain sums.
		cfg.Platform = sim.Platform{Name: "always-awake", AlwaysAwake: true}
		cfg.User, cfg.Events = sim.User{}, nil
		cfg.Network.Outages, cfg.Network.Handovers, cfg.Server.Restarts, cfg.Server.Pushes = nil, nil, nil, nil
		c.change(&cfg)
		err := CheckLimits(&cfg, c.intervals)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v\nwant %s", c.name, err, c.want)
		}
	}
}

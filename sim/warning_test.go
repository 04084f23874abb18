package sim

import (
	"strings"
	"testing"
	"time"
)

// Every kind has its own words naming its values, and warnings that differ
// only in their durations are the same for a sweep's report.
func TestWarnings(t *testing.T) {
	for _, c := range []struct {
		w    Warning
		want []string
	}{
		{Warning{Kind: WarnClamped, Interval: 5 * time.Minute, Platform: "ios6", Limit: 10 * time.Minute}, []string{"5m", "ios6", "10m", "clamps"}},
		{Warning{Kind: WarnNoKeepalive, Platform: "ios13"}, []string{"ios13", "no keepalive handler"}},
		{Warning{Kind: WarnServerIdle, Setting: 270 * time.Second, Interval: 5 * time.Minute}, []string{"server.idle_timeout 270s", "5m"}},
		{Warning{Kind: WarnLateEvents, Count: 2, Setting: 48 * time.Hour}, []string{"2 of the scripted events", "2d"}},
		{Warning{Kind: WarnNATIdle, Setting: 20 * time.Minute, Interval: 25 * time.Minute}, []string{"nat_idle_timeout 20m", "25m"}},
		{Warning{Kind: WarnOneReplication}, []string{"one replication"}},
		{Warning{Kind: WarnPolicyClamped, Policy: "adaptive", Interval: 270 * time.Second, Platform: "ios6", Limit: 10 * time.Minute},
			[]string{"policy adaptive", "270s", "ios6", "clamps them to 10m"}},
		{Warning{Kind: WarnDozeDefers, Platform: "android-doze", Limit: time.Hour, Setting: 6 * time.Hour},
			[]string{"android-doze", "maintenance windows, 1h to 6h apart", "allow_while_idle"}},
		{Warning{Kind: WarnWhileIdle, Platform: "android-fgs", Interval: 30 * time.Second, Limit: 50 * time.Second},
			[]string{"android-fgs", "50s apart", "interval 30s"}},
	} {
		s := c.w.String()
		for _, part := range c.want {
			if !strings.Contains(s, part) {
				t.Errorf("kind %d: %q lacks %q", c.w.Kind, s, part)
			}
		}
		if b, _ := c.w.MarshalText(); string(b) != s {
			t.Errorf("kind %d: MarshalText %q, String %q", c.w.Kind, b, s)
		}
		other := c.w
		other.Interval, other.Setting, other.Limit = time.Hour, 2*time.Hour, 3*time.Hour
		if !c.w.SameBut(other) {
			t.Errorf("kind %d: not the same at another interval", c.w.Kind)
		}
		other.Count++
		if c.w.SameBut(other) {
			t.Errorf("kind %d: the same with another count", c.w.Kind)
		}
	}
	if (Warning{Kind: WarnClamped, Platform: "ios6"}).SameBut(Warning{Kind: WarnNoKeepalive, Platform: "ios6"}) {
		t.Error("two kinds are the same")
	}
}

// Config.Warnings gives each kind from the configuration it is about.
func TestConfigWarnings(t *testing.T) {
	c := Config{Name: "w", Horizon: 2 * time.Hour,
		Platform: Platform{Name: "ios6", Keepalive: true, KeepaliveMin: 10 * time.Minute},
		App:      App{Interval: 5 * time.Minute},
		Server:   Server{IdleTimeoutMultiple: 0.9},
		Network:  Network{NATIdleTimeout: 8 * time.Minute},
		Events:   []ScriptedEvent{{At: 3 * time.Hour}, {At: time.Hour}},
	}
	got := c.Warnings()
	want := []Warning{
		{Kind: WarnClamped, Interval: 5 * time.Minute, Platform: "ios6", Limit: 10 * time.Minute},
		{Kind: WarnServerIdle, Setting: 9 * time.Minute, Interval: 10 * time.Minute},
		{Kind: WarnLateEvents, Count: 1, Setting: 2 * time.Hour},
		{Kind: WarnNATIdle, Setting: 8 * time.Minute, Interval: 10 * time.Minute},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

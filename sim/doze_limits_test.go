package sim_test

import (
	"fmt"
	"testing"
	"time"

	. "pingtune/sim"
)

// TestMotionKeepsDeepDozeAway: a phone that is always moving never goes
// deep idle (motion sends Doze back to inactive from idle pending on), but
// light Doze, which does not watch motion, cycles with its idle periods of
// 5, 10, 15, 15… minutes.
func TestMotionKeepsDeepDozeAway(t *testing.T) {
	cfg := quietAndroid(10 * time.Minute)
	cfg.Horizon = 12 * time.Hour
	cfg.Device.Motion = &Periods{Every: Fixed(time.Millisecond), Duration: Fixed(100 * 24 * time.Hour)}
	d := &cfg.Platform.Android.Doze
	for rep := range 2 {
		res, ev := tracedRun(t, &cfg, rep)
		for _, s := range spansOf(ev, LaneDoze, res.End) {
			if s.state > uint8(DozeIdlePending) && s.from > time.Second {
				t.Fatalf("rep %d: deep Doze %s at %v while moving", rep, LaneDoze.StateName(s.state), s.from)
			}
		}
		var idles []time.Duration
		for _, s := range spansOf(ev, LaneLight, res.End) {
			if s.state == uint8(LightIdle) && s.to < cfg.Horizon {
				idles = append(idles, s.to-s.from)
			}
		}
		if len(idles) < 10 {
			t.Fatalf("rep %d: only %d light idle periods in %v", rep, len(idles), cfg.Horizon)
		}
		want := d.LightIdle
		for i, got := range idles {
			if got != want {
				t.Fatalf("rep %d: light idle period %d lasts %v, want %v", rep, i, got, want)
			}
			want = min(d.LightMaxIdle, time.Duration(float64(want)*d.LightIdleFactor))
		}
	}
}

// TestWhileIdleLimits: a while-idle heartbeat alarm in deep idle fires no
// more often than the release allows (one per while_idle_gap before Android
// 12, while_idle_quota per while_idle_window from 12), each firing grants
// the allowlist, and an exact alarm never fires in deep idle.
func TestWhileIdleLimits(t *testing.T) {
	for _, tc := range []struct {
		version  int
		alarm    AlarmKind
		interval time.Duration
	}{
		{11, AlarmWhileIdle, time.Minute},
		{11, AlarmWhileIdle, 20 * time.Minute},
		{14, AlarmWhileIdle, 30 * time.Second},
		{14, AlarmWhileIdle, 2 * time.Minute},
		{14, AlarmExact, time.Minute},
	} {
		t.Run(fmt.Sprintf("android %d %s %v", tc.version, tc.alarm, tc.interval), func(t *testing.T) {
			cfg := quietAndroid(tc.interval)
			cfg.Platform.Android.Version = tc.version
			cfg.App.Alarm = tc.alarm
			d := &cfg.Platform.Android.Doze
			_, ev := tracedRun(t, &cfg, 0)
			var fired, grants []time.Duration
			state := uint8(DozeActive) // deep Doze as of each record, in record order
			for _, e := range ev {
				if e.Kind == TraceState && e.Lane == LaneDoze {
					state = e.To
				}
				if e.At > cfg.Horizon || state != uint8(DozeIdle) {
					continue
				}
				switch e.Kind {
				case TraceKeepalive:
					fired = append(fired, e.At)
				case TraceAllowlist:
					if e.Latency != d.AlarmAllowlist {
						t.Fatalf("allowlist for %v, want %v", e.Latency, d.AlarmAllowlist)
					}
					grants = append(grants, e.At)
				}
			}
			if tc.alarm == AlarmExact {
				if len(fired) > 0 {
					t.Fatalf("an exact alarm fired in deep idle at %v", fired[0])
				}
				return
			}
			if len(fired) < 3 || len(grants) != len(fired) {
				t.Fatalf("%d while-idle firings in deep idle, %d allowlist grants", len(fired), len(grants))
			}
			for i := range fired {
				if tc.version < 12 && i > 0 && fired[i]-fired[i-1] < max(d.WhileIdleGap, tc.interval) {
					t.Fatalf("firings at %v and %v: closer than %v", fired[i-1], fired[i], d.WhileIdleGap)
				}
				if tc.version >= 12 && i >= d.WhileIdleQuota && fired[i]-fired[i-d.WhileIdleQuota] < d.WhileIdleWindow {
					t.Fatalf("%d firings within %v before %v", d.WhileIdleQuota+1, d.WhileIdleWindow, fired[i])
				}
			}
			if tc.version >= 12 && tc.interval == 30*time.Second {
				// 120 a hour wanted, 72 allowed: the quota binds.
				bound := false
				for i := d.WhileIdleQuota; i < len(fired); i++ {
					if fired[i]-fired[i-d.WhileIdleQuota] == d.WhileIdleWindow {
						bound = true
					}
				}
				if !bound {
					t.Fatal("the quota never held an alarm back")
				}
			}
		})
	}
}

// TestAndroidWarnings: an exact alarm is warned about (deep Doze defers
// it), and a while-idle one only below the limit's average spacing: the
// gap before Android 12, window/quota from 12.
func TestAndroidWarnings(t *testing.T) {
	for _, tc := range []struct {
		version  int
		alarm    AlarmKind
		interval time.Duration
		want     []WarningKind
	}{
		{15, AlarmExact, 10 * time.Minute, []WarningKind{WarnDozeDefers}},
		{15, AlarmWhileIdle, 49 * time.Second, []WarningKind{WarnWhileIdle}},
		{15, AlarmWhileIdle, 50 * time.Second, nil},
		{11, AlarmWhileIdle, 8 * time.Minute, []WarningKind{WarnWhileIdle}},
		{11, AlarmWhileIdle, 9 * time.Minute, nil},
	} {
		cfg := quietAndroid(tc.interval)
		cfg.Network.NATIdleTimeout = 0
		cfg.Platform.Android.Version, cfg.App.Alarm = tc.version, tc.alarm
		var got []WarningKind
		for _, w := range cfg.Warnings() {
			got = append(got, w.Kind)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("Android %d, %s every %v: warnings %v, want %v", tc.version, tc.alarm, tc.interval, got, tc.want)
		}
	}
}

// TestForegroundServiceInDoze: with a foreground service the app keeps its
// socket and its network in deep idle (pushes arrive at once, nothing is
// destroyed), but its exact alarm is still deferred to the maintenance
// windows; without one, deep idle destroys the socket and nothing arrives.
func TestForegroundServiceInDoze(t *testing.T) {
	for _, fgs := range []bool{true, false} {
		cfg := quietAndroid(10 * time.Minute)
		cfg.Horizon = 2 * 24 * time.Hour
		cfg.Network.NATIdleTimeout = 0
		cfg.Server.IdleTimeoutMultiple = 0
		cfg.Server.Pushes = &Pushes{PerHour: 6}
		cfg.Platform.Android.ForegroundService = fgs
		_, ev := tracedRun(t, &cfg, 0)
		var kills, alarms, inIdle int
		state := uint8(DozeActive) // deep Doze as of each record, in record order
		for _, e := range ev {
			if e.Kind == TraceState && e.Lane == LaneDoze {
				state = e.To
			}
			if e.At > cfg.Horizon || state != uint8(DozeIdle) {
				continue
			}
			switch e.Kind {
			case TraceSocketKilled:
				kills++
			case TraceKeepalive:
				alarms++
			case TracePushDelivered:
				if e.Latency < time.Second {
					inIdle++
				}
			}
		}
		if alarms > 0 {
			t.Errorf("foreground service %v: %d exact alarms fired in deep idle", fgs, alarms)
		}
		switch {
		case fgs && (kills > 0 || inIdle < 10):
			t.Errorf("foreground service: %d sockets destroyed and %d pushes read at once in deep idle, want 0 and many", kills, inIdle)
		case !fgs && (kills == 0 || inIdle > 0):
			t.Errorf("no foreground service: %d sockets destroyed and %d pushes read at once in deep idle, want some and 0", kills, inIdle)
		}
	}
}

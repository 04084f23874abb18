package sim_test

import (
	"testing"
	"time"

	. "pingtune/sim"
)

// TestFreezerKillsSockets: on Android 15 a suspended app without a
// foreground service loses its socket freezer_debounce after it is
// suspended, whatever Doze does; so every heartbeat reconnects. With a
// foreground service, or without the rule, the socket lives on.
func TestFreezerKillsSockets(t *testing.T) {
	for _, tc := range []struct {
		name        string
		freeze, fgs bool
		wantKills   bool
	}{{"android 15", true, false, true}, {"foreground service", true, true, false}, {"android 14", false, false, false}} {
		cfg := quietAndroid(10 * time.Minute)
		cfg.Horizon = 12 * time.Hour
		cfg.Platform.Android.FreezeKillsSockets = tc.freeze
		cfg.Platform.Android.ForegroundService = tc.fgs
		cfg.Platform.Android.Doze.Light, cfg.Platform.Android.Doze.IdleKillsSockets = false, false
		debounce := cfg.Platform.Android.FreezerDebounce
		_, ev := tracedRun(t, &cfg, 0)
		var suspendedAt time.Duration = 0 // the app starts suspended
		kills, wakeups := 0, 0
		for _, e := range ev {
			switch {
			case e.Kind == TraceWakeup && e.At < cfg.Horizon:
				wakeups++
			case e.Kind == TraceState && e.Lane == LaneApp && e.To == uint8(Suspended):
				suspendedAt = e.At
			case e.Kind == TraceSocketKilled:
				kills++
				if e.At-suspendedAt != debounce {
					t.Fatalf("%s: socket destroyed at %v, %v after the app was suspended, want %v", tc.name, e.At, e.At-suspendedAt, debounce)
				}
			}
		}
		if (kills > 0) != tc.wantKills {
			t.Fatalf("%s: %d sockets destroyed", tc.name, kills)
		}
		// Each wakeup reconnects, and the app is frozen after it again.
		if tc.wantKills && (kills < wakeups || wakeups < 5) {
			t.Fatalf("%s: %d sockets destroyed after %d wakeups", tc.name, kills, wakeups)
		}
	}
}

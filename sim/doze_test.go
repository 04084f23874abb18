package sim_test

import (
	"fmt"
	"testing"
	"time"

	"pingtune/internal/testcfg"
	. "pingtune/sim"
)

// This file tests Doze (doze.go, doze_rules.go, fcm.go) through traces:
// the times below are derived from the Doze constants, never copied from
// a run.

// quietAndroid is a stationary phone with its screen off and on battery,
// whose app pings on an exact alarm: no user, no pushes, no outages.
func quietAndroid(interval time.Duration) Config {
	c := testcfg.AndroidChat()
	c.Horizon = 24 * time.Hour
	c.App.Interval = interval
	c.User = User{}
	c.Server.Pushes = nil
	// Doze's rules alone: Android 15's freezer would destroy the socket
	// 10 s after each wakeup, Doze or not (freezer_test.go).
	c.Platform.Android.FreezeKillsSockets = false
	return c
}

// span is a stretch of one lane in one state.
type span struct {
	from, to time.Duration
	state    uint8
}

// spansOf cuts lane l of a trace into its state spans up to end.
func spansOf(ev []TraceEvent, l Lane, end time.Duration) []span {
	var out []span
	cur := span{}
	for _, e := range ev {
		if e.Kind != TraceState || e.Lane != l {
			continue
		}
		cur.to = e.At
		if cur.to > cur.from {
			out = append(out, cur)
		}
		cur = span{from: e.At, state: e.To}
	}
	cur.to = end
	return append(out, cur)
}

// firstIdle is when deep Doze first goes idle after the screen goes off at
// time zero with the device still: the inactive timeout, idle pending,
// sensing and locating.
func firstIdle(d *Doze) time.Duration {
	return d.InactiveTimeout + d.IdleAfterInactive + d.Sensing + d.Locating
}

// maintenanceWindow is the length of maintenance window k (from 0) when the
// system's work in it is d.MaintenanceWork's constant.
func maintenanceWindow(d *Doze, k int) time.Duration {
	budget := d.Maintenance
	for range k {
		budget = min(d.MaxMaintenance, time.Duration(float64(budget)*d.MaintenanceFactor))
	}
	return min(max(d.MaintenanceWork.Value, d.MinMaintenance), budget)
}

// idlePeriod is the length of deep idle period k (from 0).
func idlePeriod(d *Doze, k int) time.Duration {
	p := d.Idle
	for range k {
		p = min(d.MaxIdle, time.Duration(float64(p)*d.IdleFactor))
	}
	return p
}

// appNetwork reports whether a record is the app using the network.
func appNetwork(k TraceKind) bool {
	switch k {
	case TracePingSent, TracePongReceived, TraceConnectStart, TraceConnectOK, TracePushDelivered:
		return true
	}
	return false
}

// TestDeepDozeSchedule: a still phone, screen off, on battery. Deep Doze
// goes idle at the documented time, and its maintenance windows follow the
// schedule (idle 1 h, 2 h, 4 h, 6 h, 6 h…, each window as long as its work
// within its bounds); after the first idle entry the app uses the network
// only inside maintenance windows, whatever its interval.
func TestDeepDozeSchedule(t *testing.T) {
	for _, interval := range []time.Duration{30 * time.Second, 4*time.Minute + 45*time.Second, 10 * time.Minute, 28 * time.Minute, 2 * time.Hour} {
		t.Run(fmt.Sprint(interval), func(t *testing.T) {
			cfg := quietAndroid(interval)
			d := &cfg.Platform.Android.Doze
			for rep := range 2 {
				res, ev := tracedRun(t, &cfg, rep)
				var want []span
				at := firstIdle(d)
				for k := 0; at < cfg.Horizon; k++ {
					idle := idlePeriod(d, k)
					want = append(want, span{at, at + idle, uint8(DozeIdle)})
					at += idle
					win := maintenanceWindow(d, k)
					want = append(want, span{at, at + win, uint8(DozeMaintenance)})
					at += win
				}
				var got []span
				for _, s := range spansOf(ev, LaneDoze, res.End) {
					if (s.state == uint8(DozeIdle) || s.state == uint8(DozeMaintenance)) && s.from < cfg.Horizon {
						got = append(got, s)
					}
				}
				for i := range got {
					if i >= len(want) || got[i] != want[i] && !(i == len(got)-1 && got[i].from == want[i].from) {
						t.Fatalf("rep %d: deep Doze span %d is %v, want %v", rep, i, got[i], want[min(i, len(want)-1)])
					}
				}
				if len(got) < 8 {
					t.Fatalf("rep %d: only %d idle and maintenance spans in %v", rep, len(got), cfg.Horizon)
				}
				inWindow := func(at time.Duration) bool {
					for _, s := range got {
						if s.state == uint8(DozeMaintenance) && at >= s.from && at <= s.to {
							return true
						}
					}
					return false
				}
				used := 0
				for _, e := range ev {
					if !appNetwork(e.Kind) || e.At < got[0].from || e.At > cfg.Horizon {
						continue
					}
					if !inWindow(e.At) {
						t.Fatalf("rep %d: %s at %v, outside every maintenance window", rep, e.Kind, e.At)
					}
					used++
				}
				if used == 0 {
					t.Fatalf("rep %d: the app never used the network in deep Doze", rep)
				}
			}
		})
	}
}

// TestUserSessionEndsDoze: the user opens the app in deep idle. Doze is
// active at that instant and the app, whose socket Doze destroyed, is
// connected again within a promotion, a connect and a round trip.
func TestUserSessionEndsDoze(t *testing.T) {
	cfg := quietAndroid(10 * time.Minute)
	d := &cfg.Platform.Android.Doze
	open := firstIdle(d) + idlePeriod(d, 0)/2
	cfg.Events = []ScriptedEvent{{At: open, Kind: ScriptUserOpen, For: 5 * time.Minute}}
	bound := cfg.Radio.Promotion + cfg.Network.ConnectTime.Value + cfg.Network.RTT.Value
	for rep := range 3 {
		res, ev := tracedRun(t, &cfg, rep)
		spans := spansOf(ev, LaneDoze, res.End)
		var before, after uint8 = 255, 255
		for _, s := range spans {
			if s.from < open && s.to >= open {
				before = s.state
			}
			if s.from <= open && s.to > open {
				after = s.state
			}
		}
		if before != uint8(DozeIdle) || after != uint8(DozeActive) {
			t.Fatalf("rep %d: Doze %s before the session and %s at it, want idle then active",
				rep, LaneDoze.StateName(before), LaneDoze.StateName(after))
		}
		up := time.Duration(-1)
		for _, e := range ev {
			if e.Kind == TraceConnectOK && e.At >= open {
				up = e.At
				break
			}
		}
		if up < 0 || up-open > bound {
			t.Fatalf("rep %d: connected %v after the session began, want within %v", rep, up-open, bound)
		}
	}
}

// fcmRun runs the chat app in Doze with pushes that find the server without
// a session, so that they go through FCM at the given priority.
func fcmRun(t *testing.T, high bool, rep int) (Config, Result, []TraceEvent) {
	cfg := quietAndroid(10 * time.Minute)
	cfg.Horizon = 3 * 24 * time.Hour
	cfg.Server.Pushes = &Pushes{PerHour: 2, FCM: &FCM{High: high, Latency: Fixed(time.Second)}}
	res, ev := tracedRun(t, &cfg, rep)
	return cfg, res, ev
}

// dozeAt is deep and light Doze's state at t (the state entered last at or
// before t).
func dozeAt(spans []span, at time.Duration) uint8 {
	s := spans[0].state
	for _, sp := range spans {
		if sp.from <= at {
			s = sp.state
		}
	}
	return s
}

// TestFCMHighPriorityInDoze: a high-priority FCM message that reaches the
// phone in deep idle is read at once, and the app is connected again
// within the temporary allowlist it grants.
func TestFCMHighPriorityInDoze(t *testing.T) {
	checked := 0
	for rep := range 3 {
		cfg, res, ev := fcmRun(t, true, rep)
		window := cfg.Platform.Android.Doze.FCMAllowlist
		deep := spansOf(ev, LaneDoze, res.End)
		viaFCM := map[int64]bool{}
		for i, e := range ev {
			if e.Kind == TraceFCMSent {
				viaFCM[e.ID] = true
			}
			if e.Kind != TracePushDelivered || !viaFCM[e.ID] || dozeAt(deep, e.At) != uint8(DozeIdle) || e.At > cfg.Horizon {
				continue
			}
			if e.Latency != time.Second {
				t.Fatalf("rep %d: push %d read %v after it was sent, want the FCM latency 1s", rep, e.ID, e.Latency)
			}
			ok := false
			for _, f := range ev[i:] {
				if f.At > e.At+window {
					break
				}
				if f.Kind == TraceConnectOK {
					ok = true
					break
				}
			}
			if !ok {
				t.Fatalf("rep %d: push %d read in deep idle at %v, but no connection within the %v allowlist", rep, e.ID, e.At, window)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no FCM message reached the phone in deep idle")
	}
}

// TestFCMNormalPriorityWaits: a normal-priority FCM message that reaches
// the phone in Doze's idle is held, and read when the next maintenance
// window (deep or light) opens.
func TestFCMNormalPriorityWaits(t *testing.T) {
	held := 0
	for rep := range 3 {
		cfg, res, ev := fcmRun(t, false, rep)
		deep := spansOf(ev, LaneDoze, res.End)
		light := spansOf(ev, LaneLight, res.End)
		heldAt := map[int64]time.Duration{}
		for _, e := range ev {
			switch e.Kind {
			case TraceFCMHeld:
				if d, l := dozeAt(deep, e.At), dozeAt(light, e.At); d != uint8(DozeIdle) && l != uint8(LightIdle) {
					t.Fatalf("rep %d: push %d held at %v with Doze %s / light %s", rep, e.ID, e.At, LaneDoze.StateName(d), LaneLight.StateName(l))
				}
				heldAt[e.ID] = e.At
			case TracePushDelivered:
				at, ok := heldAt[e.ID]
				if !ok {
					continue
				}
				// The window opens where the idle span (deep or light) that
				// held it ends.
				next := max(idleEnd(deep, uint8(DozeIdle), at), idleEnd(light, uint8(LightIdle), at))
				if e.At != next {
					t.Fatalf("rep %d: push %d held at %v, read at %v, want at the window opening at %v", rep, e.ID, at, e.At, next)
				}
				if cfg.Horizon > at {
					held++
				}
			}
		}
	}
	if held == 0 {
		t.Fatal("no normal-priority FCM message was held")
	}
}

// idleEnd is the end of the span in state idle that holds t, or -1.
func idleEnd(spans []span, idle uint8, at time.Duration) time.Duration {
	for _, s := range spans {
		if s.state == idle && s.from <= at && at < s.to {
			return s.to
		}
	}
	return -1
}

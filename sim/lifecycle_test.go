package sim_test

import (
	"testing"
	"time"

	"pingtune/internal/testcfg"
	"pingtune/sim"
)

// bare is the ios6 keepalive pattern with nothing happening but the
// keepalive: no user, no outages, restarts or pushes.
func bare(T time.Duration, policy sim.TaskPolicy) sim.Config {
	cfg := testcfg.Classic()
	cfg.Name = "bare"
	cfg.App.Interval = T
	cfg.App.BackgroundTask = policy
	cfg.User = sim.User{}
	cfg.Network.Outages, cfg.Network.Handovers = nil, nil
	cfg.Network.NATIdleTimeout = 0
	cfg.Server.Restarts, cfg.Server.Pushes = nil, nil
	return cfg
}

// A task never ended is still held at the limit, and the watchdog kills the
// app; without relaunch it stays dead, so there are no more wakeups.
func TestLeakedTaskGetsTheAppKilled(t *testing.T) {
	cfg := bare(10*time.Minute, sim.Leak)
	for _, r := range runAll(t, &cfg, 5) {
		if r.Kills != 1 {
			t.Fatalf("rep %d: %d kills, want 1 (killed once, never relaunched)", r.Rep, r.Kills)
		}
		if len(r.Breaks) != 1 || r.Breaks[0].Cause != sim.CauseKill {
			t.Fatalf("rep %d: breaks %+v, want one kill", r.Rep, r.Breaks)
		}
		// The task the first keepalive begins runs out
		// background_task_limit later.
		b := r.Breaks[0]
		limit := cfg.Platform.BackgroundTaskLimit
		first := firstOf(t, cfg, r.Rep, sim.TraceKeepalive)
		if b.At != first+limit {
			t.Errorf("rep %d: killed at %v, want one task limit (%v) after the first keepalive at %v", r.Rep, b.At, limit, first)
		}
		if r.Wakeups[sim.WakeKeepalive] != 1 {
			t.Errorf("rep %d: %d keepalive wakeups, want 1 (a dead app is not woken)", r.Rep, r.Wakeups[sim.WakeKeepalive])
		}
		if b.Client != 0 {
			t.Errorf("rep %d: client detection of its own kill %v, want 0", r.Rep, b.Client)
		}
		if b.Server <= 0 || b.Server > time.Second {
			t.Errorf("rep %d: server detection %v, want the FIN's one-way trip", r.Rep, b.Server)
		}
	}

	// With relaunch, each life lasts until the first leaked task runs out.
	cfg.Platform.RelaunchAfterKill = true
	cfg.Platform.RelaunchDelay = time.Minute
	r := runAll(t, &cfg, 1)[0]
	if r.Kills < 100 || r.Relaunches < r.Kills-1 {
		t.Errorf("with relaunch: %d kills, %d relaunches; want a kill every life", r.Kills, r.Relaunches)
	}
}

// The correct pattern never gets the app killed, whatever the world does.
func TestEndWhenDoneNeverKills(t *testing.T) {
	cfg := testcfg.Classic()
	cfg.Server.Restarts.Every = sim.Dist{Kind: sim.Exp, Value: 6 * time.Hour} // long reconnect loops too
	for _, r := range runAll(t, &cfg, 20) {
		if r.Kills != 0 {
			t.Fatalf("rep %d: %d kills under end_when_done", r.Rep, r.Kills)
		}
	}
}

// end_on_expiry holds the CPU until the expiration handler: each keepalive
// costs background_task_limit − expiry_warning of CPU.
func TestEndOnExpiryHoldsTheCPU(t *testing.T) {
	cfg := bare(20*time.Minute, sim.EndOnExpiry)
	cfg.Platform.KeepaliveEarly = sim.Fixed(0)
	held := cfg.Platform.BackgroundTaskLimit - cfg.Platform.ExpiryWarning
	// Keepalives come exactly every T from a random first one at t0; end
	// the run a minute after the last hold of a week ends.
	t0 := firstOf(t, cfg, 0, sim.TraceKeepalive)
	n := (7*24*time.Hour - t0) / cfg.App.Interval
	cfg.Horizon = t0 + n*cfg.App.Interval + held + time.Minute
	r := runAll(t, &cfg, 1)[0]
	if got := r.Wakeups[sim.WakeKeepalive]; got != int(n)+1 {
		t.Fatalf("%d keepalive wakeups, want %d", got, n+1)
	}
	want := time.Duration(r.Wakeups[sim.WakeKeepalive]) * held
	if r.Kills != 0 || r.CPUTime != want {
		t.Errorf("CPU %v and %d kills, want %d wakeups × %v = %v and none", r.CPUTime, r.Kills, r.Wakeups[sim.WakeKeepalive], held, want)
	}
}

// A NAT that forgets a mapping after N of silence breaks the connection in
// every keepalive cycle longer than N, and never in a shorter one.
func TestHeartbeatAgainstNATTimeout(t *testing.T) {
	const nat = 30 * time.Minute
	for _, tc := range []struct {
		T          time.Duration
		everyCycle bool
	}{
		{10 * time.Minute, false},
		{20 * time.Minute, false},
		{29 * time.Minute, false},
		{31 * time.Minute, true},
		{40 * time.Minute, true},
		{90 * time.Minute, true},
	} {
		for _, platform := range []string{"ios6", "always-awake"} {
			cfg := bare(tc.T, sim.EndWhenDone)
			cfg.Platform.KeepaliveEarly = sim.Fixed(0)
			if platform == "always-awake" {
				cfg.Platform = sim.Platform{Name: platform, AlwaysAwake: true}
			}
			cfg.Network.NATIdleTimeout = nat
			for _, r := range runAll(t, &cfg, 3) {
				beats := r.Pings
				nats := 0
				for _, b := range r.Breaks {
					if b.Cause != sim.CauseNAT {
						t.Fatalf("%s T=%v: a %s break in a NAT-only world", platform, tc.T, b.Cause)
					}
					nats++
				}
				if !tc.everyCycle && nats != 0 {
					t.Errorf("%s T=%v < NAT %v: %d NAT breaks, want none", platform, tc.T, nat, nats)
				}
				// Every ping but perhaps the first (which comes at a random
				// phase, maybe before the NAT's timeout) finds the mapping
				// gone; the last expiry may come after the last ping, before
				// the horizon (and is found in the drain).
				if tc.everyCycle && (nats < beats-1 || nats > beats+1) {
					t.Errorf("%s T=%v > NAT %v: %d NAT breaks in %d ping cycles, want one per cycle", platform, tc.T, nat, nats, beats)
				}
				if tc.everyCycle {
					// After the first cycle the last packet through the NAT
					// is the reconnect's answer: the previous ping's timeout,
					// a radio promotion and the handshake after that ping.
					// The mapping dies NAT later; the next ping goes T after
					// the previous one and is given up on τ after that.
					want := tc.T - nat - cfg.Radio.Promotion - 300*time.Millisecond
					for _, b := range r.Breaks[1:] {
						if b.Client != sim.Unresolved && b.Client != want {
							t.Errorf("%s T=%v: detected after %v, want T − NAT − promotion − connect = %v", platform, tc.T, b.Client, want)
							break
						}
					}
				}
			}
		}
	}
}

// Package testcfg builds sim.Configs by hand for tests that must not depend on the
// scenarios package: the classic iOS 6 VoIP pattern with its sourced numbers (docs/sources.md).
package testcfg

import (
	"time"

	//lint:ignore ST1001 the configs read like the scenario YAML
	. "pingtune/sim"
)

// LTERadio is the LTE profile of docs/sources.md (Huang et al., MobiSys 2012).
func LTERadio() Radio {
	return Radio{Name: "lte", Promotion: 260 * time.Millisecond, PromotionPower: 1.21, ActivePower: 1.21,
		Tail: []TailStage{{For: 11576 * time.Millisecond, Power: 1.06}}}
}

// IOS6Platform is the ios6 preset of docs/sources.md.
func IOS6Platform() Platform {
	return Platform{Name: "ios6", Keepalive: true, KeepaliveMin: 600 * time.Second,
		KeepaliveEarly: Dist{Kind: Uniform, Value: 0, Max: 30 * time.Second}, WakeupBudget: 10 * time.Second,
		BackgroundTaskLimit: 600 * time.Second, EnterBackgroundGrace: 5 * time.Second, ExpiryWarning: 5 * time.Second,
		WakeOnSocketData: true, WakeOnSocketClose: true}
}

// Classic is the ios6-voip-lte pattern with every generator on.
func Classic() Config {
	return Config{
		Name: "test-classic", Horizon: 7 * 24 * time.Hour, Replications: 4, Seed: 1, MaxEvents: 50_000_000,
		Platform: IOS6Platform(),
		App: App{Interval: 10 * time.Minute, Timeout: 30 * time.Second, BackgroundTask: EndWhenDone,
			Reconnect: Backoff{Initial: 2 * time.Second, Max: 5 * time.Minute, Multiplier: 2, Jitter: 0.2}},
		User: User{SessionsPerDay: 12, SessionLength: Dist{Kind: Lognormal, Value: 2 * time.Minute, Shape: 1}},
		Network: Network{RTT: Fixed(80 * time.Millisecond), ConnectTime: Fixed(300 * time.Millisecond),
			NATIdleTimeout: 30 * time.Minute,
			Outages:        &Outages{Every: Dist{Kind: Exp, Value: 8 * time.Hour}, Duration: Dist{Kind: Lognormal, Value: 90 * time.Second, Shape: 1.2}, SignalsClient: true},
			Handovers:      &Handovers{Every: Dist{Kind: Exp, Value: 12 * time.Hour}}},
		Server: Server{IdleTimeoutMultiple: 1.5,
			Restarts: &Restarts{Every: Dist{Kind: Exp, Value: 72 * time.Hour}, Downtime: Dist{Kind: Uniform, Value: 10 * time.Second, Max: 2 * time.Minute}},
			Pushes:   &Pushes{PerHour: 4}},
		Radio:  LTERadio(),
		Device: Device{BatteryMAh: 1440, Voltage: 3.8, CPUPower: 0.25},
	}
}

// TraceWorlds are worlds whose traces cover every kind of record: the
// classic pattern, a NAT that forgets the mapping between pings, a leaking
// background task (kills and relaunches), and an always-awake device whose
// server drops pushes while it is offline.
func TraceWorlds() []Config {
	nat := Classic()
	nat.Name, nat.App.Interval, nat.Network.NATIdleTimeout = "test-nat", 30*time.Minute, 20*time.Minute

	leak := Classic()
	leak.Name, leak.App.BackgroundTask = "test-leak", Leak
	leak.Platform.RelaunchAfterKill, leak.Platform.RelaunchDelay = true, time.Minute

	awake := Classic()
	awake.Name = "test-awake"
	awake.Platform = Platform{Name: "always-awake", AlwaysAwake: true}
	awake.App.Interval, awake.Network.NATIdleTimeout = 5*time.Minute, 350*time.Second
	awake.Server.Pushes.DropOffline = true
	return []Config{Classic(), nat, leak, awake}
}

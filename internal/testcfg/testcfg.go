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

// AndroidDoze is the Doze of the android-doze preset (docs/android.md: AOSP
// DeviceIdleController and AlarmManagerService defaults, Android 15/16);
// scenarios' tests hold the two equal.
func AndroidDoze() Doze {
	return Doze{
		InactiveTimeout: 30 * time.Minute, MotionInactiveTimeout: 10 * time.Minute,
		IdleAfterInactive: 30 * time.Minute, Sensing: 4 * time.Minute, Locating: 30 * time.Second,
		Idle: time.Hour, MaxIdle: 6 * time.Hour, IdleFactor: 2,
		Maintenance: 5 * time.Minute, MaxMaintenance: 10 * time.Minute, MaintenanceFactor: 2,
		MinMaintenance: 30 * time.Second, MaintenanceWork: Fixed(0),
		Light: true, LightAfterInactive: 4 * time.Minute, LightIdle: 5 * time.Minute, LightMaxIdle: 15 * time.Minute,
		LightIdleFactor: 2, LightMinMaintenance: 5 * time.Second, LightMaintenanceBudget: time.Minute,
		LightMaintenanceWork: Fixed(0),
		WhileIdleGap:         9 * time.Minute, WhileIdleQuota: 72, WhileIdleWindow: time.Hour,
		IdleKillsSockets: true, AlarmAllowlist: 10 * time.Second, FCMAllowlist: 10 * time.Second,
	}
}

// AndroidPlatform is the android-doze preset.
func AndroidPlatform() Platform {
	return Platform{Name: "android-doze", Kind: KindAndroid, Keepalive: true, KeepaliveMin: 5 * time.Second, KeepaliveEarly: Fixed(0),
		WakeupBudget: 10 * time.Second, BackgroundTaskLimit: time.Minute, EnterBackgroundGrace: 5 * time.Second,
		WakeOnSocketData: true, WakeOnSocketClose: true,
		Android: Android{Version: 15, FreezeKillsSockets: true, FreezerDebounce: 10 * time.Second, Doze: AndroidDoze()}}
}

// AndroidChat is a chat app on an android-doze phone: stationary, screen off
// but for the user's sessions, on Wi-Fi behind a home NAT, its server
// falling back to high-priority FCM.
func AndroidChat() Config {
	c := Classic()
	c.Name = "test-android"
	c.Platform = AndroidPlatform()
	c.Network.Outages, c.Network.Handovers, c.Server.Restarts = nil, nil, nil
	c.Server.Pushes = &Pushes{PerHour: 4, FCM: &FCM{High: true, Latency: Dist{Kind: Lognormal, Value: time.Second, Shape: 1}}}
	return c
}

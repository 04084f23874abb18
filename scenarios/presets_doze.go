package scenarios

import (
	"time"

	"pingtune/sim"
)

// The Android presets. Sources (docs/android.md gives the repositories,
// commits and versions): AOSP frameworks/base DeviceIdleController.java
// (DIC), AlarmManagerService.java (AMS), PowerManagerService.java (PMS),
// NetworkManagementService.java (NMS), NetworkPolicyManager.java (NPM); the
// Android and Firebase documentation. Every DeviceIdleController and
// AlarmManager constant is a DeviceConfig key that a phone's maker may
// change: each is a field a scenario can override.

// androidDoze is an app on Android 15 with Doze's AOSP defaults.
func androidDoze() sim.Platform {
	return sim.Platform{
		Name: "android-doze",
		Kind: sim.KindAndroid,
		// The heartbeat is an AlarmManager wakeup alarm: the keepalive
		// machinery with no early firing (setExact is delivered "precisely
		// at the stated time", AlarmManager reference). AMS
		// DEFAULT_MIN_FUTURITY: an alarm set less than 5 s ahead is moved
		// to 5 s.
		Keepalive:      true,
		KeepaliveMin:   5 * time.Second,
		KeepaliveEarly: sim.Fixed(0),
		// The alarm's wakelock lasts while the receiver runs
		// (AlarmManager reference); a receiver has at most 10 s before an
		// ANR (foreground broadcasts): an assumption for the CPU a wakeup
		// gives without the app's own wakelock.
		WakeupBudget: 10 * time.Second,
		// A background task is the app's own partial wakelock, acquired
		// with a timeout; 60 s is the app's choice (an assumption).
		// Nothing kills an app that holds one.
		BackgroundTaskLimit: time.Minute,
		ExpiryWarning:       0,
		// The CPU sleeps a few seconds after the screen goes off: an assumption.
		EnterBackgroundGrace: 5 * time.Second,
		// Data (and a FIN/RST) on the socket wakes the CPU: on Wi-Fi the
		// APF filter passes unicast TCP to the application processor
		// (source.android.com, "Android Packet Filter"); on cellular an
		// assumption.
		WakeOnSocketData:  true,
		WakeOnSocketClose: true,
		Android: sim.Android{
			// The while-idle quota rule of Android 12 and later.
			Version: 15,
			// Android 15: ConnectivityService destroys a frozen app's
			// sockets (DESTROY_SOCKET_REASON_FROZEN, mDestroyFrozenSockets =
			// isAtLeastV()); CachedAppOptimizer freezes a cached process
			// DEFAULT_FREEZER_DEBOUNCE_TIMEOUT = 10 s after (14+).
			FreezeKillsSockets: true,
			FreezerDebounce:    10 * time.Second,
			Doze:               aospDoze(),
		},
	}
}

// androidFGS is androidDoze with a foreground service: its process state
// (FOREGROUND_SERVICE ≤ BOUND_FOREGROUND_SERVICE) passes Doze's firewall
// (NPM isProcStateAllowedWhileIdleOrPowerSaveMode), is exempt from the
// socket kill (NMS closeSocketsForFirewallChainLocked's exemptUids) and
// keeps its wakelocks in deep idle (PMS setWakeLockDisabledStateLocked),
// and is not cached, so the freezer leaves it alone (CachedAppOptimizer).
// Doze still runs (DIC's ACTIVE→INACTIVE test reads only the screen, the
// charger and the keyguard) and the app's ordinary alarms are still deferred
// (Android docs, "Optimize for Doze and App Standby").
func androidFGS() sim.Platform {
	p := androidDoze()
	p.Name = "android-fgs"
	p.Android.ForegroundService = true
	return p
}

// aospDoze is Doze's timing: DeviceIdleController's defaults (Android 15/16,
// the same in the 12/13 era but where noted) and AlarmManagerService's.
func aospDoze() sim.Doze {
	return sim.Doze{
		InactiveTimeout:       30 * time.Minute, // DIC INACTIVE_TIMEOUT
		MotionInactiveTimeout: 10 * time.Minute, // DIC MOTION_INACTIVE_TIMEOUT
		IdleAfterInactive:     30 * time.Minute, // DIC IDLE_AFTER_INACTIVE_TIMEOUT
		Sensing:               4 * time.Minute,  // DIC SENSING_TIMEOUT (its longest)
		Locating:              30 * time.Second, // DIC LOCATING_TIMEOUT (its longest)
		Idle:                  time.Hour,        // DIC IDLE_TIMEOUT
		MaxIdle:               6 * time.Hour,    // DIC MAX_IDLE_TIMEOUT
		IdleFactor:            2,                // DIC IDLE_FACTOR
		Maintenance:           5 * time.Minute,  // DIC IDLE_PENDING_TIMEOUT
		MaxMaintenance:        10 * time.Minute, // DIC MAX_IDLE_PENDING_TIMEOUT
		MaintenanceFactor:     2,                // DIC IDLE_PENDING_FACTOR
		MinMaintenance:        30 * time.Second, // DIC MIN_DEEP_MAINTENANCE_TIME
		// A window ends when no job or alarm is active
		// (exitMaintenanceEarlyIfNeededLocked); the other apps' work in it
		// is an assumption: none, so each window lasts its shortest.
		MaintenanceWork:        sim.Fixed(0),
		Light:                  true,
		LightAfterInactive:     4 * time.Minute,  // DIC LIGHT_IDLE_AFTER_INACTIVE_TIMEOUT (15/16; 60 s in the 13 era)
		LightIdle:              5 * time.Minute,  // DIC LIGHT_IDLE_TIMEOUT
		LightMaxIdle:           15 * time.Minute, // DIC LIGHT_MAX_IDLE_TIMEOUT
		LightIdleFactor:        2,                // DIC LIGHT_IDLE_FACTOR
		LightMinMaintenance:    5 * time.Second,  // DIC MIN_LIGHT_MAINTENANCE_TIME
		LightMaintenanceBudget: time.Minute,      // DIC LIGHT_IDLE_MAINTENANCE_MIN_BUDGET
		LightMaintenanceWork:   sim.Fixed(0),     // as MaintenanceWork: an assumption
		WhileIdleGap:           9 * time.Minute,  // AMS (≤ 11) DEFAULT_ALLOW_WHILE_IDLE_LONG_TIME
		WhileIdleQuota:         72,               // AMS (12+) DEFAULT_ALLOW_WHILE_IDLE_QUOTA
		WhileIdleWindow:        time.Hour,        // AMS (12+) DEFAULT_ALLOW_WHILE_IDLE_WINDOW
		// NMS closeSocketsForFirewallChainLocked destroys the blocked apps'
		// sockets when the chain is enabled (Android 10, 13); from 14
		// ConnectivityService does (destroyLiveTcpSockets; 14, 15).
		IdleKillsSockets: true,
		AlarmAllowlist:   10 * time.Second, // AMS DEFAULT_ALLOW_WHILE_IDLE_WHITELIST_DURATION
		// Not published by Google; microG passes 10 000 ms (McsService):
		// an assumption.
		FCMAllowlist: 10 * time.Second,
	}
}

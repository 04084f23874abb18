package sim

import (
	"fmt"
	"time"
)

// This file is the Android platform's configuration: the Doze constants of
// AOSP's DeviceIdleController and AlarmManagerService, the while-idle alarm
// limits, the temporary allowlists and the foreground-service exemption.
// The rules live in doze.go (the state machine), doze_rules.go (what Doze
// restricts), alarm.go (the heartbeat alarm), fcm.go (Firebase Cloud
// Messaging) and device_state.go (screen, motion, charging). The numbers
// and their sources are in scenarios/presets.go and docs/android.md.

// PlatformKind is the family of rules a platform runs under: one named mode,
// so that a new platform is a preset plus its rules file.
type PlatformKind uint8

// The platform kinds.
const (
	// KindIOS: a suspended app runs only in the platform's keepalive
	// handler, wakeups and background tasks (with the watchdog); the rules of
	// app.go. always_awake turns suspension off whatever the kind.
	KindIOS PlatformKind = iota
	// KindAndroid: the heartbeat is an AlarmManager alarm, wakelocks keep the
	// CPU, and Doze (doze.go) decides when the app may use the network.
	KindAndroid
	numPlatformKinds
)

var platformKindNames = [...]string{"ios", "android"}

func (k PlatformKind) String() string {
	if int(k) < len(platformKindNames) {
		return platformKindNames[k]
	}
	return fmt.Sprintf("PlatformKind(%d)", k)
}

// PlatformKinds lists the kinds as the YAML writes them.
func PlatformKinds() []string { return platformKindNames[:] }

// AlarmKind is how the app sets its heartbeat alarm on Android.
type AlarmKind uint8

// The alarm kinds.
const (
	// AlarmExact: AlarmManager.setExact(RTC_WAKEUP): on time outside Doze,
	// deferred to the next maintenance window in deep Doze.
	AlarmExact AlarmKind = iota
	// AlarmWhileIdle: setExactAndAllowWhileIdle: fires in deep Doze too,
	// within the while-idle limit, and puts the app on the temporary
	// allowlist for Android.AlarmAllowlist.
	AlarmWhileIdle
)

var alarmKindNames = [...]string{"exact", "allow_while_idle"}

func (a AlarmKind) String() string {
	if int(a) < len(alarmKindNames) {
		return alarmKindNames[a]
	}
	return fmt.Sprintf("AlarmKind(%d)", a)
}

// AlarmKinds lists the alarm kinds as the YAML writes them.
func AlarmKinds() []string { return alarmKindNames[:] }

// Android holds the rules of an Android platform (Platform.Kind KindAndroid).
type Android struct {
	// Version is the Android release: 12 and later limit while-idle alarms
	// by a quota per window, earlier ones by a minimum gap.
	Version int
	// ForegroundService: the app runs a foreground service, which Doze's
	// network firewall and wakelock rule exempt (alarms are still deferred).
	ForegroundService bool
	// FreezeKillsSockets: a cached app (suspended, no foreground service)
	// is frozen FreezerDebounce later, and its TCP sockets are destroyed
	// (Android 15+: ConnectivityService, freezer.go).
	FreezeKillsSockets bool
	FreezerDebounce    time.Duration

	Doze Doze
}

// Doze is the timing of deep and light Doze (DeviceIdleController) and of
// what it restricts.
type Doze struct {
	// Deep Doze: screen off and unplugged for InactiveTimeout, then
	// IdleAfterInactive (idle pending), Sensing and Locating without motion,
	// then idle for Idle, growing by IdleFactor up to MaxIdle, with a
	// maintenance window between idle periods.
	InactiveTimeout       time.Duration
	MotionInactiveTimeout time.Duration // the inactive timeout after motion reset Doze
	IdleAfterInactive     time.Duration
	Sensing               time.Duration
	Locating              time.Duration
	Idle                  time.Duration
	MaxIdle               time.Duration
	IdleFactor            float64
	// A maintenance window lasts MaintenanceWork (the work the system has to
	// do, drawn each window), at least MinMaintenance and at most the
	// window's budget: Maintenance, growing by MaintenanceFactor up to
	// MaxMaintenance.
	Maintenance       time.Duration
	MaxMaintenance    time.Duration
	MaintenanceFactor float64
	MinMaintenance    time.Duration
	MaintenanceWork   Dist

	// Light Doze (off when Light is false): after LightAfterInactive
	// inactive, idle for LightIdle growing by LightIdleFactor up to
	// LightMaxIdle, with maintenance windows of LightMaintenanceWork, at
	// least LightMinMaintenance and at most LightMaintenanceBudget.
	Light                  bool
	LightAfterInactive     time.Duration
	LightIdle              time.Duration
	LightMaxIdle           time.Duration
	LightIdleFactor        float64
	LightMinMaintenance    time.Duration
	LightMaintenanceBudget time.Duration
	LightMaintenanceWork   Dist

	// While-idle alarms: before Android 12 one per WhileIdleGap per app;
	// from 12, WhileIdleQuota per WhileIdleWindow.
	WhileIdleGap    time.Duration
	WhileIdleQuota  int
	WhileIdleWindow time.Duration
	// IdleKillsSockets: each idle entry (deep or light) destroys the open
	// TCP sockets of the apps the firewall blocks (the app reads
	// ECONNABORTED, the server gets an RST).
	IdleKillsSockets bool

	// The temporary allowlist (network and wakelocks in Doze) after a
	// while-idle alarm, and after a high-priority FCM message.
	AlarmAllowlist time.Duration
	FCMAllowlist   time.Duration
}

// IsAndroid reports whether the platform runs the Android rules.
func (p *Platform) IsAndroid() bool { return p.Kind == KindAndroid && !p.AlwaysAwake }

// quotaRule reports whether while-idle alarms are limited by a quota per
// window (Android 12 and later) rather than by a minimum gap.
func (a *Android) quotaRule() bool { return a.Version >= 12 }

// androidWarnings are what an Android configuration's user should know:
// Doze holds an exact heartbeat back for hours, or the while-idle limit
// stretches a short one.
func (c *Config) androidWarnings() []Warning {
	p := &c.Platform
	if !p.IsAndroid() {
		return nil
	}
	d := &p.Android.Doze
	if c.App.Alarm == AlarmExact {
		return []Warning{{Kind: WarnDozeDefers, Platform: p.Name, Limit: d.Idle, Setting: d.MaxIdle}}
	}
	gap := d.WhileIdleGap
	if p.Android.quotaRule() {
		gap = d.WhileIdleWindow / time.Duration(d.WhileIdleQuota)
	}
	if eff := c.EffectiveInterval(); eff < gap {
		return []Warning{{Kind: WarnWhileIdle, Platform: p.Name, Interval: eff, Limit: gap}}
	}
	return nil
}

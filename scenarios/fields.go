package scenarios

import (
	"strings"

	"pingtune/metric"
	"pingtune/sim"
)

// The field table: every field a scenario file may write, with its kind, its
// default and what it means. The decoder takes each mapping's known keys from
// it (keysOf), Schema builds the JSON Schema from it, and docs/scenario.md's
// field reference is written from it (FieldReference), so that a field is
// known to all three or to none.

// valueKind is what a field's value is.
type valueKind uint8

// The kinds of field value.
const (
	kindSection      valueKind = iota // a mapping of Fields
	kindList                          // a list of mappings of Fields
	kindDuration                      // 10m, 1h30m, 11.576s, 0
	kindPower                         // 250mW, 1.21W, 0
	kindNumber                        // a decimal number
	kindInteger                       // a whole number
	kindText                          // one line of text (a name) or free text (a description)
	kindBool                          // true or false
	kindEnum                          // one of Choices
	kindDistribution                  // a duration (a constant) or a mapping naming one of distributionFields
	kindDurationList                  // a list of durations
	kindDurationPair                  // a list of exactly two durations [low, high]
	kindPresetOr                      // one of Choices (a preset), or a mapping of Fields
	kindNoneOr                        // none, or a mapping of Fields
	kindIdleTimeout                   // a duration or a multiple of the interval (1.5x)
	kindIntervals                     // one duration, a list of durations, or a range mapping of Fields {from, to, step}
	kindBound                         // a requirement: a bound (Fields[0]'s kind), or {max: bound} or {min: bound}
)

// fieldSpec is one field of the scenario language.
type fieldSpec struct {
	Name     string
	Kind     valueKind
	Doc      string      // what it means, for the schema's description and docs/scenario.md
	Default  string      // the value when it is left out, as YAML; "" when it has none
	Required bool        // in its mapping
	Choices  []string    // kindEnum and kindPresetOr: the names it takes
	Fields   []fieldSpec // kindSection, kindList, kindPresetOr, kindNoneOr, kindIntervals: the fields of the mapping; kindBound: max and min
	// Min and Max bound a kindNumber or kindInteger, as decimal text ("" for none);
	// MaxExclusive leaves Max itself out. Parse checks the same bounds.
	Min, Max     string
	MaxExclusive bool
}

// durationDoc is said of every duration field in the reference.
const durationDoc = "a duration: numbers with units d, h, m, s, ms (7d, 1h30m, 11.576s, 250ms); a bare 0 is zero; at most 36500d (100 years)"

var scenarioFields = []fieldSpec{
	{Name: "name", Kind: kindText, Default: "the file name without .yaml",
		Doc: "The scenario's name in reports and file names: 1 to 200 printable characters on one line."},
	{Name: "description", Kind: kindText,
		Doc: "Free text saying what the scenario models; `pingtune scenarios` shows its first sentence. Not used by the simulation."},
	{Name: "horizon", Kind: kindDuration, Default: "7d",
		Doc: "Simulated time per replication, at most 3650d. Costs are counted up to it; breaks near it are followed past it until they are found (the drain)."},
	{Name: "replications", Kind: kindInteger, Default: "100", Min: "1", Max: "100000",
		Doc: "Independent replications of the horizon; the 95% intervals are taken across them."},
	{Name: "seed", Kind: kindInteger, Default: "1", Min: "0", Max: "18446744073709551615",
		Doc: "Random seed: the same scenario and seed give byte-identical results."},
	{Name: "max_events", Kind: kindInteger, Default: "50000000", Min: "1",
		Doc: "Events one replication may process before the run is an error: a guard against a scenario that would run for ever. A run expected to pass it is refused before it starts."},
	{Name: "platform", Kind: kindPresetOr, Default: "ios6", Choices: PlatformPresets(),
		Doc:    "How the OS treats the app in the background: a preset name, or a mapping that starts from `preset` (or, without one, from all zeros) and overrides fields.",
		Fields: platformFieldTable},
	{Name: "app", Kind: kindSection, Required: true, Doc: "The app's heartbeat, its use of background tasks and its reconnect backoff.", Fields: []fieldSpec{
		{Name: "heartbeat", Kind: kindSection, Required: true, Doc: "The heartbeat (ping) the app sends on its connection.", Fields: []fieldSpec{
			{Name: "interval", Kind: kindDuration, Required: true,
				Doc: "The heartbeat interval under study (at least 1ms). On a platform with a keepalive handler the background interval is raised to `platform.keepalive_min`; `-interval` and `sweep.interval` replace it."},
			{Name: "timeout", Kind: kindDuration, Default: "30s",
				Doc: "How long the app waits for a pong, and for a connect, before it gives the connection up."},
			{Name: "foreground_interval", Kind: kindDuration, Default: "0s",
				Doc: "The ping interval while the app is in the foreground (timer-driven); 0 means the same as `interval`."},
			{Name: "policy", Kind: kindEnum, Default: "fixed", Choices: sim.PolicyNames(),
				Doc: "How the background interval moves: `fixed` keeps `interval`; `adaptive` follows the Tencent Mars smart heartbeat rules (`adaptive`), starting at `interval`; `probe` searches for the longest interval whose ping is answered (`probe`) and ignores `interval`. A policy sees only what the client sees (pongs, unanswered pings, network changes); the platform's `keepalive_min` still applies, with a warning."},
			{Name: "adaptive", Kind: kindSection, Doc: "The `adaptive` policy's rules (mars/stn/src/smart_heartbeat.cc): step up after `successes` answered pings in a row, and after `failures` unanswered ones back off and lock; a network change starts over from `interval`. Only with `policy: adaptive`.", Fields: []fieldSpec{
				{Name: "min", Kind: kindDuration, Default: "4m30s", Doc: "The shortest interval (Mars: 4 min 30 s)."},
				{Name: "max", Kind: kindDuration, Default: "14m50s", Doc: "The longest interval (Mars: 14 min 50 s)."},
				{Name: "step", Kind: kindDuration, Default: "1m", Doc: "Added after `successes` answered pings in a row (Mars: 60 s)."},
				{Name: "successes", Kind: kindInteger, Default: "3", Min: "1", Max: "1000", Doc: "Answered pings in a row before a step up (Mars: 3)."},
				{Name: "failures", Kind: kindInteger, Default: "3", Min: "1", Max: "1000", Doc: "Unanswered pings in a row at one interval before the back-off (Mars: 3)."},
				{Name: "backoff", Kind: kindDuration, Default: "1m20s", Doc: "Taken off the failing interval, which then locks (Mars: 80 s)."},
				{Name: "evidence_gap", Kind: kindNumber, Default: "0.9", Min: "0", Max: "1", Doc: "A ping tests the interval only after an idle gap of at least this fraction of it: one right after a reconnect or a foreground ping proves nothing (an assumption)."},
			}},
			{Name: "probe", Kind: kindSection, Doc: "The `probe` policy (Haque et al., IEEE/ACM ToN 2018): search [`min`, `max`] for the longest interval whose ping is answered, to within `resolution`, and search again after a network change. Only with `policy: probe`.", Fields: []fieldSpec{
				{Name: "search", Kind: kindEnum, Default: "binary", Choices: sim.SearchNames(),
					Doc: "`binary` tries `max`, then halves the bracket; `exponential` tries `min` + `step`·(2^k − 1) until a ping fails, then halves the last step."},
				{Name: "min", Kind: kindDuration, Default: "4m30s", Doc: "The shortest interval, taken to survive (an assumption: Mars's floor)."},
				{Name: "max", Kind: kindDuration, Default: "28m", Doc: "The longest interval tried (an assumption: FCM's mobile heartbeat)."},
				{Name: "resolution", Kind: kindDuration, Default: "30s", Doc: "The search stops when the bracket is this narrow (an assumption)."},
				{Name: "step", Kind: kindDuration, Default: "30s", Doc: "`exponential`: the first increment over `min` (an assumption)."},
				{Name: "evidence_gap", Kind: kindNumber, Default: "0.9", Min: "0", Max: "1", Doc: "A ping tests the interval only after an idle gap of at least this fraction of it: one right after a reconnect or a foreground ping proves nothing (an assumption)."},
			}},
			{Name: "alarm", Kind: kindEnum, Default: "exact", Choices: sim.AlarmKinds(),
				Doc: "Android: how the app sets its heartbeat alarm. `exact` (AlarmManager.setExact): on time outside Doze, held for the next maintenance window in deep Doze. `allow_while_idle` (setExactAndAllowWhileIdle): fires in deep Doze too, within `platform.doze`'s while-idle limit, and puts the app on the temporary allowlist for `platform.doze.alarm_allowlist`."},
		}},
		{Name: "background_task", Kind: kindEnum, Default: "end_when_done", Choices: sim.TaskPolicies(),
			Doc: "How the app uses background tasks around each wakeup: `end_when_done` begins one per wakeup and ends it after the pong or the reconnect (or in the expiration handler); `end_on_expiry` holds it until the expiration handler; `leak` never ends it, so the watchdog kills the app at the limit; `none` begins none, so each wakeup lasts at most its `wakeup_budget`; `overwrite` is `end_when_done` with a single task id, so a task begun while one is held leaks the first and the watchdog kills the app."},
		{Name: "reconnect", Kind: kindSection, Doc: "The reconnect backoff: `initial`, multiplied by `multiplier` after each failure up to `max`, each delay spread by ±`jitter`.", Fields: []fieldSpec{
			{Name: "initial", Kind: kindDuration, Default: "2s", Doc: "The first delay before reconnecting."},
			{Name: "max", Kind: kindDuration, Default: "5m", Doc: "The longest delay; not shorter than `initial`."},
			{Name: "multiplier", Kind: kindNumber, Default: "2", Min: "1", Max: "1000", Doc: "The factor between delays."},
			{Name: "jitter", Kind: kindNumber, Default: "0.2", Min: "0", Max: "1", MaxExclusive: true, Doc: "The spread of each delay as a fraction in [0, 1): 0.2 draws it from ±20%."},
		}},
	}},
	{Name: "user", Kind: kindSection, Doc: "The user opening the app (which brings it to the foreground). Left out: the user never opens it.", Fields: []fieldSpec{
		{Name: "sessions_per_day", Kind: kindNumber, Default: "0", Min: "0", Max: "1e6", Doc: "Sessions a day, a Poisson process."},
		{Name: "session_length", Kind: kindDistribution, Doc: "How long each session lasts; required when `sessions_per_day` is above 0."},
	}},
	{Name: "network", Kind: kindSection, Doc: "The path between the device and the server.", Fields: []fieldSpec{
		{Name: "rtt", Kind: kindDistribution, Default: "80ms", Doc: "Round-trip time of an exchange (a ping and its pong)."},
		{Name: "connect_time", Kind: kindDistribution, Default: "300ms", Doc: "Time to set up a connection (TCP and TLS handshakes)."},
		{Name: "nat_idle_timeout", Kind: kindDistribution, Default: "0s",
			Doc: "A NAT on the path forgets the connection's mapping after this long with no packet either way, silently; 0: no NAT. A distribution is a fleet: each replication draws its NAT's timeout once (the same draw at every interval and under every policy)."},
		{Name: "redraw_on_handover", Kind: kindBool, Default: "false",
			Doc: "With a distribution for `nat_idle_timeout`: a handover moves the device behind a new NAT, drawn again from it."},
		{Name: "outages", Kind: kindSection, Doc: "Losses of the path (Wi-Fi drops, tunnels, dead spots); each kills the connection. Left out: none.", Fields: []fieldSpec{
			{Name: "every", Kind: kindDistribution, Required: true, Doc: "The gap from the end of one outage to the start of the next."},
			{Name: "duration", Kind: kindDistribution, Required: true, Doc: "How long each outage lasts."},
			{Name: "signals_client", Kind: kindBool, Default: "true",
				Doc: "Whether the OS tells the socket at once (the interface goes down). false: only a ping, or the server's idle timeout, finds the dead connection."},
		}},
		{Name: "handovers", Kind: kindSection, Doc: "IP changes (between cells, or to Wi-Fi): the connection dies, the path stays up and the OS tells the client. Left out: none.", Fields: []fieldSpec{
			{Name: "every", Kind: kindDistribution, Required: true, Doc: "The gap between handovers."},
		}},
	}},
	{Name: "server", Kind: kindSection, Doc: "The far end of the connection.", Fields: []fieldSpec{
		{Name: "idle_timeout", Kind: kindIdleTimeout, Default: "1.5x",
			Doc: "The server closes a connection that has been silent this long: a duration, or a multiple of the effective interval such as 1.5x (MQTT 3.1.1's rule, which follows `-interval` and the sweep, and under a moving policy the interval at connect); 0: never. A distribution is a fleet of servers: each replication draws its timeout once."},
		{Name: "restarts", Kind: kindSection, Doc: "Server restarts; each kills every connection. Left out: none.", Fields: []fieldSpec{
			{Name: "every", Kind: kindDistribution, Required: true, Doc: "The gap from the end of one downtime to the next restart."},
			{Name: "downtime", Kind: kindDistribution, Required: true, Doc: "How long the server is down."},
			{Name: "kind", Kind: kindEnum, Default: "graceful", Choices: []string{"graceful", "silent"},
				Doc: "`graceful`: the server sends FIN/RST, so the client learns at once; `silent`: nothing is sent (host loss, failover, partition)."},
		}},
		{Name: "pushes", Kind: kindSection, Doc: "Messages from the server to the device. Left out: none.", Fields: []fieldSpec{
			{Name: "per_hour", Kind: kindNumber, Required: true, Min: "0", Max: "1e6", Doc: "Pushes an hour, a Poisson process."},
			{Name: "when_offline", Kind: kindEnum, Default: "queue", Choices: []string{"queue", "drop"},
				Doc: "A push sent while the server knows the client is offline: `queue` delivers it with the next connect's answer, `drop` discards it."},
			{Name: "fcm", Kind: kindSection, Doc: "Firebase Cloud Messaging as the fallback: a push for a client the server holds no session for (while the server is up) goes through FCM instead of `when_offline`, carries the push, and counts as delivered when the app reads it (latency from the server's send). The app, woken, reconnects. Left out: no fallback.", Fields: []fieldSpec{
				{Name: "priority", Kind: kindEnum, Default: "high", Choices: []string{"high", "normal"},
					Doc: "`high`: delivered at once, even in Doze, with the temporary allowlist `platform.doze.fcm_allowlist` (network and wakelocks); `normal`: one that arrives while Doze is idle waits for the next maintenance window (Firebase, \"Android message priority\")."},
				{Name: "latency", Kind: kindDistribution, Default: "{lognormal: {median: 3s, sigma: 1.5}}",
					Doc: "From the server's send to the device. No documented figure exists; the default is an assumption (Yilmaz et al., Globecom 2014: GCM delivery \"unpredictable\", over 40% within 10 s)."},
			}},
		}},
	}},
	{Name: "radio", Kind: kindPresetOr, Default: "lte", Choices: RadioPresets(),
		Doc:    "The radio's power state machine; powers are above the idle baseline. A preset name, or a mapping that starts from `preset` and overrides fields; without `preset`, `promotion`, `promotion_power`, `active_power` and `tail` are required.",
		Fields: radioFieldTable},
	{Name: "device", Kind: kindSection, Doc: "The battery and the CPU's cost.", Fields: []fieldSpec{
		{Name: "battery_mah", Kind: kindNumber, Default: "1440", Min: "1", Max: "1e7", Doc: "Battery capacity in mAh; with `voltage` it turns energy into battery % (an iPhone 5 by default)."},
		{Name: "voltage", Kind: kindNumber, Default: "3.8", Min: "0.1", Max: "1000", Doc: "Battery voltage."},
		{Name: "cpu_power", Kind: kindPower, Default: "250mW",
			Doc: "Power of the CPU while the app runs in the background (an assumption by default); CPU energy is this times the time from each wakeup to the suspension that ends it."},
		{Name: "screen", Kind: kindSection, Doc: "Android: times the user turns the screen on without opening the app (the app's own sessions, under `user`, turn it on too); the screen on ends Doze. Left out: none.", Fields: []fieldSpec{
			{Name: "sessions_per_day", Kind: kindNumber, Required: true, Min: "0", Max: "1e6", Doc: "Screen sessions a day, a Poisson process."},
			{Name: "length", Kind: kindDistribution, Required: true, Doc: "How long the screen stays on."},
		}},
		{Name: "motion", Kind: kindSection, Doc: "Android: periods in which the device moves; motion sends deep Doze back to inactive (light Doze runs on). Left out: the device never moves.", Fields: []fieldSpec{
			{Name: "every", Kind: kindDistribution, Required: true, Doc: "The gap from the end of one period of motion to the start of the next."},
			{Name: "duration", Kind: kindDistribution, Required: true, Doc: "How long each period of motion lasts."},
		}},
		{Name: "charging", Kind: kindSection, Doc: "Android: periods on the charger; there is no Doze while charging. Left out: never charged.", Fields: []fieldSpec{
			{Name: "every", Kind: kindDistribution, Required: true, Doc: "The gap from the end of one charge to the start of the next."},
			{Name: "duration", Kind: kindDistribution, Required: true, Doc: "How long each charge lasts."},
		}},
	}},
	{Name: "events", Kind: kindList, Doc: "Scripted one-shot events, replayed at the same time in every replication beside the generators. Each has `at` and exactly one of `network`, `server` or `user`.", Fields: []fieldSpec{
		{Name: "at", Kind: kindDuration, Required: true, Doc: "When the event happens, from the start of the replication."},
		{Name: "network", Kind: kindEnum, Choices: []string{"down", "handover"}, Doc: "`down`: the path goes down for `for` (takes `signals_client`); `handover`: the IP changes."},
		{Name: "server", Kind: kindEnum, Choices: []string{"restart"}, Doc: "`restart`: the server restarts, down for `for` (takes `kind`)."},
		{Name: "user", Kind: kindEnum, Choices: []string{"open"}, Doc: "`open`: the user opens the app for `for`."},
		{Name: "for", Kind: kindDuration, Doc: "How long: the outage (required), the server's downtime (default 0s) or the session (required)."},
		{Name: "signals_client", Kind: kindBool, Default: "true", Doc: "For `network: down`: whether the OS tells the socket at once."},
		{Name: "kind", Kind: kindEnum, Default: "graceful", Choices: []string{"graceful", "silent"}, Doc: "For `server: restart`: `graceful` (FIN/RST) or `silent`."},
	}},
	{Name: "sweep", Kind: kindSection, Doc: "What `pingtune sweep` compares and what `sweep` and `check` require.", Fields: []fieldSpec{
		{Name: "interval", Kind: kindIntervals,
			Doc: "The intervals `sweep` compares: a range {from, to, step}, a list of durations, or one duration (each at least 1ms, at most 1000 of them).",
			Fields: []fieldSpec{
				{Name: "from", Kind: kindDuration, Required: true, Doc: "The first interval."},
				{Name: "to", Kind: kindDuration, Required: true, Doc: "The last interval (included when the steps reach it)."},
				{Name: "step", Kind: kindDuration, Required: true, Doc: "The step between intervals."},
			}},
		{Name: "require", Kind: kindSection, Doc: "Requirements each interval is tested on, at the conservative end of the metric's 95% interval. A plain value bounds the metric in its natural direction (at most; at least for availability); {max: v} or {min: v} says which.", Fields: requirementFields()},
		{Name: "allow_self_breaks", Kind: kindBool, Default: "false",
			Doc: "true: the sweep may recommend an interval that breaks its own connections (past a NAT's or the server's idle timeout) even when another interval meets every requirement without doing so."},
	}},
}

var platformFieldTable = []fieldSpec{
	{Name: "preset", Kind: kindEnum, Choices: PlatformPresets(), Doc: "The preset the fields start from; without one they start at zero."},
	{Name: "name", Kind: kindText, Default: "the preset's name, or custom", Doc: "A label for reports."},
	{Name: "always_awake", Kind: kindBool, Doc: "The app is never suspended (a mains-powered or embedded device): pings are timer-driven and the CPU is the baseline."},
	{Name: "keepalive", Kind: kindBool, Doc: "The platform offers a keepalive handler (setKeepAliveTimeout); without one a suspended app sends no pings at all."},
	{Name: "keepalive_min", Kind: kindDuration, Doc: "The shortest keepalive interval: shorter intervals are raised to it, with a warning."},
	{Name: "keepalive_early", Kind: kindDistribution, Doc: "How long before the interval the keepalive handler fires, drawn each time; its largest value must be shorter than the effective interval."},
	{Name: "wakeup_budget", Kind: kindDuration, Doc: "CPU time a wakeup gives without a background task."},
	{Name: "background_task_limit", Kind: kindDuration, Doc: "CPU time a background task gives before the watchdog kills an app that has not ended it."},
	{Name: "enter_background_grace", Kind: kindDuration, Doc: "CPU time after the app leaves the foreground."},
	{Name: "expiry_warning", Kind: kindDuration, Doc: "The expiration handler runs this long before `background_task_limit`; must be shorter than it."},
	{Name: "wake_on_socket_data", Kind: kindBool, Doc: "Data on the VoIP socket wakes a suspended app."},
	{Name: "wake_on_socket_close", Kind: kindBool, Doc: "EOF, an error or the interface going down wakes a suspended app."},
	{Name: "relaunch_after_kill", Kind: kindBool, Doc: "After a watchdog kill the platform relaunches the app in the background (after `relaunch_delay`); false: it stays dead until the user opens it."},
	{Name: "relaunch_delay", Kind: kindDuration, Doc: "How long after a kill the relaunch comes, with `relaunch_after_kill`."},
	{Name: "kind", Kind: kindEnum, Default: "ios", Choices: sim.PlatformKinds(),
		Doc: "The rules the platform runs: `ios` (a keepalive handler, background tasks and the watchdog) or `android` (the heartbeat is an AlarmManager alarm, a background task is a partial wakelock released at `background_task_limit` with no kill, and Doze decides when the app may use the network: `doze`)."},
	{Name: "android_version", Kind: kindInteger, Min: "6", Max: "100", Doc: "Android: the release. From 12, while-idle alarms are limited by `doze.while_idle_quota` per `doze.while_idle_window`; before, by `doze.while_idle_gap`."},
	{Name: "foreground_service", Kind: kindBool, Doc: "Android: the app runs a foreground service, which exempts it from Doze's network block, socket kills and wakelock rule, but not from the deferral of its ordinary alarms."},
	{Name: "freeze_kills_sockets", Kind: kindBool, Doc: "Android 15+: a suspended (cached) app without a foreground service is frozen `freezer_debounce` later and its TCP sockets are destroyed, Doze or not (ConnectivityService, DESTROY_SOCKET_REASON_FROZEN); results count these breaks as `socket_destroyed`."},
	{Name: "freezer_debounce", Kind: kindDuration, Doc: "Android: how long after it is cached a process is frozen (CachedAppOptimizer DEFAULT_FREEZER_DEBOUNCE_TIMEOUT)."},
	{Name: "doze", Kind: kindSection, Doc: "Android: Doze's timing (AOSP DeviceIdleController and AlarmManagerService; docs/android.md gives each constant).", Fields: dozeFieldTable},
}

var dozeFieldTable = []fieldSpec{
	{Name: "inactive_timeout", Kind: kindDuration, Doc: "Screen off on battery this long before deep Doze starts looking for idle (INACTIVE_TIMEOUT)."},
	{Name: "motion_inactive_timeout", Kind: kindDuration, Doc: "The inactive timeout after motion sent deep Doze back (MOTION_INACTIVE_TIMEOUT)."},
	{Name: "idle_after_inactive", Kind: kindDuration, Doc: "Idle pending: the wait after the inactive timeout (IDLE_AFTER_INACTIVE_TIMEOUT)."},
	{Name: "sensing", Kind: kindDuration, Doc: "The motion check (SENSING_TIMEOUT, its longest)."},
	{Name: "locating", Kind: kindDuration, Doc: "The location fix (LOCATING_TIMEOUT, its longest)."},
	{Name: "idle", Kind: kindDuration, Doc: "The first deep idle period (IDLE_TIMEOUT)."},
	{Name: "max_idle", Kind: kindDuration, Doc: "The longest deep idle period (MAX_IDLE_TIMEOUT)."},
	{Name: "idle_factor", Kind: kindNumber, Min: "1", Max: "100", Doc: "Each idle period is the previous one times this (IDLE_FACTOR)."},
	{Name: "maintenance", Kind: kindDuration, Doc: "The first maintenance window's longest (IDLE_PENDING_TIMEOUT)."},
	{Name: "max_maintenance", Kind: kindDuration, Doc: "The longest any maintenance window may last (MAX_IDLE_PENDING_TIMEOUT)."},
	{Name: "maintenance_factor", Kind: kindNumber, Min: "1", Max: "100", Doc: "Each window's longest is the previous one's times this (IDLE_PENDING_FACTOR)."},
	{Name: "min_maintenance", Kind: kindDuration, Doc: "The shortest maintenance window (MIN_DEEP_MAINTENANCE_TIME)."},
	{Name: "maintenance_work", Kind: kindDistribution, Doc: "The system's work in each maintenance window, drawn each time: the window lasts that long, within its shortest and longest (it ends when no job or alarm is active). An assumption; 0 closes each window at `min_maintenance`."},
	{Name: "light", Kind: kindBool, Doc: "Light Doze runs (screen off on battery, moving or not): it blocks the network like deep idle, not wakelocks or alarms."},
	{Name: "light_after_inactive", Kind: kindDuration, Doc: "Screen off this long before light idle (LIGHT_IDLE_AFTER_INACTIVE_TIMEOUT)."},
	{Name: "light_idle", Kind: kindDuration, Doc: "The first light idle period (LIGHT_IDLE_TIMEOUT)."},
	{Name: "light_max_idle", Kind: kindDuration, Doc: "The longest light idle period (LIGHT_MAX_IDLE_TIMEOUT)."},
	{Name: "light_idle_factor", Kind: kindNumber, Min: "1", Max: "100", Doc: "Each light idle period is the previous one times this (LIGHT_IDLE_FACTOR)."},
	{Name: "light_min_maintenance", Kind: kindDuration, Doc: "The shortest light maintenance window (MIN_LIGHT_MAINTENANCE_TIME)."},
	{Name: "light_maintenance_budget", Kind: kindDuration, Doc: "The longest light maintenance window (LIGHT_IDLE_MAINTENANCE_MIN_BUDGET; unused budget is not banked here)."},
	{Name: "light_maintenance_work", Kind: kindDistribution, Doc: "The work in each light maintenance window, as `maintenance_work` (an assumption)."},
	{Name: "while_idle_gap", Kind: kindDuration, Doc: "Before Android 12: the shortest gap between an app's while-idle alarms in deep idle (ALLOW_WHILE_IDLE_LONG_TIME)."},
	{Name: "while_idle_quota", Kind: kindInteger, Min: "1", Max: "10000", Doc: "From Android 12: while-idle alarms an app may fire per `while_idle_window` (ALLOW_WHILE_IDLE_QUOTA)."},
	{Name: "while_idle_window", Kind: kindDuration, Doc: "From Android 12: the rolling window of the quota (ALLOW_WHILE_IDLE_WINDOW)."},
	{Name: "idle_kills_sockets", Kind: kindBool, Doc: "Each idle entry (deep or light) destroys the blocked app's open TCP sockets: the app reads ECONNABORTED, the server gets an RST (NetworkManagementService.closeSocketsForFirewallChainLocked). Results count these breaks as `socket_destroyed`."},
	{Name: "alarm_allowlist", Kind: kindDuration, Doc: "The temporary allowlist (network and wakelocks) after a while-idle alarm (ALLOW_WHILE_IDLE_WHITELIST_DURATION)."},
	{Name: "fcm_allowlist", Kind: kindDuration, Doc: "The temporary allowlist after a high-priority FCM message (not published by Google: an assumption)."},
}

var radioFieldTable = []fieldSpec{
	{Name: "preset", Kind: kindEnum, Choices: RadioPresets(), Doc: "The preset the fields start from."},
	{Name: "name", Kind: kindText, Default: "the preset's name, or custom", Doc: "A label for reports."},
	{Name: "promotion", Kind: kindDuration, Doc: "Time from idle to the dedicated channel; a packet waits for it."},
	{Name: "promotion_power", Kind: kindPower, Doc: "Power during the promotion."},
	{Name: "active_power", Kind: kindPower, Doc: "Power while an exchange is in flight."},
	{Name: "tail", Kind: kindList, Doc: "The inactivity stages after the last packet, in order; traffic in a tail goes back to active without a promotion.", Fields: []fieldSpec{
		{Name: "for", Kind: kindDuration, Required: true, Doc: "How long the stage lasts."},
		{Name: "power", Kind: kindPower, Required: true, Doc: "Power in the stage."},
	}},
	{Name: "paging_cycle", Kind: kindDuration, Default: "0s",
		Doc: "How often a sleeping radio (idle, or in a paging stage) listens for pages: a packet for it waits U(0, paging_cycle) for the next paging occasion, then the promotion. 0: reached at once."},
	{Name: "small_packets", Kind: kindNoneOr,
		Doc: "A shared low-rate channel (3G CELL_FACH) that carries small packets (pings, pongs, pushes: all but a connect's handshake) without promoting to the dedicated one. `none` turns a preset's off.",
		Fields: []fieldSpec{
			{Name: "stage", Kind: kindInteger, Min: "0", Doc: "The tail stage (0-based) that carries small packets; the stages after it are paging states."},
			{Name: "promotion", Kind: kindDuration, Doc: "Time to enter that stage from idle or a later stage (a cell update)."},
			{Name: "promotion_power", Kind: kindPower, Doc: "Power while entering it."},
		}},
}

var distributionFields = []fieldSpec{
	{Name: "exp", Kind: kindDuration, Doc: "Exponential with this mean: {exp: 8h}."},
	{Name: "uniform", Kind: kindDurationPair, Doc: "Uniform between two durations: {uniform: [10s, 2m]}."},
	{Name: "lognormal", Kind: kindSection, Doc: "Log-normal: {lognormal: {median: 90s, sigma: 1.2}}.", Fields: []fieldSpec{
		{Name: "median", Kind: kindDuration, Required: true, Doc: "The median, e^μ."},
		{Name: "sigma", Kind: kindNumber, Required: true, Min: "0", Max: "10", Doc: "σ of the underlying normal."},
	}},
	{Name: "weibull", Kind: kindSection, Doc: "Weibull: {weibull: {scale: 8h, shape: 0.7}}; a shape below 1 is heavy-tailed.", Fields: []fieldSpec{
		{Name: "scale", Kind: kindDuration, Required: true, Doc: "The scale λ."},
		{Name: "shape", Kind: kindNumber, Required: true, Min: "0.05", Max: "100", Doc: "The shape k."},
	}},
	{Name: "normal", Kind: kindSection, Doc: "Normal, cut at 0: {normal: {mean: 80ms, sd: 20ms}}.", Fields: []fieldSpec{
		{Name: "mean", Kind: kindDuration, Required: true, Doc: "The mean (may be negative: only the part above 0 is drawn)."},
		{Name: "sd", Kind: kindDuration, Required: true, Doc: "The standard deviation."},
	}},
	{Name: "empirical", Kind: kindDurationList, Doc: "Measured values, each drawn with equal probability: {empirical: [30s, 45s, 2m]}."},
}

// requirementFields lists one Bound per metric sweep.require can bound.
func requirementFields() []fieldSpec {
	docs := map[string]string{
		metric.DetectClientP95:    "p95 of the time until the client learns of a break (a duration; at most by default).",
		metric.DetectServerP95:    "p95 of the time until the server learns of a break (a duration; at most by default).",
		metric.PushLatencyP95:     "p95 of the time from sending a push to its delivery; a lost push counts as never delivered (a duration; at most by default).",
		metric.BatteryPctPerDay:   "Battery used a day, in % (at most by default).",
		metric.WakeupsPerHour:     "Wakeups of the suspended app an hour (at most by default).",
		metric.Availability:       "The share of time the connection is up end to end, a fraction from 0 to 1 (at least by default).",
		metric.UnnoticedMinPerDay: "Minutes a day the client holds a dead connection it believes up (at most by default).",
	}
	var out []fieldSpec
	for _, m := range metric.Requirable() {
		kind := kindNumber
		if metric.IsLatency(m) {
			kind = kindDuration
		}
		lo, hi := "", ""
		if kind == kindNumber {
			lo = "0"
		}
		if m == metric.Availability {
			hi = "1"
		}
		out = append(out, fieldSpec{Name: m, Kind: kindBound, Doc: docs[m], Fields: []fieldSpec{
			{Name: "max", Kind: kind, Min: lo, Max: hi}, {Name: "min", Kind: kind, Min: lo, Max: hi}}})
	}
	return out
}

// fieldAt returns the field at a decoder path such as app.heartbeat,
// events[2] or radio.tail[0]; list indexes are ignored, and a path under a
// Bound's max or min names it. It returns false for a path outside the table.
func fieldAt(path string) (fieldSpec, bool) {
	f := fieldSpec{Kind: kindSection, Fields: scenarioFields}
	if path == "" {
		return f, true
	}
	for _, part := range strings.Split(path, ".") {
		part, _, _ = strings.Cut(part, "[")
		found := false
		for _, c := range f.Fields {
			if c.Name == part {
				f, found = c, true
				break
			}
		}
		if !found {
			return fieldSpec{}, false
		}
	}
	return f, true
}

// keysOf returns the keys the mapping at path may hold, from the table.
// path is a constant of the decoder's; a path outside the table gives no
// keys, so that every key there is reported as unknown (and the tests fail).
func keysOf(path string) []string {
	f, _ := fieldAt(path)
	return names(f.Fields)
}

// mappingWith says what the mapping at path is, for "want X, got Y":
// "a mapping {interval, timeout, foreground_interval}".
func mappingWith(path string) string { return "a mapping {" + strings.Join(keysOf(path), ", ") + "}" }

// names lists the fields' names in table order.
func names(fields []fieldSpec) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Name
	}
	return out
}

// choicesOf returns the values the enum at path takes, from the table.
func choicesOf(path string) []string {
	f, _ := fieldAt(path)
	return f.Choices
}

// distributionKeys returns the keys of a distribution mapping.
func distributionKeys() []string { return names(distributionFields) }

// distributionParams returns the keys of a distribution's parameter mapping
// (lognormal: median, sigma).
func distributionParams(kind string) []string {
	for _, f := range distributionFields {
		if f.Name == kind {
			return names(f.Fields)
		}
	}
	return nil
}

// eventForm is one kind of scripted event: `kind: word`, with the fields
// that go with it (allowed) and those it needs (required), besides at.
type eventForm struct {
	kind, word        string
	allowed, required []string
}

// eventForms are the scripted events the decoder reads and the schema
// describes.
var eventForms = []eventForm{
	{kind: "network", word: "down", allowed: []string{"for", "signals_client"}, required: []string{"for"}},
	{kind: "network", word: "handover"},
	{kind: "server", word: "restart", allowed: []string{"for", "kind"}},
	{kind: "user", word: "open", allowed: []string{"for"}, required: []string{"for"}},
}

// eventKinds are the fields that say what an event is: network, server, user.
func eventKinds() []string { return []string{"network", "server", "user"} }

// eventOptions are the fields that only some events take.
func eventOptions() []string { return []string{"for", "signals_client", "kind"} }

func eventFormOf(kind, word string) eventForm {
	for _, e := range eventForms {
		if e.kind == kind && e.word == word {
			return e
		}
	}
	return eventForm{}
}

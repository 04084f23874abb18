package scenarios

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"pingtune/sim"

	"gopkg.in/yaml.v3"
)

// The scenario language (fields.go), mapped onto sim.Config. Each section
// has a decoding method; defaults live in defaultConfig, and the field table
// says which fields have one.

// Defaults a scenario gets for the fields it leaves out.
const (
	defaultHorizon      = 7 * 24 * time.Hour
	defaultReplications = 100
	defaultSeed         = 1
	defaultMaxEvents    = 50_000_000
	defaultIdleMultiple = 1.5 // MQTT 3.1.1 [MQTT-3.1.2-24]
)

// defaultConfig is the scenario before the file says anything.
func defaultConfig(name string) sim.Config {
	platform, _ := PlatformPreset("ios6")
	radio, _ := RadioPreset("lte")
	return sim.Config{
		Name:         name,
		Horizon:      defaultHorizon,
		Replications: defaultReplications,
		Seed:         defaultSeed,
		MaxEvents:    defaultMaxEvents,
		Platform:     platform,
		App: sim.App{
			Timeout:        30 * time.Second,
			BackgroundTask: sim.EndWhenDone,
			Reconnect:      sim.Backoff{Initial: 2 * time.Second, Max: 5 * time.Minute, Multiplier: 2, Jitter: 0.2},
			Policy:         sim.Policy{Adaptive: sim.MarsAdaptive(), Probe: sim.DefaultProbe()},
		},
		Network: sim.Network{RTT: sim.Fixed(80 * time.Millisecond), ConnectTime: sim.Fixed(300 * time.Millisecond)},
		Server:  sim.Server{IdleTimeoutMultiple: defaultIdleMultiple},
		Radio:   radio,
		Device:  defaultDevice(),
	}
}

// hasDefault reports whether field, when left out, takes a documented
// default: the nearest field of the table (fields.go) at or above it has one.
func hasDefault(field string) bool {
	for p := field; p != ""; p = parent(p) {
		if f, ok := fieldAt(p); ok {
			return f.Default != ""
		}
	}
	return false
}

// scenario decodes the root mapping.
func (d *decoder) scenario(root *yaml.Node, name string) *Scenario {
	s := &Scenario{Config: defaultConfig(name)}
	c := &s.Config
	d.written[""] = posOf(root)
	d.presets["platform"], d.presets["radio"] = "ios6", "lte"
	f := d.mapping("", root, "a mapping of scenario fields",
		keysOf("")...)
	if f == nil {
		return nil
	}
	if n := f.get("name"); n != nil {
		c.Name = d.label("name", n)
	}
	f.str("description", &s.Description)
	f.duration("horizon", &c.Horizon)
	if n := f.get("replications"); n != nil {
		c.Replications = int(d.integer("replications", n, strconv.IntSize))
	}
	if n := f.get("seed"); n != nil {
		c.Seed = d.unsigned("seed", n)
	}
	if n := f.get("max_events"); n != nil {
		c.MaxEvents = d.integer("max_events", n, 64)
	}
	if n := f.get("platform"); n != nil {
		c.Platform = d.platform("platform", n)
	}
	if n := f.get("app"); n != nil {
		d.app("app", n, &c.App)
	} else if !d.spent && !f.suggested["app"] {
		d.errorf(root, "app.heartbeat.interval", "required field missing (the heartbeat interval under study)")
	}
	if n := f.get("user"); n != nil {
		d.user("user", n, &c.User)
	}
	if n := f.get("network"); n != nil {
		d.network("network", n, &c.Network)
	}
	if n := f.get("server"); n != nil {
		d.server("server", n, &c.Server)
	}
	if n := f.get("radio"); n != nil {
		c.Radio = d.radio("radio", n)
	}
	if n := f.get("device"); n != nil {
		g := d.section("device", n, "device")
		g.float("battery_mah", &c.Device.BatteryMAh)
		g.float("voltage", &c.Device.Voltage)
		g.power("cpu_power", &c.Device.CPUPower)
		d.deviceStates("device", g, &c.Device) // android.go
	}
	if n := f.get("events"); n != nil {
		c.Events = d.events("events", n)
	}
	if n := f.get("sweep"); n != nil {
		s.Sweep = d.sweep("sweep", n)
	}
	return s
}

// label decodes a name for reports: one line of printable text.
func (d *decoder) label(path string, n *yaml.Node) string {
	s, ok := d.scalar(path, n, "a name")
	switch {
	case !ok:
	case s == "":
		d.errorf(n, path, "must not be empty")
	case strings.ContainsFunc(s, unicode.IsControl):
		d.errorf(n, path, "must be one line without control characters")
	}
	return s
}

// integer decodes a whole number of bitSize bits.
func (d *decoder) integer(path string, n *yaml.Node, bitSize int) int64 {
	s, ok := d.scalar(path, n, "a whole number")
	if !ok {
		return 0
	}
	v, err := parseInt(s, bitSize)
	if err != nil {
		d.errorf(n, path, "%v", err)
	}
	return v
}

// unsigned decodes a whole number from 0 to 2⁶⁴-1.
func (d *decoder) unsigned(path string, n *yaml.Node) uint64 {
	s, ok := d.scalar(path, n, "a whole number")
	if !ok {
		return 0
	}
	v, err := parseUint(s)
	if err != nil {
		d.errorf(n, path, "%v", err)
	}
	return v
}

// app decodes the heartbeat, background task policy and reconnect backoff.
func (d *decoder) app(path string, n *yaml.Node, a *sim.App) {
	f := d.section(path, n, "app")
	if f == nil {
		return
	}
	if hb := f.get("heartbeat"); hb != nil {
		p := child(path, "heartbeat")
		g := d.section(p, hb, "app.heartbeat")
		g.require("interval")
		g.duration("interval", &a.Interval)
		g.duration("timeout", &a.Timeout)
		g.duration("foreground_interval", &a.ForegroundInterval)
		d.policy(p, g, &a.Policy)
		if i := g.enum("alarm", sim.AlarmKinds()...); i >= 0 {
			a.Alarm = sim.AlarmKind(i)
		}
	} else if !d.spent && !f.suggested["heartbeat"] {
		d.errorf(n, child(path, "heartbeat.interval"), "required field missing (the heartbeat interval under study)")
	}
	if i := f.enum("background_task", choicesOf("app.background_task")...); i >= 0 {
		a.BackgroundTask = sim.TaskPolicy(i)
	}
	if rc := f.get("reconnect"); rc != nil {
		g := d.section(child(path, "reconnect"), rc, "app.reconnect")
		g.duration("initial", &a.Reconnect.Initial)
		g.duration("max", &a.Reconnect.Max)
		g.float("multiplier", &a.Reconnect.Multiplier)
		g.float("jitter", &a.Reconnect.Jitter)
	}
}

// user decodes the user's sessions; without any the user never opens the app.
func (d *decoder) user(path string, n *yaml.Node, u *sim.User) {
	f := d.section(path, n, "user")
	if f == nil {
		return
	}
	f.float("sessions_per_day", &u.SessionsPerDay)
	f.dist("session_length", &u.SessionLength)
	if u.SessionsPerDay > 0 {
		f.require("session_length")
	}
}

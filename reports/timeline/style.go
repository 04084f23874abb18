package timeline

import (
	"image/color"

	"pingtune/sim"
)

// laneStyle is how the timeline draws one lane: its title, a colour and a
// legend name per state, and the lane's resting state, the one spans of
// other states stand out from (those are drawn at least minSpanPx wide).
type laneStyle struct {
	title  string
	colors []color.RGBA
	names  []string
	rest   uint8
}

func rgb(hex uint32) color.RGBA {
	return color.RGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// Colours: green is healthy, red is broken or down, grey is idle.
var (
	colOK      = rgb(0xb8e0b0) // a lane that is fine (path up, NAT mapped, ...)
	colBad     = rgb(0xe0483e)
	colMissing = rgb(0xf4a582) // no mapping, no session: not broken by itself
	colIdle    = rgb(0xe6e6e6)
	colNone    = rgb(0xf7f7f7)
	colGrid    = rgb(0xdddddd)
	colText    = rgb(0x222222)
	colMuted   = rgb(0x666666)
)

// laneStyles are the lanes in the order the sim numbers them.
var laneStyles [sim.NumLanes]laneStyle = [...]laneStyle{
	sim.LaneApp: {title: "app",
		colors: []color.RGBA{rgb(0x3b73b9), rgb(0xf29e38), colIdle, rgb(0x222222)},
		names:  []string{"foreground", "background", "suspended", "terminated"}, rest: uint8(sim.Suspended)},
	sim.LaneTask: {title: "background task",
		colors: []color.RGBA{colNone, rgb(0xf7c97e)}, names: []string{"none", "held"}},
	sim.LanePath: {title: "network path",
		colors: []color.RGBA{colOK, colBad}, names: []string{"up", "down"}},
	sim.LaneNAT: {title: "NAT mapping",
		colors: []color.RGBA{colOK, colMissing}, names: []string{"mapped", "none"}},
	sim.LaneServer: {title: "server",
		colors: []color.RGBA{colOK, colBad}, names: []string{"up", "down"}},
	sim.LaneSession: {title: "server session",
		colors: []color.RGBA{colOK, colMissing}, names: []string{"open", "none"}},
	sim.LaneConn: {title: "connection (client)",
		colors: []color.RGBA{rgb(0x8c8c8c), rgb(0xf2d33a), rgb(0x2e9e44), colBad},
		names:  []string{"down", "connecting", "up", "broken"}, rest: uint8(sim.ConnUp)},
	sim.LaneRadio: {title: "radio",
		colors: []color.RGBA{colIdle, rgb(0x6a3d9a), rgb(0xc2185b), rgb(0xf19cbb)},
		names:  []string{"idle", "promotion", "active", "tail"}},
	sim.LaneScreen: {title: "screen",
		colors: []color.RGBA{colNone, rgb(0xffd54f)}, names: []string{"off", "on"}},
	sim.LaneMotion: {title: "motion",
		colors: []color.RGBA{colNone, rgb(0x80cbc4)}, names: []string{"stationary", "moving"}},
	sim.LaneCharging: {title: "charger",
		colors: []color.RGBA{colNone, rgb(0xa5d6a7)}, names: []string{"battery", "charging"}},
	sim.LaneDoze: {title: "deep Doze",
		colors: []color.RGBA{colOK, rgb(0xdcedc8), rgb(0xc5cae9), rgb(0x9fa8da), rgb(0x7986cb), rgb(0x283593), rgb(0x81d4fa)},
		names:  []string{"active", "inactive", "idle pending", "sensing", "locating", "idle", "maintenance"}, rest: uint8(sim.DozeIdle)},
	sim.LaneLight: {title: "light Doze",
		colors: []color.RGBA{colOK, rgb(0xdcedc8), rgb(0x5c6bc0), rgb(0x81d4fa), colIdle},
		names:  []string{"active", "inactive", "idle", "maintenance", "overridden by deep"}, rest: uint8(sim.LightIdle)},
}

// causeColors are the break causes', by sim.Cause.
var causeColors [sim.NumCauses]color.RGBA = [...]color.RGBA{
	sim.CauseWifi:            rgb(0x1f78b4),
	sim.CauseHandover:        rgb(0x6a3d9a),
	sim.CauseNAT:             rgb(0xe66101),
	sim.CauseServerGraceful:  rgb(0x1b9e9e),
	sim.CauseServerSilent:    rgb(0x8c510a),
	sim.CauseKill:            rgb(0x000000),
	sim.CauseServerIdle:      rgb(0xd01c8b),
	sim.CauseSocketDestroyed: rgb(0x2e7d32),
}

// wakeColors are the wakeup causes', by sim.WakeCause.
var wakeColors [sim.NumWakeCauses]color.RGBA = [...]color.RGBA{
	sim.WakeKeepalive: rgb(0x555555),
	sim.WakeSocket:    rgb(0xe0483e),
	sim.WakePush:      rgb(0x1f78b4),
	sim.WakeUser:      rgb(0x2e9e44),
}

// Marker colours.
var (
	colPing     = rgb(0x333333)
	colPong     = rgb(0x2e9e44)
	colTimeout  = rgb(0xe0483e)
	colPush     = rgb(0x1f78b4)
	colPushLost = rgb(0xe0483e)
	colDropped  = rgb(0x8c8c8c)
)

package reports

import (
	"image/color"

	"pingtune/sim"
)

// tlLaneStyle is how the timeline draws one lane: its title, a colour and a
// legend name per state, and the lane's resting state, the one spans of
// other states stand out from (those are drawn at least minSpanPx wide).
type tlLaneStyle struct {
	title  string
	colors []color.RGBA
	names  []string
	rest   uint8
}

func tlRGB(hex uint32) color.RGBA {
	return color.RGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// Colours: green is healthy, red is broken or down, grey is idle.
var (
	tlColOK      = tlRGB(0xb8e0b0) // a lane that is fine (path up, NAT mapped, ...)
	tlColBad     = tlRGB(0xe0483e)
	tlColMissing = tlRGB(0xf4a582) // no mapping, no session: not broken by itself
	tlColIdle    = tlRGB(0xe6e6e6)
	tlColNone    = tlRGB(0xf7f7f7)
	tlColGrid    = tlRGB(0xdddddd)
	tlColText    = tlRGB(0x222222)
	tlColMuted   = tlRGB(0x666666)
)

// tlLaneStyles are the lanes in the order the sim numbers them.
var tlLaneStyles = [sim.NumLanes]tlLaneStyle{
	sim.LaneApp: {title: "app",
		colors: []color.RGBA{tlRGB(0x3b73b9), tlRGB(0xf29e38), tlColIdle, tlRGB(0x222222)},
		names:  []string{"foreground", "background", "suspended", "terminated"}, rest: uint8(sim.Suspended)},
	sim.LaneTask: {title: "background task",
		colors: []color.RGBA{tlColNone, tlRGB(0xf7c97e)}, names: []string{"none", "held"}},
	sim.LanePath: {title: "network path",
		colors: []color.RGBA{tlColOK, tlColBad}, names: []string{"up", "down"}},
	sim.LaneNAT: {title: "NAT mapping",
		colors: []color.RGBA{tlColOK, tlColMissing}, names: []string{"mapped", "none"}},
	sim.LaneServer: {title: "server",
		colors: []color.RGBA{tlColOK, tlColBad}, names: []string{"up", "down"}},
	sim.LaneSession: {title: "server session",
		colors: []color.RGBA{tlColOK, tlColMissing}, names: []string{"open", "none"}},
	sim.LaneConn: {title: "connection (client)",
		colors: []color.RGBA{tlRGB(0x8c8c8c), tlRGB(0xf2d33a), tlRGB(0x2e9e44), tlColBad},
		names:  []string{"down", "connecting", "up", "broken"}, rest: uint8(sim.ConnUp)},
	sim.LaneRadio: {title: "radio",
		colors: []color.RGBA{tlColIdle, tlRGB(0x6a3d9a), tlRGB(0xc2185b), tlRGB(0xf19cbb)},
		names:  []string{"idle", "promotion", "active", "tail"}},
}

// tlCauseColors are the break causes', by sim.Cause.
var tlCauseColors = [sim.NumCauses]color.RGBA{
	sim.CauseWifi:           tlRGB(0x1f78b4),
	sim.CauseHandover:       tlRGB(0x6a3d9a),
	sim.CauseNAT:            tlRGB(0xe66101),
	sim.CauseServerGraceful: tlRGB(0x1b9e9e),
	sim.CauseServerSilent:   tlRGB(0x8c510a),
	sim.CauseKill:           tlRGB(0x000000),
	sim.CauseServerIdle:     tlRGB(0xd01c8b),
}

// tlWakeColors are the wakeup causes', by sim.WakeCause.
var tlWakeColors = [sim.NumWakeCauses]color.RGBA{
	sim.WakeKeepalive: tlRGB(0x555555),
	sim.WakeSocket:    tlRGB(0xe0483e),
	sim.WakePush:      tlRGB(0x1f78b4),
	sim.WakeUser:      tlRGB(0x2e9e44),
}

// Marker colours.
var (
	tlColPing     = tlRGB(0x333333)
	tlColPong     = tlRGB(0x2e9e44)
	tlColTimeout  = tlRGB(0xe0483e)
	tlColPush     = tlRGB(0x1f78b4)
	tlColPushLost = tlRGB(0xe0483e)
	tlColDropped  = tlRGB(0x8c8c8c)
)

package calibrate

import (
	"fmt"
	"math"
	"slices"
	"time"

	"gonum.org/v1/gonum/optimize"

	"pingtune/sim"
)

// Bounds on what a fit may make of a radio: physical limits, wide enough
// for any radio yet narrow enough to keep the optimiser in sight of one.
const (
	maxPromotion = 30 * time.Second
	minStage     = 10 * time.Millisecond
	maxStage     = 24 * time.Hour
	minPower     = 1e-6 // W
	maxPower     = 10   // W
	// priorWeight pulls each parameter gently towards the starting preset,
	// on a log scale, so that what the measurements cannot tell apart (how
	// long a paging stage lasts beyond the longest interval measured) stays
	// where the preset's source put it. A factor of 2 costs what a 0.7%
	// error at one point does.
	priorWeight = 1e-4
)

// Fit is a radio fitted to measurements.
type Fit struct {
	Radio   sim.Radio // rounded to 1 ms and 0.1 mW, as printed
	Voltage float64
	Rows    []Row
	Fitted  []string // the parameters the fit moved, as field paths
	Kept    []string // the parameters keepalives never exercise, kept from the preset
}

// Row compares one measurement with the fitted radio.
type Row struct {
	Interval   time.Duration
	MeasuredMA float64
	FittedMA   float64
}

// Err is the fitted value's relative error.
func (r Row) Err() float64 { return r.FittedMA/r.MeasuredMA - 1 }

// Worst is the row with the largest relative error.
func (f *Fit) Worst() Row {
	w := f.Rows[0]
	for _, r := range f.Rows[1:] {
		if math.Abs(r.Err()) > math.Abs(w.Err()) {
			w = r
		}
	}
	return w
}

// CurrentMA is the fitted radio's extra current at interval T, in mA.
func (f *Fit) CurrentMA(T time.Duration) float64 {
	return ExtraPower(&f.Radio, T) / f.Voltage * 1000
}

// param is one number of the profile the fit may move.
type param struct {
	name  string
	ptr   func(*profile) *float64
	chain func(*profile) *float64 // nil: scaled freely; else the power this one may not exceed
	lo    float64
	hi    float64
}

// params lists what the fit moves for radio p: on a radio with a shared
// channel, the cell update and the stages from the shared one on (the rest
// only a connect uses); otherwise every stage. Values that are zero in the
// preset (no promotion) stay zero. Powers of consecutive states may not rise:
// active, then each tail stage in order.
func params(p *profile) (free []param, kept []string) {
	dur := func(name string, f func(*profile) *float64, hi time.Duration) param {
		return param{name: name, ptr: f, lo: minStage.Seconds(), hi: hi.Seconds()}
	}
	pow := func(name string, f, chain func(*profile) *float64) param {
		return param{name: name, ptr: f, chain: chain, lo: minPower, hi: maxPower}
	}
	var all []param
	active := func(q *profile) *float64 { return &q.activeP }
	from := 0
	if p.shared {
		from = p.stage
		all = append(all,
			dur("small_packets.promotion", func(q *profile) *float64 { return &q.sPromo }, maxPromotion),
			pow("small_packets.promotion_power", func(q *profile) *float64 { return &q.sPromoP }, nil))
		kept = append(kept, "promotion", "promotion_power", "active_power")
		for i := range from {
			kept = append(kept, fmt.Sprintf("tail[%d]", i))
		}
	} else {
		all = append(all,
			dur("promotion", func(q *profile) *float64 { return &q.promo }, maxPromotion),
			pow("promotion_power", func(q *profile) *float64 { return &q.promoP }, nil),
			pow("active_power", active, nil))
	}
	prev := active
	if from > 0 {
		prev = func(q *profile) *float64 { return &q.tail[from-1].p }
	}
	for i := from; i < len(p.tail); i++ {
		i := i
		cur := func(q *profile) *float64 { return &q.tail[i].p }
		all = append(all,
			dur(fmt.Sprintf("tail[%d].for", i), func(q *profile) *float64 { return &q.tail[i].d }, maxStage),
			pow(fmt.Sprintf("tail[%d].power", i), cur, prev))
		prev = cur
	}
	for _, a := range all {
		if *a.ptr(p) > 0 {
			free = append(free, a)
		} else {
			kept = append(kept, a.name)
		}
	}
	return free, kept
}

// apply sets the free parameters of q from x: each is its starting value
// times e^x, within its bounds, and a chained power is capped by the one
// before it (applied in order, so the cap is the new value).
func apply(q *profile, start []float64, free []param, x []float64) {
	for i, a := range free {
		v := min(max(start[i]*math.Exp(x[i]), a.lo), a.hi)
		if a.chain != nil {
			v = min(v, *a.chain(q))
		}
		*a.ptr(q) = v
	}
}

// FitRadio fits the stage powers and durations of radio (a preset) to the
// measured points at voltage volts, by least squares on the relative error
// (Nelder–Mead, gonum/optimize), and returns the fitted radio rounded as it
// will be printed, with its error at every point.
func FitRadio(radio sim.Radio, pts []Point, voltage float64) (*Fit, error) {
	if len(pts) < MinPoints {
		return nil, fmt.Errorf("calibrate: %d points; a fit needs at least %d", len(pts), MinPoints)
	}
	if !(voltage > 0) || math.IsInf(voltage, 0) {
		return nil, fmt.Errorf("calibrate: voltage must be positive (got %g)", voltage)
	}
	base := toProfile(&radio)
	base.tail = slices.Clone(base.tail)
	free, kept := params(&base)
	if len(free) == 0 {
		return nil, fmt.Errorf("calibrate: radio %s has nothing to fit", radio.Name)
	}
	start := make([]float64, len(free))
	for i, a := range free {
		start[i] = *a.ptr(&base)
	}
	rtt := RigRTT.Seconds()
	q := base
	q.tail = slices.Clone(base.tail)
	objective := func(x []float64) float64 {
		apply(&q, start, free, x)
		sum := 0.0
		for _, p := range pts {
			got := q.power(p.Interval.Seconds(), rtt)
			if math.IsNaN(got) {
				return math.Inf(1)
			}
			e := got/(p.ExtraMA/1000*voltage) - 1
			sum += e * e
		}
		for _, v := range x {
			sum += priorWeight * v * v
		}
		return sum
	}
	x := make([]float64, len(free))
	if math.IsInf(objective(x), 1) {
		return nil, fmt.Errorf("calibrate: radio %s is still busy with one keepalive when the next is due at %s; measure longer intervals",
			radio.Name, sim.FormatDuration(pts[0].Interval))
	}
	// Nelder–Mead restarted from its own answer until it stops improving:
	// a simplex can collapse early on a problem this flat in some directions.
	best := objective(x)
	for range 6 {
		res, err := optimize.Minimize(optimize.Problem{Func: objective}, x,
			&optimize.Settings{FuncEvaluations: 20000}, &optimize.NelderMead{})
		if err != nil && res == nil {
			return nil, fmt.Errorf("calibrate: %w", err)
		}
		if res.F >= best-1e-12 {
			break
		}
		best, x = res.F, res.X
	}
	apply(&q, start, free, x)

	out := &Fit{Radio: round(toRadio(&q, radio)), Voltage: voltage, Kept: kept}
	for _, a := range free {
		out.Fitted = append(out.Fitted, a.name)
	}
	for _, p := range pts {
		out.Rows = append(out.Rows, Row{Interval: p.Interval, MeasuredMA: p.ExtraMA, FittedMA: out.CurrentMA(p.Interval)})
	}
	return out, nil
}

// toRadio writes profile q back into a copy of radio, named as calibrated.
func toRadio(q *profile, radio sim.Radio) sim.Radio {
	r := radio
	r.Name = radio.Name + "-calibrated"
	sec := func(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }
	r.Promotion, r.PromotionPower, r.ActivePower = sec(q.promo), q.promoP, q.activeP
	r.Tail = make([]sim.TailStage, len(q.tail))
	for i, s := range q.tail {
		r.Tail[i] = sim.TailStage{For: sec(s.d), Power: s.p}
	}
	if q.shared {
		r.SmallPackets = &sim.SmallPackets{Stage: q.stage, Promotion: sec(q.sPromo), PromotionPower: q.sPromoP}
	}
	return r
}

// round keeps what a person would write: durations to the millisecond
// (to the second from a minute up), powers to a tenth of a milliwatt (a
// microwatt below 1 mW).
func round(r sim.Radio) sim.Radio {
	d := func(x time.Duration) time.Duration {
		if x >= time.Minute {
			return x.Round(time.Second)
		}
		return x.Round(time.Millisecond)
	}
	p := func(w float64) float64 {
		if w < 1e-3 {
			return math.Round(w*1e6) / 1e6
		}
		return math.Round(w*1e4) / 1e4
	}
	r.Promotion, r.PromotionPower, r.ActivePower = d(r.Promotion), p(r.PromotionPower), p(r.ActivePower)
	r.Tail = slices.Clone(r.Tail)
	for i := range r.Tail {
		r.Tail[i].For, r.Tail[i].Power = d(r.Tail[i].For), p(r.Tail[i].Power)
	}
	if sp := r.SmallPackets; sp != nil {
		c := *sp
		c.Promotion, c.PromotionPower = d(c.Promotion), p(c.PromotionPower)
		r.SmallPackets = &c
	}
	return r
}

package sweep

import "math"

// Recommendation is the interval to ship and what explains it, as indices
// into Result.Points; package reports puts it into words.
type Recommendation struct {
	// Index is the recommended point: the lowest mean battery use among the
	// points where every requirement holds. -1: none qualifies.
	Index int
	// Closest, when none qualifies, is the point whose worst requirement
	// misses by the smallest fraction of its bound; -1 otherwise.
	Closest int
	// Next is the first longer interval that the platform really runs
	// longer (a different effective interval); -1 when Index is the longest.
	Next int
	// Prev is the last shorter interval with a different effective interval.
	Prev int
	// Binding are the requirements (indices into Result.Requirements) that
	// fail at Next: what stops the recommendation from going longer.
	Binding []int
	// Renominated: the cheapest qualifying point was a nominal interval the
	// platform clamps; the recommendation is the one in its clamped group
	// whose nominal equals the effective interval, so that it says what the
	// device will really do.
	Renominated bool
	// PassedOver lists the qualifying points that were not eligible because
	// they break their own connections (Point.PassedOver says so).
	PassedOver []int
}

func recommend(points []Point, pol Policy) Recommendation {
	rec := Recommendation{Index: -1, Closest: -1, Next: -1, Prev: -1}
	rec.PassedOver = passOver(points, pol)
	best := -1
	for i := range points {
		if eligible(&points[i]) && (best < 0 || cheaper(&points[i], &points[best])) {
			best = i
		}
	}
	if best < 0 {
		rec.Closest = closest(points)
		return rec
	}
	if b := &points[best]; b.IntervalS != b.EffectiveIntervalS {
		for j := range points {
			p := &points[j]
			if eligible(p) && p.EffectiveIntervalS == b.EffectiveIntervalS && p.IntervalS == p.EffectiveIntervalS {
				best, rec.Renominated = j, true
				break
			}
		}
	}
	rec.Index = best
	eff := points[best].EffectiveIntervalS
	for k := best + 1; k < len(points); k++ {
		if points[k].EffectiveIntervalS > eff {
			rec.Next = k
			break
		}
	}
	for k := best - 1; k >= 0; k-- {
		if points[k].EffectiveIntervalS < eff {
			rec.Prev = k
			break
		}
	}
	if rec.Next >= 0 {
		for i, c := range points[rec.Next].Checks {
			if !c.Holds {
				rec.Binding = append(rec.Binding, i)
			}
		}
	}
	return rec
}

// cheaper orders qualifying points: lower mean battery; on an exact tie the
// one whose nominal interval is the effective one (then the shorter, by the
// caller's order).
func cheaper(p, q *Point) bool {
	a, b := p.Metrics.BatteryPctPerDay.Mean, q.Metrics.BatteryPctPerDay.Mean
	if a != b {
		return a < b
	}
	return p.IntervalS == p.EffectiveIntervalS && q.IntervalS != q.EffectiveIntervalS
}

// closest is the point nearest to qualifying: the fewest requirements
// whose estimate itself misses (unmet), then the fewest that fail at all,
// then the smallest miss as a fraction of its bound (at the conservative end
// where it is known, else at the estimate), then the lower battery use.
func closest(points []Point) int {
	type key struct {
		unmet, failing int
		worst          float64
	}
	keyOf := func(p *Point) key {
		k := key{worst: math.Inf(1)}
		for _, c := range p.Checks {
			switch c.Status {
			case Unmet:
				k.unmet++
				k.failing++
			case Unproven:
				k.failing++
			}
			k.worst = math.Min(k.worst, c.nearMargin())
		}
		return k
	}
	best := -1
	var bk key
	for i := range points {
		k := keyOf(&points[i])
		better := best < 0 || k.unmet < bk.unmet || k.unmet == bk.unmet && (k.failing < bk.failing ||
			k.failing == bk.failing && (k.worst > bk.worst || k.worst == bk.worst && cheaper(&points[i], &points[best])))
		if better {
			best, bk = i, k
		}
	}
	return best
}

// pareto returns the indices of the points no other point beats on both
// battery use and the detection metric of the axis. Points without a value
// there (no breaks) are left out: they have no place on that axis.
func pareto(points []Point, metric string) []int {
	var front []int
	for i := range points {
		di, ok := AxisValue(&points[i], metric)
		if !ok {
			continue
		}
		dominated := false
		for j := range points {
			d, ok := AxisValue(&points[j], metric)
			if j == i || !ok {
				continue
			}
			b, bi := points[j].Metrics.BatteryPctPerDay.Mean, points[i].Metrics.BatteryPctPerDay.Mean
			if b <= bi && d <= di && (b < bi || d < di) {
				dominated = true
				break
			}
		}
		if !dominated {
			front = append(front, i)
		}
	}
	return front
}

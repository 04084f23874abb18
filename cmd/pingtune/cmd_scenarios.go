package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"pingtune/scenarios"
	"pingtune/sim"
)

func cmdScenarios(ctx context.Context, args []string, e *env) error {
	var c common
	fs := newFlagSet("scenarios", "[NAME]", `Lists the built-in scenarios and the platform and radio presets. With a NAME,
prints that built-in as a commented YAML file that validates and runs as is: a
template to copy (pingtune scenarios ios6-voip-lte > my-app.yaml) and edit.`, e.stderr)
	rest, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	switch len(rest) {
	case 0:
	case 1:
		src, ok := scenarios.BuiltinYAML(rest[0])
		if !ok {
			return usagef("scenarios: %q is not a built-in scenario (%s)", rest[0], scenarios.BuiltinHint(rest[0]))
		}
		out := &stickyWriter{w: e.stdout}
		out.Write(scenarios.Template(rest[0], src))
		return out.Err()
	default:
		return usagef("scenarios: name one built-in at a time (got %d)", len(rest))
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Built-in scenarios (pingtune run NAME):")
	for _, name := range scenarios.Builtins() {
		sc, err := scenarios.Load(name)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "  %s\t%s\n", name, firstLine(sc.Description))
	}
	fmt.Fprintln(tw, "\nPlatform presets (platform: NAME):")
	for _, name := range scenarios.PlatformPresets() {
		p, _ := scenarios.PlatformPreset(name)
		fmt.Fprintf(tw, "  %s\t%s\n", name, describePlatform(p))
	}
	fmt.Fprintln(tw, "\nRadio presets (radio: NAME):")
	for _, name := range scenarios.RadioPresets() {
		r, _ := scenarios.RadioPreset(name)
		fmt.Fprintf(tw, "  %s\t%s\n", name, describeRadio(r))
	}
	return tw.Flush()
}

// firstLine is the first sentence of a description.
func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i+1]
	}
	return s
}

func describePlatform(p sim.Platform) string {
	if p.AlwaysAwake {
		return "never suspended; pings on the app's own timer; CPU is the baseline"
	}
	d := sim.FormatDuration
	if p.IsAndroid() {
		z := &p.Android.Doze
		s := fmt.Sprintf("Android %d: heartbeat alarm every ≥ %s, wakelocks up to %s; deep Doze %s after the screen goes off (idle %s growing to %s, maintenance windows %s–%s)",
			p.Android.Version, d(p.KeepaliveMin), d(p.BackgroundTaskLimit), (z.InactiveTimeout + z.IdleAfterInactive + z.Sensing + z.Locating).String(),
			d(z.Idle), d(z.MaxIdle), d(z.MinMaintenance), d(z.MaxMaintenance))
		if z.Light {
			s += fmt.Sprintf(", light Doze after %s", d(z.LightAfterInactive))
		}
		if p.Android.ForegroundService {
			s += "; a foreground service keeps network and wakelocks in Doze, not its alarms"
		}
		return s
	}
	ka := "no keepalive handler"
	if p.Keepalive {
		ka = fmt.Sprintf("keepalive every ≥ %s, firing %s early, %s of CPU per wakeup", d(p.KeepaliveMin), p.KeepaliveEarly, d(p.WakeupBudget))
	}
	return fmt.Sprintf("%s; background tasks %s (expiration handler %s before)", ka, d(p.BackgroundTaskLimit), d(p.ExpiryWarning))
}

func describeRadio(r sim.Radio) string {
	var tail []string
	for _, t := range r.Tail {
		tail = append(tail, fmt.Sprintf("%s at %gmW", sim.FormatDuration(t.For), t.Power*1000))
	}
	d := fmt.Sprintf("promotion %s at %gmW, active %gmW, tail %s", sim.FormatDuration(r.Promotion),
		r.PromotionPower*1000, r.ActivePower*1000, strings.Join(tail, " then "))
	if sp := r.SmallPackets; sp != nil {
		d += fmt.Sprintf("; small packets ride on tail stage %d after %s at %gmW", sp.Stage, sim.FormatDuration(sp.Promotion), sp.PromotionPower*1000)
	}
	if r.PagingCycle > 0 {
		d += "; paged every " + sim.FormatDuration(r.PagingCycle)
	}
	return d
}

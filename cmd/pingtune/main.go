// Command pingtune simulates a phone app's background socket and finds the
// heartbeat interval to ship. Each verb lives in its own cmd_*.go file; main
// only parses the verb, runs it, and turns its error into an exit code:
// 0 ok, 1 failure while running, 2 bad usage or bad scenario, 3 a requirement
// not met, 130 interrupted (SIGINT or SIGTERM).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	exitUnmet   = 3
	// exitInterrupted is the shells' 128+SIGINT, for SIGTERM too: the
	// command was stopped before it finished and wrote nothing.
	exitInterrupted = 130
)

// verb is one subcommand.
type verb struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, env *env) error
}

// env is what a verb may touch of the outside world.
type env struct {
	stdout, stderr io.Writer
	// stderrTTY: stderr is a terminal, so progress bars may be drawn.
	stderrTTY bool
}

func verbs() []verb {
	return []verb{
		{"run", "run all replications at the scenario's interval and summarise them", cmdRun},
		{"sweep", "run every interval of the sweep, write results, plots and a report, recommend one", cmdSweep},
		{"compare", "run several scenarios on the same replications and pair their metrics with the first's", cmdCompare},
		{"merge", "combine the parts of a run or sweep sharded with -shard K/N into its output", cmdMerge},
		{"check", "test the scenario's requirements at its interval (exit 3 when one fails)", cmdCheck},
		{"validate", "decode and validate scenarios", cmdValidate},
		{"timeline", "draw one replication over time as a PNG", cmdTimeline},
		{"trace", "print one replication's events as JSON lines", cmdTrace},
		{"scenarios", "list the built-in scenarios and presets; scenarios NAME prints one as a YAML template", cmdScenarios},
		{"calibrate", "fit a radio preset to a phone's measured keepalive cost", cmdCalibrate},
		{"schema", "print the JSON Schema of scenario files, for editors", cmdSchema},
		{"version", "print the version and the VCS revision it was built from", cmdVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// After the first signal the verb winds down; a second one kills
		// the process at once, as it would without this handler.
		<-ctx.Done()
		stop()
	}()
	os.Exit(run(ctx, os.Args[1:], &env{stdout: os.Stdout, stderr: os.Stderr, stderrTTY: isTerminal(os.Stderr)}))
}

// run executes one command line and returns the exit code.
func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, v := range verbs() {
		if v.name == args[0] {
			err := v.run(ctx, args[1:], e)
			if failedRunning(err) && ctx.Err() != nil {
				err = interruptedError(v.name, err)
			}
			return exitCode(err, e.stderr)
		}
	}
	fmt.Fprintf(e.stderr, "pingtune: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "pingtune simulates a phone app's background socket to choose its heartbeat interval.\n\n")
	fmt.Fprintf(w, "usage: pingtune <command> [flags] [SCENARIO]\n\n")
	for _, v := range verbs() {
		fmt.Fprintf(w, "  %-10s %s\n", v.name, v.summary)
	}
	fmt.Fprintf(w, "\nSCENARIO is a built-in name (see `pingtune scenarios`) or a YAML file.\n")
	fmt.Fprintf(w, "`pingtune <command> -h` shows a command's flags.\n")
}

// cliError carries the exit code an error should end the process with.
type cliError struct {
	code  int
	err   error
	quiet bool // the verb has already told the user; print nothing more
}

func (e *cliError) Error() string { return e.err.Error() }
func (e *cliError) Unwrap() error { return e.err }

// usageError is bad usage or a bad scenario: exit 2.
func usageError(err error) error { return &cliError{code: exitUsage, err: err} }

// usagef is a usageError from a format.
func usagef(format string, args ...any) error { return usageError(fmt.Errorf(format, args...)) }

// unmet is a requirement not met: exit 3. The verb has already said which,
// so nothing more is printed.
func unmet(err error) error { return &cliError{code: exitUnmet, err: err, quiet: true} }

// interrupted is a verb stopped by SIGINT or SIGTERM before it finished:
// exit 130. msg says what was left, e.g. "sweep interrupted: DIR unchanged".
func interrupted(msg string) error {
	return &cliError{code: exitInterrupted, err: errors.New(msg)}
}

// failedRunning reports whether err is a failure while running (exit 1),
// which an interrupt may have caused; bad usage and unmet requirements are
// what they say whenever they come.
func failedRunning(err error) bool {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return false
	}
	var ce *cliError
	return !errors.As(err, &ce) || ce.code == exitFailure
}

// interruptedError turns the error of a verb whose context was cancelled
// into an interruption, unless the verb already said so.
func interruptedError(verb string, err error) error {
	var ce *cliError
	if errors.As(err, &ce) && ce.code == exitInterrupted {
		return err
	}
	return interrupted(verb + " interrupted: nothing written")
}

// exitCode prints err (if any) and picks the exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	code := exitFailure
	var ce *cliError
	if errors.As(err, &ce) {
		code = ce.code
		if ce.quiet {
			return code
		}
	}
	fmt.Fprintf(stderr, "pingtune: %v\n", err)
	return code
}

#!/bin/sh
# Regenerates pingtune.pgo, the CPU profile for building the pingtune binary
# with profile-guided optimisation (go build -pgo=cmd/pingtune/pingtune.pgo):
# the profile of BenchmarkCLIMix (pgo_bench_test.go), a representative mix
# of commands, on one worker, built without a profile. Run it from anywhere, after a change
# to the hot paths (sim, sim/des, stats, runner):
#
#	sh cmd/pingtune/pgo.sh
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -run '^$' -bench '^BenchmarkCLIMix$' -benchtime 10x -cpu 1 -pgo off \
	-o "$tmp/pingtune.test" -cpuprofile "$tmp/cpu.pprof" . >/dev/null
cp "$tmp/cpu.pprof" pingtune.pgo

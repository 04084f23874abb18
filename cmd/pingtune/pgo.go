package main

// default.pgo, beside this file, is the CPU profile the go command uses by
// default (-pgo=auto) to optimise this binary: profile-guided inlining and
// devirtualisation of the hot paths, which the profile names. It is the
// profile of BenchmarkCLIMix (pgo_bench_test.go), a representative mix of
// commands; pgo.sh regenerates it after a change to the hot paths:
//
//	go generate ./cmd/pingtune
//
// Build with -pgo=off to leave it out.

//go:generate sh pgo.sh

package main

// pingtune.pgo, beside this file, is a CPU profile for profile-guided
// optimisation of this binary (inlining and devirtualisation of the hot
// paths the profile names): the profile of BenchmarkCLIMix
// (pgo_bench_test.go), a representative mix of commands. Build with it:
//
//	go build -pgo=cmd/pingtune/pingtune.pgo ./cmd/pingtune
//
// It is deliberately not named default.pgo: the go command would then
// rebuild the standard library and every dependency for each plain build
// and test of this package. pgo.sh regenerates it after a change to the hot
// paths:
//
//	go generate ./cmd/pingtune

//go:generate sh pgo.sh

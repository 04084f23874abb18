#!/bin/sh
# Runs a sweep as N shards with GNU parallel on one machine, then merges them.
# Each shard is a separate process on one worker (-workers 1), so N jobs keep
# N cores busy; the merged output is byte for byte what
#   pingtune sweep SCENARIO [FLAGS] -out OUT
# writes. Usage: deploy/parallel.sh SCENARIO OUT [FLAGS...]
#   e.g. deploy/parallel.sh ios6-voip-lte results -reps 2000 -interval 10m:60m:5m
set -eu
scenario=$1 out=$2
shift 2
shards=${SHARDS:-$(nproc)}
parts=$(mktemp -d)
trap 'rm -rf "$parts"' EXIT
seq 0 $((shards - 1)) | parallel --halt now,fail=1 \
	pingtune sweep "$scenario" "$@" -workers 1 -shard {}/"$shards" -out "$parts"/shard-{}
pingtune merge -out "$out" "$parts"/shard-*

#!/usr/bin/env bash
# bench/run history: a stat and a listing in the history folder at a position in the middle of a
# long log, against the same stat and listing at the head, with OpenSSH's sftp client against one
# eventvfs. See bench/README.md ("Past trees") for what it measures and the environment it reads.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(dirname "$bench")
# shellcheck source=bench/lib.sh
. "$bench/lib.sh" "bench/run history"

events=${BENCH_HISTORY_EVENTS:-1000000}   # events in the log
ops=${BENCH_HISTORY_OPS:-500}             # stats or listings per timed line
runs=${BENCH_HISTORY_RUNS:-3}             # runs per line; the table shows the fastest
port=${BENCH_HISTORY_PORT:-2522}
keep=${BENCH_HISTORY_KEEP:-}              # non-empty: keep the work folder (log, data)
start_timeout=${BENCH_HISTORY_START_TIMEOUT:-600}

for n in "$events" "$ops" "$runs" "$port"; do
    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || die "sizes, counts and ports must be positive integers (got '$n')"
done
command -v sftp >/dev/null || die "sftp is missing (apt-get install -y openssh-client)"
port_free "$port" || die "127.0.0.1:$port is in use; set BENCH_HISTORY_PORT"

mkdir -p "$bench/target"
work=$(mktemp -d "$bench/target/history-bench.XXXXXX")
declare -A pid=()

# shellcheck disable=SC2317 # runs from the EXIT trap
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    [[ -n ${pid[eventvfs]:-} ]] && stop_pid "${pid[eventvfs]}" "eventvfs"
    drop_work "$work" "$keep"
    exit "$status"
}
on_exit cleanup

# ---------------------------------------------------------------------------------------------
# 1. A data folder whose log holds $events events: user bench, 100 folders of 100 files, every
#    file rewritten (and some renamed and back) round after round. The middle position is a state
#    every file has long moved on from, so a lookup there skips back over half its versions.
# ---------------------------------------------------------------------------------------------
JAVA=$("$root/bench/run" build)
ssh-keygen -q -t ed25519 -N '' -C bench-client -f "$work/key"
note "writing a log of $events events (a few minutes for a million)"
middle=$("$JAVA" -Xmx4g -cp "$bench/target/benchmarks.jar" org.eventvfs.bench.HistoryFixture \
    "$work/vfs-data" "$work/key.pub" "$events" 2>"$work/fixture.log" | tail -n 1)
[[ $middle =~ ^[0-9]+$ ]] || { cat "$work/fixture.log" >&2; die "the fixture did not print a position"; }
note "middle position @$middle"

note "starting eventvfs on the data folder"
VFS_JAVA_OPTS=-Xmx4g "$root/vfs" run --data "$work/vfs-data" --sftp-port "$port" --webdav-port 0 \
    --ftp-port 0 >"$work/vfs.log" 2>&1 &
pid[eventvfs]=$!
wait_ready "${pid[eventvfs]}" "$work/vfs.log" "$start_timeout"

# ---------------------------------------------------------------------------------------------
# 2. Batches of sftp commands, one session per line: the same folder and file at the head and in
#    .history/@middle. Stats cycle over the folder's files, so no line repeats one lookup.
# ---------------------------------------------------------------------------------------------
batch() { # FILE PREFIX KIND
    local file=$1 prefix=$2 kind=$3 i
    : >"$file"
    for ((i = 0; i < ops; i++)); do
        if [[ $kind == list ]]; then
            printf 'ls -l %s/d%03d\n' "$prefix" $((i % 100)) >>"$file"
        else
            printf 'ls -l %s/d042/f%03d\n' "$prefix" $((i % 100)) >>"$file"
        fi
    done
}
batch "$work/head-list" "" list
batch "$work/past-list" "/.history/@$middle" list
batch "$work/head-stat" "" stat
batch "$work/past-stat" "/.history/@$middle" stat

session() { # BATCH
    sftp -q -i "$work/key" -P "$port" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
        -o BatchMode=yes -b "$1" bench@127.0.0.1 >"$1.out" 2>&1
}

# A listing at the middle must show the files as they were then: one sanity check before timing.
session "$work/past-list"
grep -q ' f099$' "$work/past-list.out" || { tail -n 5 "$work/past-list.out" >&2; die "the past listing is empty"; }

for ((r = 1; r <= runs; r++)); do
    for line in list stat; do
        time_step_pid "$ops x $line, head" eventvfs session "$work/head-$line"
        time_step_pid "$ops x $line, @$middle" eventvfs session "$work/past-$line"
    done
done

# ---------------------------------------------------------------------------------------------
# 3. The table: past seconds / head seconds per operation; the goal is at most 1.5.
# ---------------------------------------------------------------------------------------------
echo
echo "# $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); log of $events events, past = @$middle"
printf '%-16s | %10s | %10s | %10s |\n' operation "head s" "past s" "past/head"
for line in list stat; do
    head_s=${result["$ops x $line, head",eventvfs]}
    past_s=${result["$ops x $line, @$middle",eventvfs]}
    ratio=$(awk -v h="$head_s" -v p="$past_s" 'BEGIN { printf "%.2f", (h > 0 ? p / h : 0) }')
    flag=''
    awk -v r="$ratio" 'BEGIN { exit !(r > 1.5) }' && flag='  above the 1.5 goal'
    printf '%-16s | %10s | %10s | %10s |%s\n' "$ops x $line" "$head_s" "$past_s" "$ratio" "$flag"
done

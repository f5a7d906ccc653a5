# shellcheck shell=bash
# Shared by the end-to-end benchmarks (bench/sftp/bench.sh, bench/webdav/bench.sh); sourced, not run.
# The argument names the benchmark in messages: . bench/lib.sh "bench/run sftp"

bench_name=$1
die() { echo "$bench_name: $*" >&2; exit 1; }
note() { echo "# $*" >&2; }
now() { date +%s.%N; }

# Installs Debian packages as root; anyone else is told what to install.
apt_install() { # PACKAGE...
    note "installing $* (no system service of theirs is started or used)"
    [[ $(id -u) == 0 ]] || die "missing: $* (as root: apt-get install -y $*)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2 \
        || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >&2; } \
        || die "could not install $*"
}

# Runs a cleanup function when the script ends, also on SIGINT or SIGTERM (as exit 130 or 143).
on_exit() { # FUNCTION
    # shellcheck disable=SC2064 # the function's name, expanded now on purpose
    trap "$1" EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# shellcheck disable=SC2317 # runs from the callers' cleanup
drop_work() { # FOLDER KEEP: removes the work folder (and a client folder it links to) unless KEEP is non-empty
    if [[ -n $2 ]]; then
        note "kept $1"
    else
        [[ -L $1/local ]] && rm -rf "$(readlink "$1/local")"
        rm -rf "$1"
    fi
}

# The client's side of the files (what it uploads, where it downloads to) lives in memory, on
# /dev/shm, when that has room: a benchmark measures the servers, and the client's writes of 2,000
# downloaded files to a shared disk swung the same line from 0.7 to 2.3 s, whichever server it was
# talking to. The servers keep their data on the disk of the work folder. BENCH_CLIENT_ON_DISK=1, or
# too little room on /dev/shm, keeps the client's files in the work folder too.
client_folder() { # WORK: makes WORK/local (a link into /dev/shm, or a folder) and prints its path
    local shm
    if [[ -z ${BENCH_CLIENT_ON_DISK:-} && -d /dev/shm && -w /dev/shm ]] \
            && (( $(df --output=avail -k /dev/shm | tail -n 1) > 3 * 1024 * 1024 )); then
        shm=$(mktemp -d /dev/shm/eventvfs-bench.XXXXXX)
        ln -s "$shm" "$1/local"
        note "the client's files are on /dev/shm ($shm)"
    else
        mkdir -p "$1/local"
        note "the client's files are on the disk of $1"
    fi
    echo "$1/local"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# shellcheck disable=SC2317 # runs from the callers' EXIT traps
stop_pid() { # PID NAME: SIGTERM, then SIGKILL after 40 s (eventvfs drains connections for up to 30 s)
    local pid=$1 name=$2 i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 400; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    note "$name (pid $pid) still running after 40 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# shellcheck disable=SC2317
jfr_dump() { # PID FILE: a dump on exit races the shutdown (garbled method names), so dump before stopping
    "$(dirname "$(readlink -f "/proc/$1/exe")")/jcmd" "$1" JFR.dump name=bench \
        filename="$(readlink -f "$2" 2>/dev/null || echo "$2")" >&2 \
        || note "could not dump the flight recording"
}

jit_compiles() { # PID: methods the JVM has compiled so far (HotSpot's sun.ci.totalCompiles)
    "$(dirname "$(readlink -f "/proc/$1/exe")")/jcmd" "$1" PerfCounter.print 2>/dev/null \
        | sed -n 's/^sun\.ci\.totalCompiles=//p'
}

# warm_until_compiled PID MAX_ROUNDS COMMAND...: runs COMMAND (one untimed round of the workloads)
# again while the round before made the JVM compile more than 50 methods, at most MAX_ROUNDS
# times, so that the timed steps measure compiled code, not the JIT compiling it. Prints what
# each round compiled.
warm_until_compiled() {
    local pid=$1 max=$2 before after round compiled=()
    shift 2
    before=$(jit_compiles "$pid")
    [[ -n $before ]] || { note "no JIT counters from pid $pid: one warm-up round only"; return 0; }
    for ((round = 1; round <= max; round++)); do
        "$@" || return 1
        after=$(jit_compiles "$pid")
        compiled+=("$((after - before))")
        (( after - before <= 50 )) && break
        before=$after
    done
    note "eventvfs warmed up in ${#compiled[@]} more rounds, methods compiled in each: ${compiled[*]}"
}

wait_port() { # PORT PID NAME LOG
    local i
    for ((i = 0; i < 300; i++)); do
        kill -0 "$2" 2>/dev/null || { tail -n 20 "$4" >&2; die "$3 exited before listening on 127.0.0.1:$1 (log above)"; }
        port_free "$1" || return 0
        sleep 0.1
    done
    tail -n 20 "$4" >&2
    die "$3 is not listening on 127.0.0.1:$1 after 30 s (log above)"
}

wait_ready() { # PID LOG TIMEOUT: until eventvfs prints its ready: line (./vfs may build first)
    local i
    for ((i = 0; ; i++)); do
        grep -q '^ready:' "$2" && return 0
        kill -0 "$1" 2>/dev/null || { tail -n 30 "$2" >&2; die "eventvfs exited before it was ready (log above)"; }
        (( i < $3 * 5 )) || { tail -n 30 "$2" >&2; die "eventvfs not ready after $3 s (log above)"; }
        sleep 0.2
    done
}

# CPU seconds used so far by a process and all its descendants, living ones and those it has reaped
# (a forking server such as sshd or httpd does its work in children).
tree_cpu() { # PID
    # A process may end between the glob and its read: that is no error.
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v root="$1" -v t="$ticks" '
        { pid = $1; sub(/^.*\) /, ""); parent[pid] = $2; used[pid] = $12 + $13 + $14 + $15 }
        END {
            for (p in used) {
                for (q = p; q in parent && q != root && q > 1; q = parent[q]) {}
                if (q == root) sum += used[p]
            }
            printf "%.2f", sum / t
        }'
}
ticks=$(getconf CLK_TCK)

# shellcheck disable=SC2034 # the callers print the table from them
declare -A result=() cpu=()
order=()

# shellcheck disable=SC2034 # cpu: see above
# Keeps the smallest time of a line over runs (and the CPU of that run) and reports the step.
record() { # NAME SERVER T0 T1 CPU0 CPU1
    local name=$1 server=$2 secs used key="$1,$2"
    secs=$(awk -v a="$3" -v b="$4" 'BEGIN { printf "%.3f", b - a }')
    used=$(awk -v a="$5" -v b="$6" 'BEGIN { printf "%.2f", b - a }')
    if [[ -z ${result[$key]:-} ]] || awk -v n="$secs" -v o="${result[$key]}" 'BEGIN { exit !(n < o) }'; then
        result[$key]=$secs
        cpu[$key]=$used
    fi
    [[ " ${order[*]} " == *" $name "* ]] || order+=("$name")
    note "$(printf '%-32s %-8s %8.3f s, server CPU %6.2f s   (UTC %s)' "$name" "$server" "$secs" "$used" \
        "$(date -u -d "@$3" +%T.%3N)")"
}

# The table's verdict on a ratio of peer seconds / eventvfs seconds.
goal_flag() { # RATIO
    if awk -v r="$1" 'BEGIN { exit !(r < 0.8) }'; then printf '  < 0.8: defect'
    elif awk -v r="$1" 'BEGIN { exit !(r < 1.0) }'; then printf '  below the 1.0 goal'; fi
    return 0
}

# What durability costs on the disk of a folder: eventvfs fsyncs what it acknowledges, the peers do not.
# shellcheck disable=SC2034 # the callers print disk_sync and disk_bulk
disk_probe() { # FOLDER: sets disk_sync and disk_bulk
    local f=$1/disk-probe out
    out=$(dd if=/dev/zero of="$f" bs=4k count=200 oflag=dsync 2>&1 | tail -n 1)
    disk_sync=$(awk '{ for (i = 1; i <= NF; i++) if ($i == "s,") printf "%.2f ms", $(i - 1) * 1000 / 200 }' <<<"$out")
    out=$(dd if=/dev/zero of="$f" bs=4M count=64 conv=fsync 2>&1 | tail -n 1)
    disk_bulk=$(awk -F', ' '{ print $NF }' <<<"$out")
    rm -f "$f"
}

# Untimed, before every timed step: writes back what the steps before it left dirty in the page cache
# (a peer's 2,000 downloaded files, a deleted tree), so that no step pays for the one before it.
# Without it, the step after a download of many small files was slowed by the writeback of the
# last one: the same 2,000 GETs of 4 KiB took curl 0.7 to 1.5 s when they came first and 1.6 to
# 2.6 s when they came after another server's.
settle_disk() { sync; }

# time_step_pid NAME SERVER COMMAND...: runs the command once, records its seconds and the CPU of
# the server whose process is pid[SERVER] (the callers' associative array).
time_step_pid() {
    local name=$1 server=$2 t0 t1 c0 c1
    shift 2
    settle_disk
    c0=$(tree_cpu "${pid[$server]}")
    t0=$(now)
    "$@" || die "$name failed against $server"
    t1=$(now)
    # Untimed: lets the servers finish what they queued before their CPU is read.
    sleep 0.5
    c1=$(tree_cpu "${pid[$server]}")
    record "$name" "$server" "$t0" "$t1" "$c0" "$c1"
}

# Random content, new for every line and run: eventvfs stores a block once (content-addressed), so
# uploading known bytes would skip its block writes.
random_files() { # FOLDER COUNT KIB: COUNT new random files f00000… and FOLDER.sums
    rm -rf "$1"
    mkdir -p "$1"
    head -c $(($2 * $3 * 1024)) /dev/urandom | (cd "$1" && split -a 5 -d -b $(($3 * 1024)) - f)
    (cd "$1" && find . -type f | sort | xargs sha256sum) >"$1.sums"
    [[ $(wc -l <"$1.sums") == "$2" ]] || die "made $(wc -l <"$1.sums") files in $1, not $2"
}
same_files() { # FOLDER SUMS
    (cd "$1" && find . -type f | sort | xargs sha256sum) | cmp -s - "$2"
}

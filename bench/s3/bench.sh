#!/usr/bin/env bash
# bench/run s3: large-file upload and download through SFTP and WebDAV, eventvfs with its blocks in
# S3 (S3Proxy on loopback, objects as files) against eventvfs with the local blob folder, in one run.
# See bench/README.md ("S3 blobs against local blobs").
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(dirname "$bench")
# shellcheck source=bench/lib.sh
. "$bench/lib.sh" "bench/run s3"

big_mb=${BENCH_S3_BIG_MB:-512}            # the large file, MiB
runs=${BENCH_S3_RUNS:-1}                  # runs per step, each with new content; the table shows the fastest
warm_mb=${BENCH_S3_WARMUP_MB:-64}         # untimed put and get through each protocol first (0: none)
transfers=${BENCH_S3_TRANSFERS:-16}       # the S3 store's transfers option
port_base=${BENCH_S3_PORT_BASE:-2530}     # four ports from here: SFTP and WebDAV of each server
keep=${BENCH_S3_KEEP:-}                   # non-empty: keep the work folder (logs, data)
start_timeout=${BENCH_S3_START_TIMEOUT:-600}
password=bench-password

for n in "$big_mb" "$runs" "$transfers" "$port_base"; do
    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || die "sizes, counts and ports must be positive integers (got '$n')"
done
[[ $warm_mb =~ ^[0-9]+$ ]] || die "BENCH_S3_WARMUP_MB must be an integer (0 for none)"
for tool in sftp ssh-keygen curl sha256sum; do
    command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y openssh-client curl coreutils)"
done

mkdir -p "$bench/target"
work=$(mktemp -d "$bench/target/s3-bench.XXXXXX")
declare -A vfs_pid=() sftp_port=() dav_port=()
s3_pid=''

# shellcheck disable=SC2317 # runs from the EXIT trap
cleanup() {
    local status=$? server
    trap - EXIT INT TERM
    if [[ -n ${BENCH_S3_JFR:-} && -n ${vfs_pid[s3]:-} ]] && kill -0 "${vfs_pid[s3]}" 2>/dev/null; then
        jfr_dump "${vfs_pid[s3]}" "$BENCH_S3_JFR"
    fi
    for server in "${!vfs_pid[@]}"; do
        stop_pid "${vfs_pid[$server]}" "eventvfs ($server)"
    done
    [[ -n $s3_pid ]] && stop_pid "$s3_pid" "S3Proxy"
    drop_work "$work" "$keep"
    exit "$status"
}
on_exit cleanup

servers=(local s3)
sftp_port=([local]=$port_base [s3]=$((port_base + 1)))
dav_port=([local]=$((port_base + 2)) [s3]=$((port_base + 3)))
for server in "${servers[@]}"; do
    for p in "${sftp_port[$server]}" "${dav_port[$server]}"; do
        port_free "$p" || die "127.0.0.1:$p is in use; set BENCH_S3_PORT_BASE"
    done
done

# ---------------------------------------------------------------------------------------------
# 1. S3Proxy from the test kit's class path, objects as files in the work folder.
# ---------------------------------------------------------------------------------------------
note "building the test kit's class path for S3Proxy"
(cd "$root" && ./build -q -B -pl vfs-testkit -am compile dependency:build-classpath \
    -Dmdep.outputFile="$work/s3proxy.classpath" -Dmdep.includeScope=runtime) >&2
java=$(. "$root/bin/find-jdk" && find_jdk && echo "$JAVA_HOME/bin/java")
mkdir -p "$work/s3-objects"
"$java" -Xmx1g -Dlogback.configurationFile="$bench/s3/logback.xml" \
    -cp "$(cat "$work/s3proxy.classpath"):$root/vfs-testkit/target/classes" \
    org.eventvfs.testkit.S3TestServer "$work/s3-objects" >"$work/s3proxy.log" 2>&1 &
s3_pid=$!
for ((i = 0; i < 300; i++)); do
    grep -q '^endpoint ' "$work/s3proxy.log" && break
    kill -0 "$s3_pid" 2>/dev/null || { tail -n 20 "$work/s3proxy.log" >&2; die "S3Proxy exited (log above)"; }
    sleep 0.1
done
endpoint=$(sed -n 's/^endpoint //p' "$work/s3proxy.log")
[[ -n $endpoint ]] || die "S3Proxy did not start in 30 s"
printf 'blobs: s3://eventvfs-test:eventvfs-test-secret@blocks/bench?endpoint=%s&transfers=%s\n' \
    "$endpoint" "$transfers" >"$work/s3.yaml"
printf '' >"$work/local.yaml"

# ---------------------------------------------------------------------------------------------
# 2. Two eventvfs servers from the working tree: local blobs and S3 blobs, the same users.
# ---------------------------------------------------------------------------------------------
ssh-keygen -q -t ed25519 -N '' -C bench-client -f "$work/client"
for server in "${servers[@]}"; do
    note "starting eventvfs with $server blobs (./vfs run builds it first if a source changed)"
    opts=${VFS_JAVA_OPTS:-}
    if [[ $server == s3 && -n ${BENCH_S3_JFR:-} ]]; then
        # The S3 server only, dumped with jcmd before it stops (see cleanup).
        opts+=" -XX:StartFlightRecording=name=bench,settings=profile"
    fi
    VFS_JAVA_OPTS=$opts "$root/vfs" run --config "$work/$server.yaml" --data "$work/$server-data" \
        --sftp-port "${sftp_port[$server]}" --webdav-port "${dav_port[$server]}" --ftp-port 0 \
        >"$work/vfs-$server.log" 2>&1 &
    vfs_pid[$server]=$!
    wait_ready "${vfs_pid[$server]}" "$work/vfs-$server.log" "$start_timeout"
    "$root/vfs" user add bench --key "$work/client.pub" --data "$work/$server-data" >/dev/null
    printf '%s\n' "$password" | "$root/vfs" user add dav --password-stdin --data "$work/$server-data" >/dev/null
done

sftp_batch() { # SERVER LINE
    printf '%s\n' "$2" >"$work/batch"
    (cd "$work" && sftp -q -F /dev/null -b "$work/batch" -P "${sftp_port[$1]}" \
        -o IdentityFile="$work/client" -o IdentitiesOnly=yes -o BatchMode=yes \
        -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
        -o Compression=no -o Ciphers=aes128-gcm@openssh.com bench@127.0.0.1) >/dev/null 2>"$work/sftp.err" \
        || { tail -n 20 "$work/sftp.err" >&2; return 1; }
}

dav() { # SERVER CURL-ARGS… (the URL path last)
    local server=$1 path=${*: -1}
    curl -sS --fail -u "dav:$password" "${@:2:$#-2}" "http://127.0.0.1:${dav_port[$server]}/$path" >/dev/null
}

declare -A s3cpu=()
# step NAME SERVER COMMAND…: times the command, with the server's CPU and S3Proxy's.
step() {
    local name=$1 server=$2 t0 t1 c0 c1 p0 p1
    shift 2
    c0=$(tree_cpu "${vfs_pid[$server]}") p0=$(tree_cpu "$s3_pid")
    t0=$(now)
    "$@" || die "$name failed against eventvfs with $server blobs"
    t1=$(now)
    sleep 0.5
    c1=$(tree_cpu "${vfs_pid[$server]}") p1=$(tree_cpu "$s3_pid")
    local before=${result[$name,$server]:-}
    record "$name" "$server" "$t0" "$t1" "$c0" "$c1"
    if [[ ${result[$name,$server]} != "$before" ]]; then
        s3cpu[$name,$server]=$(awk -v a="$p0" -v b="$p1" 'BEGIN { printf "%.2f", b - a }')
    fi
}

same_file() { # A B
    [[ $(sha256sum <"$1") == "$(sha256sum <"$2")" ]] || die "$2 differs from $1"
}

# Warm-up (untimed): both servers' hot paths compiled before anything is timed.
if (( warm_mb > 0 )); then
    note "warming up: ${warm_mb} MiB through each protocol of each server"
    head -c "$((warm_mb * 1024 * 1024))" /dev/urandom >"$work/warm.bin"
    for server in "${servers[@]}"; do
        sftp_batch "$server" "put warm.bin warm-sftp.bin" && sftp_batch "$server" "get warm-sftp.bin warm.out" \
            && dav "$server" -T "$work/warm.bin" warm-dav.bin && dav "$server" -o "$work/warm.out" warm-dav.bin \
            || die "the warm-up failed against eventvfs with $server blobs"
    done
    rm -f "$work/warm.bin" "$work/warm.out"
fi

note "$(nproc) cores; ${big_mb} MiB files; S3 transfers $transfers; runs $runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for ((run = 1; run <= runs; run++)); do
    for server in "${servers[@]}"; do
        # New random content for every upload, so that no server deduplicates its way out of it.
        head -c "$((big_mb * 1024 * 1024))" /dev/urandom >"$work/up.bin"
        step "sftp put ${big_mb} MiB" "$server" sftp_batch "$server" "put up.bin big-$run.bin"
        step "sftp get ${big_mb} MiB" "$server" sftp_batch "$server" "get big-$run.bin down.bin"
        same_file "$work/up.bin" "$work/down.bin"
        head -c "$((big_mb * 1024 * 1024))" /dev/urandom >"$work/up.bin"
        step "webdav PUT ${big_mb} MiB" "$server" dav "$server" -T "$work/up.bin" "big-$run.bin"
        step "webdav GET ${big_mb} MiB" "$server" dav "$server" -o "$work/down.bin" "big-$run.bin"
        same_file "$work/up.bin" "$work/down.bin"
        rm -f "$work/down.bin"
    done
done
rm -f "$work/up.bin"

# ---------------------------------------------------------------------------------------------
# The table: local seconds / S3 seconds (below 1.0, S3 is slower), and where the CPU went.
# ---------------------------------------------------------------------------------------------
echo
echo "# eventvfs with S3 blobs (S3Proxy, filesystem store, loopback) against eventvfs with local blobs"
echo "# $(nproc) cores; load average before/after: see above / $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s | %8s | %8s | %6s | %8s | %8s | %8s | %8s | %8s |\n' workload "local s" "S3 s" ratio \
    "local" "S3" "vfs CPU" "vfs CPU" "S3Proxy"
printf '%-22s | %8s | %8s | %6s | %8s | %8s | %8s | %8s | %8s |\n' "" "" "" "" "MiB/s" "MiB/s" "local s" "S3 s" "CPU s"
for name in "${order[@]}"; do
    l=${result[$name,local]} s=${result[$name,s3]}
    printf '%-22s | %8.2f | %8.2f | %6.2f | %8.0f | %8.0f | %8.2f | %8.2f | %8.2f |\n' "$name" "$l" "$s" \
        "$(awk -v a="$l" -v b="$s" 'BEGIN { print a / b }')" \
        "$(awk -v m="$big_mb" -v t="$l" 'BEGIN { print m / t }')" \
        "$(awk -v m="$big_mb" -v t="$s" 'BEGIN { print m / t }')" \
        "${cpu[$name,local]}" "${cpu[$name,s3]}" "${s3cpu[$name,s3]:-0}"
done

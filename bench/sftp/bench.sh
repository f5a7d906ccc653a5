#!/usr/bin/env bash
# bench/run sftp: eventvfs's SFTP adapter against OpenSSH's sftp-server, same client, same cipher.
# See bench/README.md ("SFTP against OpenSSH") for what it measures and the environment it reads.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(dirname "$bench")
# shellcheck source=bench/lib.sh
. "$bench/lib.sh" "bench/run sftp"

big_mb=${BENCH_SFTP_BIG_MB:-1024}          # the large file, MiB
small_n=${BENCH_SFTP_SMALL_FILES:-2000}     # small files put/get, renamed and removed
small_kb=${BENCH_SFTP_SMALL_KB:-4}          # size of each small file, KiB
list_n=${BENCH_SFTP_LIST_ENTRIES:-10000}    # entries of the listed directory
runs=${BENCH_SFTP_RUNS:-1}                  # runs per timed step; the table shows the fastest
ssh_port=${BENCH_SFTP_OPENSSH_PORT:-2322}
vfs_port=${BENCH_SFTP_VFS_PORT:-2422}
workloads=${BENCH_SFTP_WORKLOADS:-session big small list rename flush}
ciphers=${BENCH_SFTP_CIPHER:-aes128-gcm@openssh.com aes128-ctr}
warm_files=${BENCH_SFTP_WARMUP_FILES:-2000}  # untimed warm-up: small files, then MiB of one file
warm_mb=${BENCH_SFTP_WARMUP_MB:-128}
warm_rounds=${BENCH_SFTP_WARMUP_ROUNDS:-8}     # more rounds for eventvfs while its JIT still compiles
keep=${BENCH_SFTP_KEEP:-}                   # non-empty: keep the work folder (logs, data)
start_timeout=${BENCH_SFTP_START_TIMEOUT:-600}  # seconds for ./vfs run to print ready: (may build first)

for n in "$big_mb" "$small_n" "$small_kb" "$list_n" "$runs" "$ssh_port" "$vfs_port"; do
    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || die "sizes, counts and ports must be positive integers (got '$n')"
done
[[ $warm_files =~ ^[0-9]+$ && $warm_mb =~ ^[0-9]+$ && $warm_rounds =~ ^[0-9]+$ ]] \
    || die "warm-up sizes and rounds must be integers (0 for none)"

# ---------------------------------------------------------------------------------------------
# 1. What it needs: OpenSSH's server (for sshd and sftp-server) and client.
# ---------------------------------------------------------------------------------------------
sshd_bin=/usr/sbin/sshd
sftp_server=/usr/lib/openssh/sftp-server
if [[ ! -x $sshd_bin || ! -x $sftp_server ]]; then
    apt_install openssh-server
fi
for tool in sftp ssh-keygen sha256sum; do
    command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y openssh-client coreutils)"
done

# ---------------------------------------------------------------------------------------------
# Work folder on a real disk, and cleanup whatever happens.
# ---------------------------------------------------------------------------------------------
mkdir -p "$bench/target"
work=$(mktemp -d "$bench/target/sftp-bench.XXXXXX")
sshd_pid=''
vfs_pid=''
made_privsep=''

# shellcheck disable=SC2317 # runs from the EXIT trap
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n $vfs_pid && -n ${BENCH_SFTP_JFR:-} ]] && kill -0 "$vfs_pid" 2>/dev/null; then
        jfr_dump "$vfs_pid" "$BENCH_SFTP_JFR"
    fi
    [[ -n $vfs_pid ]] && stop_pid "$vfs_pid" "eventvfs"
    [[ -n $sshd_pid ]] && stop_pid "$sshd_pid" "sshd"
    if [[ -n $made_privsep ]]; then
        rmdir "$made_privsep" 2>/dev/null || true
    fi
    drop_work "$work" "$keep"
    exit "$status"
}
on_exit cleanup

keys=$work/keys ssh_root=$work/openssh-root vfs_data=$work/vfs-data batches=$work/batches
mkdir -p "$keys" "$ssh_root" "$vfs_data" "$batches"
local=$(client_folder "$work")
ssh-keygen -q -t ed25519 -N '' -C bench-client -f "$keys/client"
ssh-keygen -q -t ed25519 -N '' -C bench-host -f "$keys/host_ed25519"
cp "$keys/client.pub" "$keys/authorized_keys"
user=$(id -un)

port_free "$ssh_port" || die "127.0.0.1:$ssh_port is in use; set BENCH_SFTP_OPENSSH_PORT"
port_free "$vfs_port" || die "127.0.0.1:$vfs_port is in use; set BENCH_SFTP_VFS_PORT"

# ---------------------------------------------------------------------------------------------
# 2. A private OpenSSH sshd on loopback, serving $ssh_root through /usr/lib/openssh/sftp-server.
# ---------------------------------------------------------------------------------------------
cat >"$keys/sshd_config" <<CONF
Port $ssh_port
ListenAddress 127.0.0.1
HostKey $keys/host_ed25519
PidFile $keys/sshd.pid
AuthorizedKeysFile $keys/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
AllowUsers $user
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
X11Forwarding no
AllowTcpForwarding no
PrintMotd no
UseDNS no
MaxStartups 100
Subsystem sftp $sftp_server
CONF
# The privilege separation folder sshd (as root) insists on; normally made by the service unit.
if [[ $(id -u) == 0 && ! -d /run/sshd ]]; then
    mkdir -m 0755 /run/sshd
    made_privsep=/run/sshd
fi
"$sshd_bin" -t -f "$keys/sshd_config" || die "sshd rejects its configuration ($keys/sshd_config)"
"$sshd_bin" -f "$keys/sshd_config" -D -e >"$work/sshd.log" 2>&1 &
sshd_pid=$!

# ---------------------------------------------------------------------------------------------
# 3. eventvfs from the working tree, with a user holding the same key.
# ---------------------------------------------------------------------------------------------
vfs_opts=${VFS_JAVA_OPTS:-}
if [[ -n ${BENCH_SFTP_JFR:-} ]]; then
    # Dumped with jcmd before the server stops (see cleanup): a dump on exit races the shutdown.
    vfs_opts+=" -XX:StartFlightRecording=name=bench,settings=${BENCH_SFTP_JFR_SETTINGS:-profile}"
fi
note "starting eventvfs (./vfs run builds it first if a source changed)"
# BENCH_SFTP_VFS_ARGS: more arguments for `vfs run`, for diagnosis only, e.g. --events 'file:events?fsync=false'.
# shellcheck disable=SC2086 # several arguments, split on purpose
VFS_JAVA_OPTS=$vfs_opts "$root/vfs" run --data "$vfs_data" --sftp-port "$vfs_port" --webdav-port 0 --ftp-port 0 \
    ${BENCH_SFTP_VFS_ARGS:-} >"$work/vfs.log" 2>&1 &
vfs_pid=$!   # ./vfs execs java, so this is the server's own pid

wait_port "$ssh_port" "$sshd_pid" "sshd" "$work/sshd.log"

wait_ready "$vfs_pid" "$work/vfs.log" "$start_timeout"
grep '^ready:' "$work/vfs.log" | grep -q "sftp 127.0.0.1:$vfs_port" \
    || { grep '^ready:' "$work/vfs.log" >&2; die "eventvfs is ready but does not serve sftp on 127.0.0.1:$vfs_port"; }
"$root/vfs" user add bench --key "$keys/client.pub" --data "$vfs_data" >"$work/user-add.log" 2>&1 \
    || { cat "$work/user-add.log" >&2; die "vfs user add failed (above)"; }

# ---------------------------------------------------------------------------------------------
# 4. The client: OpenSSH sftp in batch mode, the same options for both servers.
# ---------------------------------------------------------------------------------------------
declare -A target=([openssh]="$user@127.0.0.1:$ssh_root" [eventvfs]="bench@127.0.0.1")
declare -A port=([openssh]=$ssh_port [eventvfs]=$vfs_port)
cipher=''

sftp_batch() { # SERVER BATCHFILE [OUTPUT]: runs the batch; fails on the first failed command
    local server=$1 batch=$2 out=${3:-/dev/null}
    (cd "$local" && sftp -q -F /dev/null -b "$batch" -P "${port[$server]}" \
        -o IdentityFile="$keys/client" -o IdentitiesOnly=yes -o BatchMode=yes \
        -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
        -o Compression=no ${cipher:+-o Ciphers=$cipher} "${target[$server]}") >"$out" 2>"$work/sftp.err" \
        || { echo "--- $server, batch $batch:" >&2; tail -n 20 "$work/sftp.err" >&2; return 1; }
}

printf 'pwd\n' >"$batches/empty"
for c in $ciphers; do
    cipher=$c
    if sftp_batch openssh "$batches/empty" 2>/dev/null && sftp_batch eventvfs "$batches/empty" 2>/dev/null; then
        break
    fi
    note "cipher $c is not offered by both servers"
    cipher=''
done
[[ -n $cipher ]] || { sftp_batch openssh "$batches/empty" || true; sftp_batch eventvfs "$batches/empty" || true;
    die "no cipher of '$ciphers' works with both servers (set BENCH_SFTP_CIPHER); client errors above"; }

# CPU seconds a server has used so far; OpenSSH sessions run in processes of their own (sshd's
# children, and their sftp-server children).
server_cpu() { # SERVER
    if [[ $1 == openssh ]]; then tree_cpu "$sshd_pid"; else tree_cpu "$vfs_pid"; fi
}

# time_step NAME SERVER BATCH [OUTPUT]: runs the batch once, adds the seconds to result[NAME,SERVER]
# (keeping the smallest over runs).
time_step() {
    local name=$1 server=$2 batch=$3 out=${4:-/dev/null} t0 t1 c0 c1
    settle_disk
    c0=$(server_cpu "$server")
    t0=$(now)
    sftp_batch "$server" "$batch" "$out" || die "$name failed against $server"
    t1=$(now)
    # Untimed: lets sshd reap the session (and count its CPU) and eventvfs finish what it queued.
    sleep 0.5
    c1=$(server_cpu "$server")
    record "$name" "$server" "$t0" "$t1" "$c0" "$c1"
}

# Removes a remote path left by a step (untimed): '-' lines never fail the batch.
remote_rm() { # SERVER BATCH-TEXT
    printf '%s\n' "$2" >"$batches/cleanup"
    sftp_batch "$1" "$batches/cleanup"
}

note "$(nproc) cores; cipher $cipher; sizes: ${big_mb} MiB, ${small_n} x ${small_kb} KiB, ${list_n} entries; runs $runs"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

disk_probe "$work"

# ---------------------------------------------------------------------------------------------
# Local data: random content, so neither compression nor deduplication helps anyone.
# ---------------------------------------------------------------------------------------------
servers=(openssh eventvfs)
has() { [[ " $workloads " == *" $1 "* ]]; }

# Warm-up (untimed): every kind of request, often enough for the JVM to compile its hot paths (a
# cold eventvfs took 1.3x the time and 1.6x the CPU for its first 2,000 small files). The table is
# the steady state of a server that has been up a while; sftp-server is a new process per session.
if (( warm_files > 0 || warm_mb > 0 )); then
    note "warming both servers up: ${warm_mb} MiB and ${warm_files} small files"
    mkdir -p "$local/warm"
    (( warm_mb > 0 )) && head -c $((warm_mb << 20)) /dev/urandom >"$local/warm/big"
    if (( warm_files > 0 )); then
        head -c $((warm_files * 4096)) /dev/urandom | (cd "$local/warm" && split -a 5 -d -b 4096 - s)
    fi
    warm_names=$(cd "$local/warm" && ls)
    {
        echo 'put -r warm warm'
        echo 'get -r warm warm.down'
        echo 'ls -l warm'
        for f in $warm_names; do echo "rename warm/$f warm/r$f"; done
        for f in $warm_names; do echo "rm warm/r$f"; done
        echo 'rmdir warm'
    } >"$batches/warm"
    warm_round() { # SERVER: one round, with small files of new bytes (bytes stored before skip their writes)
        if (( warm_files > 0 )); then
            rm -f "$local/warm"/s*
            head -c $((warm_files * 4096)) /dev/urandom | (cd "$local/warm" && split -a 5 -d -b 4096 - s)
        fi
        sftp_batch "$1" "$batches/warm" && rm -rf "$local/warm.down"
    }
    for s in "${servers[@]}"; do
        warm_round "$s" || die "warm-up failed against $s"
    done
    warm_until_compiled "$vfs_pid" "$warm_rounds" warm_round eventvfs || die "warm-up failed against eventvfs"
    rm -rf "$local/warm"
fi

# Connecting and logging in, which every other line includes: the best of 5 empty sessions.
if has session; then
    for s in "${servers[@]}"; do
        for ((r = 0; r < 5; r++)); do time_step "connect + log in" "$s" "$batches/empty"; done
    done
fi

# Every timed upload sends content that neither server has seen: eventvfs stores a block once
# (content-addressed), so uploading the same bytes again would skip its block writes.
fresh_big() {
    head -c $((big_mb << 20)) /dev/urandom >"$local/big.bin"
    big_sha=$(sha256sum "$local/big.bin" | cut -d' ' -f1)
}

if has big; then
    note "uploading and downloading ${big_mb} MiB"
    printf 'put big.bin big.bin\n' >"$batches/big-put"
    printf 'get big.bin big.down\n' >"$batches/big-get"
    printf 'put -f big.bin big.bin\n' >"$batches/big-put-f"
    printf 'ls -ln big.bin\n' >"$batches/big-ls"
    for ((r = 0; r < runs; r++)); do
        fresh_big
        for s in "${servers[@]}"; do
            remote_rm "$s" '-rm big.bin'
            time_step "put ${big_mb} MiB" "$s" "$batches/big-put"
        done
    done
    for ((r = 0; r < runs; r++)); do
        for s in "${servers[@]}"; do
            rm -f "$local/big.down"
            time_step "get ${big_mb} MiB" "$s" "$batches/big-get"
            got=$(sha256sum "$local/big.down" | cut -d' ' -f1)
            [[ $got == "$big_sha" ]] || die "$s: the downloaded ${big_mb} MiB file differs from the uploaded one"
        done
    done
    rm -f "$local/big.down"
    if has flush; then
        for ((r = 0; r < runs; r++)); do
            fresh_big
            for s in "${servers[@]}"; do
                remote_rm "$s" '-rm big.bin'
                time_step "put ${big_mb} MiB, put -f" "$s" "$batches/big-put-f"
                sftp_batch "$s" "$batches/big-ls" "$work/ls.out"
                awk -v n=$((big_mb << 20)) '$NF ~ /big.bin$/ { for (i = 1; i < NF; i++) if ($i == n) ok = 1 }
                    END { exit !ok }' "$work/ls.out" \
                    || die "$s: after put -f, big.bin does not have ${big_mb} MiB"
            done
        done
    fi
    for s in "${servers[@]}"; do remote_rm "$s" '-rm big.bin'; done
    rm -f "$local/big.bin"
fi

fresh_small() {
    rm -rf "$local/small"
    mkdir -p "$local/small"
    head -c $((small_n * small_kb * 1024)) /dev/urandom \
        | (cd "$local/small" && split -a 5 -d -b $((small_kb * 1024)) - f)
    (cd "$local/small" && find . -type f | sort | xargs sha256sum) >"$local/small.sums"
    [[ $(wc -l <"$local/small.sums") == "$small_n" ]] || die "made $(wc -l <"$local/small.sums") small files, not $small_n"
}

if has small; then
    printf 'put -r small small\n' >"$batches/small-put"
    printf 'get -r small small.down\n' >"$batches/small-get"
    printf 'put -rf small small\n' >"$batches/small-put-f"
    printf 'ls -1 small\n' >"$batches/small-ls"
    for ((r = 0; r < runs; r++)); do
        fresh_small
        for s in "${servers[@]}"; do
            remote_rm "$s" $'-rm small/*\n-rmdir small'
            time_step "put ${small_n} x ${small_kb} KiB" "$s" "$batches/small-put"
        done
    done
    for ((r = 0; r < runs; r++)); do
        for s in "${servers[@]}"; do
            rm -rf "$local/small.down"
            time_step "get ${small_n} x ${small_kb} KiB" "$s" "$batches/small-get"
            (cd "$local/small.down" && find . -type f | sort | xargs sha256sum) | cmp -s - "$local/small.sums" \
                || die "$s: the downloaded small files differ from the uploaded ones"
        done
    done
    rm -rf "$local/small.down"
    if has flush; then
        for ((r = 0; r < runs; r++)); do
            fresh_small
            for s in "${servers[@]}"; do
                remote_rm "$s" $'-rm small/*\n-rmdir small'
                time_step "put ${small_n} x ${small_kb} KiB, put -f" "$s" "$batches/small-put-f"
                sftp_batch "$s" "$batches/small-ls" "$work/ls.out"
                [[ $(grep -c '^small/f[0-9]*$' "$work/ls.out" || true) == "$small_n" ]] \
                    || die "$s: after put -rf, small/ does not hold the $small_n files"
            done
        done
    fi
    for s in "${servers[@]}"; do remote_rm "$s" $'-rm small/*\n-rmdir small'; done
fi

if has list; then
    mkdir -p "$local/many"
    (cd "$local/many" && seq -f 'e%06g' 1 "$list_n" | xargs touch)
    printf 'put -r many many\n' >"$batches/many-put"
    printf 'ls -l many\n' >"$batches/many-ls"
    for s in "${servers[@]}"; do
        note "$s: creating the ${list_n}-entry directory (untimed)"
        sftp_batch "$s" "$batches/many-put" || die "creating the ${list_n}-entry directory failed against $s"
        for ((r = 0; r < runs; r++)); do
            time_step "ls -l ${list_n} entries" "$s" "$batches/many-ls" "$work/ls.out"
            listed=$(grep -c '[ /]e[0-9]\{6\}$' "$work/ls.out" || true)
            [[ $listed == "$list_n" ]] || die "$s: ls -l listed $listed entries, not $list_n"
        done
        remote_rm "$s" $'-rm many/*\n-rmdir many'
    done
fi

if has rename; then
    fresh_small
    names=$(cd "$local/small" && ls)
    { echo 'cd small'; for f in $names; do echo "rename $f r$f"; done; } >"$batches/rename"
    { echo 'cd small'; for f in $names; do echo "rm r$f"; done; } >"$batches/rm"
    printf 'put -r small small\n' >"$batches/small-put"
    printf 'ls -1 small\n' >"$batches/small-ls"
    for ((r = 0; r < runs; r++)); do
        for s in "${servers[@]}"; do
            remote_rm "$s" $'-rm small/*\n-rmdir small'
            sftp_batch "$s" "$batches/small-put" || die "uploading the files to rename failed against $s"
            time_step "rename ${small_n} files" "$s" "$batches/rename"
            sftp_batch "$s" "$batches/small-ls" "$work/ls.out"
            [[ $(grep -c '^small/rf[0-9]*$' "$work/ls.out" || true) == "$small_n" ]] \
                || die "$s: after the renames, small/ does not hold the $small_n renamed files"
            time_step "rm ${small_n} files" "$s" "$batches/rm"
            sftp_batch "$s" "$batches/small-ls" "$work/ls.out"
            [[ $(grep -c '^small/' "$work/ls.out" || true) == 0 ]] \
                || die "$s: after the removals, small/ is not empty"
            remote_rm "$s" '-rmdir small'
        done
    done
fi

# ---------------------------------------------------------------------------------------------
# 5. The table.
# ---------------------------------------------------------------------------------------------
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "SFTP: OpenSSH $(ssh -V 2>&1 | cut -d, -f1) sftp-server vs eventvfs; client OpenSSH sftp, cipher $cipher; $(nproc) cores"
[[ $runs -gt 1 ]] && echo "fastest of $runs runs each"
printf '%-28s | %10s | %10s | %6s | %9s | %9s |\n' workload 'OpenSSH s' 'eventvfs s' ratio \
    'OpenSSH' 'eventvfs'
printf '%-28s | %10s | %10s | %6s | %9s | %9s |\n' '' '' '' '' 'CPU s' 'CPU s'
printf '%s\n' '-----------------------------|------------|------------|--------|-----------|-----------|'
for name in "${order[@]}"; do
    o=${result[$name,openssh]} v=${result[$name,eventvfs]}
    ratio=$(awk -v o="$o" -v v="$v" 'BEGIN { printf "%.2f", (v > 0 ? o / v : 0) }')
    printf '%-28s | %10s | %10s | %6s | %9s | %9s |%s\n' "$name" "$o" "$v" "$ratio" \
        "${cpu[$name,openssh]}" "${cpu[$name,eventvfs]}" "$(goal_flag "$ratio")"
done
echo "ratio = OpenSSH seconds / eventvfs seconds: above 1.0 eventvfs is faster. Each time includes connecting"
echo "and logging in. CPU s: CPU time the server used meanwhile (sshd, its sessions and sftp-server; the JVM)."
echo "disk of the data (${work%/*}): a 4 KiB write + fsync takes ${disk_sync}; 256 MiB written + fsync'd at ${disk_bulk}"
echo "load average before: $load_before; after: $load_after"
exit 0

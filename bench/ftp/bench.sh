#!/usr/bin/env bash
# bench/run ftp: eventvfs's FTP adapter against vsftpd, same client (lftp). See bench/README.md
# ("FTP against vsftpd") for what it measures and the environment it reads.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(dirname "$bench")
# shellcheck source=bench/lib.sh
. "$bench/lib.sh" "bench/run ftp"

big_mb=${BENCH_FTP_BIG_MB:-1024}            # the large file, MiB
small_n=${BENCH_FTP_SMALL_FILES:-2000}      # small files put and got
small_kb=${BENCH_FTP_SMALL_KB:-4}           # size of each small file
runs=${BENCH_FTP_RUNS:-1}                   # runs per timed step; the table shows the fastest
vsftpd_port=${BENCH_FTP_VSFTPD_PORT:-2631}
vfs_port=${BENCH_FTP_VFS_PORT:-2632}
warm_files=${BENCH_FTP_WARMUP_FILES:-2000}  # untimed warm-up: small files, then MiB of one file
warm_mb=${BENCH_FTP_WARMUP_MB:-128}
warm_rounds=${BENCH_FTP_WARMUP_ROUNDS:-8}    # more rounds for eventvfs while its JIT still compiles
keep=${BENCH_FTP_KEEP:-}                    # non-empty: keep the work folder (logs, data)
start_timeout=${BENCH_FTP_START_TIMEOUT:-600}

for n in "$big_mb" "$small_n" "$small_kb" "$runs" "$vsftpd_port" "$vfs_port"; do
    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || die "sizes, counts and ports must be positive integers (got '$n')"
done
[[ $warm_files =~ ^[0-9]+$ && $warm_mb =~ ^[0-9]+$ && $warm_rounds =~ ^[0-9]+$ ]] \
    || die "warm-up sizes and rounds must be integers (0 for none)"
[[ $(id -u) == 0 ]] || die "vsftpd needs root to start (it drops to its ftp user); run as root"
servers=(vsftpd eventvfs)

missing=()
command -v lftp >/dev/null || missing+=(lftp)
[[ -x /usr/sbin/vsftpd ]] || missing+=(vsftpd)
(( ${#missing[@]} == 0 )) || apt_install "${missing[@]}"
getent passwd ftp >/dev/null || die "vsftpd's package made no 'ftp' user; anonymous uploads need one"

mkdir -p "$bench/target"
work=$(mktemp -d "$bench/target/ftp-bench.XXXXXX")
declare -A pid=()

# shellcheck disable=SC2317 # runs from the EXIT trap
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n ${pid[eventvfs]:-} && -n ${BENCH_FTP_JFR:-} ]] && kill -0 "${pid[eventvfs]}" 2>/dev/null; then
        jfr_dump "${pid[eventvfs]}" "$BENCH_FTP_JFR"
    fi
    for s in eventvfs vsftpd; do
        [[ -n ${pid[$s]:-} ]] && stop_pid "${pid[$s]}" "$s"
    done
    drop_work "$work" "$keep"
    exit "$status"
}
on_exit cleanup

local=$(client_folder "$work") out=$work/out
mkdir -p "$out"
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
declare -A port=([vsftpd]=$vsftpd_port [eventvfs]=$vfs_port)
for s in "${servers[@]}"; do
    port_free "${port[$s]}" || die "127.0.0.1:${port[$s]} is in use; set BENCH_FTP_${s^^}_PORT"
done

# ---------------------------------------------------------------------------------------------
# vsftpd on loopback, in the foreground, its own configuration: anonymous uploads into a folder
# of the work folder (a local user would need a system account and PAM).
# ---------------------------------------------------------------------------------------------
start_vsftpd() {
    local conf=$work/vsftpd
    mkdir -p "$conf/root/data" "$conf/empty"
    chown ftp: "$conf/root/data"
    chmod o+x "$work" "$bench/target"
    cat >"$conf/vsftpd.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$vsftpd_port
background=NO
anonymous_enable=YES
no_anon_password=YES
anon_root=$conf/root
ftp_username=ftp
write_enable=YES
anon_upload_enable=YES
anon_mkdir_write_enable=YES
anon_other_write_enable=YES
anon_umask=022
local_enable=NO
secure_chroot_dir=$conf/empty
pasv_enable=YES
pasv_address=127.0.0.1
seccomp_sandbox=NO
xferlog_enable=NO
dirmessage_enable=NO
CONF
    /usr/sbin/vsftpd "$conf/vsftpd.conf" >"$work/vsftpd.log" 2>&1 &
    pid[vsftpd]=$!
}

start_eventvfs() {
    local opts=${VFS_JAVA_OPTS:-}
    if [[ -n ${BENCH_FTP_JFR:-} ]]; then
        # Dumped with jcmd before the server stops (see cleanup): a dump on exit races the shutdown.
        opts+=" -XX:StartFlightRecording=name=bench,settings=${BENCH_FTP_JFR_SETTINGS:-profile}"
    fi
    note "starting eventvfs (./vfs run builds it first if a source changed)"
    VFS_JAVA_OPTS=$opts "$root/vfs" run --data "$work/vfs-data" --sftp-port 0 --webdav-port 0 \
        --ftp-port "$vfs_port" >"$work/vfs.log" 2>&1 &
    pid[eventvfs]=$!   # ./vfs execs java, so this is the server's own pid
}

start_vsftpd
start_eventvfs
wait_port "$vsftpd_port" "${pid[vsftpd]}" vsftpd "$work/vsftpd.log"
wait_ready "${pid[eventvfs]}" "$work/vfs.log" "$start_timeout"
grep -q "^ready:.* ftp 127.0.0.1:$vfs_port" "$work/vfs.log" || die "eventvfs's ready: line lists no ftp on $vfs_port"
printf '%s\n' "$password" | "$root/vfs" user add bench --password-stdin --data "$work/vfs-data" \
    >"$work/user-add.log" 2>&1 || { cat "$work/user-add.log" >&2; die "vfs user add failed (above)"; }

# ---------------------------------------------------------------------------------------------
# The client: lftp, one process per line, so one control connection serves every file of the line
# (passive data connections, binary). Not curl: on many small files it stalls a second now and
# then before it connects a data connection, whatever the server.
# ---------------------------------------------------------------------------------------------
declare -A top=([vsftpd]=/data [eventvfs]='')
lftp_run() { # SERVER SCRIPT [SETTINGS]
    local login
    if [[ $1 == vsftpd ]]; then login=(-u anonymous,); else login=(-u "bench,$password"); fi
    # Mirroring sets no permissions, and SITE UTIME is off: vsftpd takes neither, and each would
    # be one more command for eventvfs.
    # One line: lftp runs a line of -e before it has connected.
    local settings="set cmd:fail-exit yes; set ftp:ssl-allow no; set net:max-retries 1; set xfer:clobber on"
    settings+="; set ftp:use-site-utime no; set ftp:use-site-utime2 no${3:+; $3}"
    lftp "${login[@]}" -p "${port[$1]}" -e "$settings; $2; bye" 127.0.0.1 >>"$out/lftp-$1.log" 2>&1 \
        || { tail -n 5 "$out/lftp-$1.log" >&2; return 1; }
}
# Uploads without FEAT: lftp sends MFMT after every upload to a server whose FEAT lists it, and has
# no setting against that alone. vsftpd does not list MFMT; eventvfs does, and each MFMT is one more
# command and one more event (a durable append) per file.
no_times="set ftp:use-feat no"
put_file() { lftp_run "$1" "put $3 -o ${top[$1]}/$2" "$no_times"; }               # SERVER REMOTE LOCAL
get_file() { lftp_run "$1" "get ${top[$1]}/$2 -o $3"; }                           # SERVER REMOTE LOCAL
put_tree() { lftp_run "$1" "mirror -R --no-perms $3 ${top[$1]}/$2" "$no_times"; } # SERVER REMOTE LOCAL
get_tree() { lftp_run "$1" "mirror --no-perms ${top[$1]}/$2 $3"; }                # SERVER REMOTE LOCAL

note "$(nproc) cores; sizes: ${big_mb} MiB, ${small_n} x ${small_kb} KiB; runs $runs"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
disk_probe "$work"

# Warm-up (untimed), so that the JVM has compiled its hot paths before anything is timed.
if (( warm_files > 0 || warm_mb > 0 )); then
    note "warming the servers up: ${warm_mb} MiB and ${warm_files} small files"
    (( warm_mb > 0 )) && head -c $((warm_mb << 20)) /dev/urandom >"$local/warm-big"
    warm_round=0
    warm_round() { # SERVER: one round, into a folder of its own, with small files of new bytes
        warm_round=$((warm_round + 1))
        if (( warm_mb > 0 )); then
            put_file "$1" "warm-big-$warm_round" "$local/warm-big" \
                && get_file "$1" "warm-big-$warm_round" "$local/warm-big.down" || return 1
            cmp -s "$local/warm-big" "$local/warm-big.down" || die "$1: the warm-up file came back different"
        fi
        if (( warm_files > 0 )); then
            rm -rf "$local/warm" "$local/warm.down"
            random_files "$local/warm" "$warm_files" 4
            put_tree "$1" "warm-$warm_round" "$local/warm" \
                && get_tree "$1" "warm-$warm_round" "$local/warm.down" || return 1
            same_files "$local/warm.down" "$local/warm.sums" || die "$1: the warm-up files came back different"
        fi
    }
    for s in "${servers[@]}"; do
        warm_round "$s" || die "warm-up failed against $s"
    done
    warm_until_compiled "${pid[eventvfs]}" "$warm_rounds" warm_round eventvfs || die "warm-up failed against eventvfs"
    rm -rf "$local/warm" "$local/warm.down" "$local/warm-big" "$local/warm-big.down"
fi

# Each timed step starts with the disk synced (untimed, in time_step_pid): the pages vsftpd leaves
# dirty (it never fsyncs) would otherwise be written back during eventvfs's next step and slow its
# fsyncs down.

note "uploading and downloading ${big_mb} MiB"
for ((r = 0; r < runs; r++)); do
    head -c $((big_mb << 20)) /dev/urandom >"$local/big.bin"
    big_sha=$(sha256sum "$local/big.bin" | cut -d' ' -f1)
    for s in "${servers[@]}"; do
        time_step_pid "STOR ${big_mb} MiB" "$s" put_file "$s" "big-$r.bin" "$local/big.bin"
    done
    for s in "${servers[@]}"; do
        rm -f "$local/big.down"
        time_step_pid "RETR ${big_mb} MiB" "$s" get_file "$s" "big-$r.bin" "$local/big.down"
        [[ $(sha256sum "$local/big.down" | cut -d' ' -f1) == "$big_sha" ]] \
            || die "$s: the downloaded ${big_mb} MiB file differs from the uploaded one"
    done
done
rm -f "$local/big.bin" "$local/big.down"

note "STOR and RETR of ${small_n} x ${small_kb} KiB (lftp mirror)"
for ((r = 0; r < runs; r++)); do
    random_files "$local/small" "$small_n" "$small_kb"
    for s in "${servers[@]}"; do
        time_step_pid "STOR ${small_n} x ${small_kb} KiB" "$s" put_tree "$s" "small-$r" "$local/small"
    done
    for s in "${servers[@]}"; do
        rm -rf "$local/small.down"
        time_step_pid "RETR ${small_n} x ${small_kb} KiB" "$s" get_tree "$s" "small-$r" "$local/small.down"
        same_files "$local/small.down" "$local/small.sums" || die "$s: the downloaded small files differ"
    done
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "FTP: vsftpd $(dpkg-query -W -f='${Version}' vsftpd 2>/dev/null), eventvfs; client $(lftp --version | sed -n 1p | grep -o 'Version [0-9.]*' | sed 's/Version/lftp/'); $(nproc) cores"
[[ $runs -gt 1 ]] && echo "fastest of $runs runs each"
printf '%-24s | %10s | %10s | %6s | %10s | %10s |\n' workload "vsftpd s" "eventvfs s" ratio "vsftpd CPU" "vfs CPU"
echo '-------------------------|------------|------------|--------|------------|------------|'
for name in "${order[@]}"; do
    ratio=$(awk -v o="${result[$name,vsftpd]}" -v v="${result[$name,eventvfs]}" 'BEGIN { printf "%.2f", (v > 0 ? o / v : 0) }')
    printf '%-24s | %10s | %10s | %6s | %10s | %10s |' "$name" "${result[$name,vsftpd]}" \
        "${result[$name,eventvfs]}" "$ratio" "${cpu[$name,vsftpd]}" "${cpu[$name,eventvfs]}"
    goal_flag "$ratio"
    echo
done
echo "ratio = vsftpd seconds / eventvfs seconds: above 1.0 eventvfs is faster."
echo "CPU: CPU seconds the server used meanwhile (vsftpd: its processes; eventvfs: the JVM)."
echo "eventvfs fsyncs every upload before 226; vsftpd does not fsync at all."
echo "disk of the data (${work%/*}): a 4 KiB write + fsync takes ${disk_sync}; 256 MiB written + fsync'd at ${disk_bulk}"
echo "load average before: $load_before; after: $load_after"
exit 0

#!/usr/bin/env bash
# bench/run webdav: eventvfs's WebDAV adapter against Apache httpd (mod_dav) and rclone serve webdav,
# same client (curl). See bench/README.md ("WebDAV against httpd and rclone") for what it measures
# and the environment it reads.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(dirname "$bench")
# shellcheck source=bench/lib.sh
. "$bench/lib.sh" "bench/run webdav"

big_mb=${BENCH_WEBDAV_BIG_MB:-1024}           # the large file, MiB
small_n=${BENCH_WEBDAV_SMALL_FILES:-2000}      # small files put and got
small_kb=${BENCH_WEBDAV_SMALL_KB:-4}           # size of each small file, here and in the mixed line
list_n=${BENCH_WEBDAV_LIST_ENTRIES:-10000}     # entries of the PROPFIND'ed collection
clients=${BENCH_WEBDAV_CLIENTS:-16}            # concurrent clients of the mixed line
rounds=${BENCH_WEBDAV_CLIENT_ROUNDS:-125}      # PUT + GET + PROPFIND rounds per client
runs=${BENCH_WEBDAV_RUNS:-1}                   # runs per timed step; the table shows the fastest
httpd_port=${BENCH_WEBDAV_HTTPD_PORT:-8381}
rclone_port=${BENCH_WEBDAV_RCLONE_PORT:-8382}
vfs_port=${BENCH_WEBDAV_VFS_PORT:-8383}
wanted=${BENCH_WEBDAV_SERVERS:-httpd rclone eventvfs}
workloads=${BENCH_WEBDAV_WORKLOADS:-big small list mixed}
warm_files=${BENCH_WEBDAV_WARMUP_FILES:-2000}  # untimed warm-up: small files, then MiB of one file
warm_mb=${BENCH_WEBDAV_WARMUP_MB:-128}
warm_rounds=${BENCH_WEBDAV_WARMUP_ROUNDS:-8}  # more rounds for eventvfs while its JIT still compiles
keep=${BENCH_WEBDAV_KEEP:-}                    # non-empty: keep the work folder (logs, data)
start_timeout=${BENCH_WEBDAV_START_TIMEOUT:-600}  # seconds for ./vfs run to print ready: (may build first)

for n in "$big_mb" "$small_n" "$small_kb" "$list_n" "$clients" "$rounds" "$runs" \
        "$httpd_port" "$rclone_port" "$vfs_port"; do
    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || die "sizes, counts and ports must be positive integers (got '$n')"
done
[[ $warm_files =~ ^[0-9]+$ && $warm_mb =~ ^[0-9]+$ && $warm_rounds =~ ^[0-9]+$ ]] \
    || die "warm-up sizes and rounds must be integers (0 for none)"
servers=()
for s in httpd rclone eventvfs; do   # this order, whatever the order asked for
    [[ " $wanted " == *" $s "* ]] && servers+=("$s")
done
for s in $wanted; do
    [[ $s == httpd || $s == rclone || $s == eventvfs ]] || die "unknown server '$s' in BENCH_WEBDAV_SERVERS"
done
(( ${#servers[@]} > 0 )) || die "BENCH_WEBDAV_SERVERS names no server (httpd rclone eventvfs)"
serves() { [[ " ${servers[*]} " == *" $1 "* ]]; }
has() { [[ " $workloads " == *" $1 "* ]]; }

# ---------------------------------------------------------------------------------------------
# 1. What it needs: the client, and the peers that were asked for.
# ---------------------------------------------------------------------------------------------
modules=/usr/lib/apache2/modules
missing=()
command -v curl >/dev/null || missing+=(curl)
if serves httpd && [[ ! -x /usr/sbin/apache2 || ! -f $modules/mod_dav_fs.so ]]; then missing+=(apache2); fi
if serves httpd && ! command -v htpasswd >/dev/null; then missing+=(apache2-utils); fi
if serves rclone && ! command -v rclone >/dev/null; then missing+=(rclone); fi
(( ${#missing[@]} == 0 )) || apt_install "${missing[@]}"
command -v sha256sum >/dev/null || die "sha256sum is missing (apt-get install -y coreutils)"

# ---------------------------------------------------------------------------------------------
# Work folder on a real disk, and cleanup whatever happens.
# ---------------------------------------------------------------------------------------------
mkdir -p "$bench/target"
work=$(mktemp -d "$bench/target/webdav-bench.XXXXXX")
declare -A pid=()

# shellcheck disable=SC2317 # runs from the EXIT trap
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n ${pid[eventvfs]:-} && -n ${BENCH_WEBDAV_JFR:-} ]] && kill -0 "${pid[eventvfs]}" 2>/dev/null; then
        jfr_dump "${pid[eventvfs]}" "$BENCH_WEBDAV_JFR"
    fi
    for s in eventvfs rclone httpd; do
        [[ -n ${pid[$s]:-} ]] && stop_pid "${pid[$s]}" "$s"
    done
    drop_work "$work" "$keep"
    exit "$status"
}
on_exit cleanup

local=$(client_folder "$work") cfg=$work/curl out=$work/out
mkdir -p "$cfg" "$out"
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
declare -A port=([httpd]=$httpd_port [rclone]=$rclone_port [eventvfs]=$vfs_port)
for s in "${servers[@]}"; do
    port_free "${port[$s]}" || die "127.0.0.1:${port[$s]} is in use; set BENCH_WEBDAV_${s^^}_PORT"
done

# ---------------------------------------------------------------------------------------------
# 2. A private httpd on loopback: mod_dav_fs on a folder of the work folder, Basic auth.
# ---------------------------------------------------------------------------------------------
start_httpd() {
    local conf=$work/httpd docs=$work/httpd-docs run_as=''
    mkdir -p "$conf" "$docs"
    # {SHA} rather than bcrypt: httpd checks the password on every request, and bcrypt would cost it
    # milliseconds each; rclone compares a plain --pass. The cache spares the file lookup.
    printf '%s\n' "$password" | htpasswd -i -s -c "$conf/htpasswd" bench 2>/dev/null
    if [[ $(id -u) == 0 ]]; then
        # httpd serves as root only when built to; its children run as www-data and write the data.
        run_as=$'User www-data\nGroup www-data'
        chown www-data: "$docs" "$conf"
        chmod o+x "$work"
    fi
    cat >"$conf/httpd.conf" <<CONF
ServerRoot $conf
ServerName 127.0.0.1
Listen 127.0.0.1:$httpd_port
PidFile $conf/httpd.pid
DefaultRuntimeDir $conf
Mutex file:$conf default
ErrorLog $conf/error.log
LogLevel warn
$run_as
LoadModule mpm_event_module $modules/mod_mpm_event.so
LoadModule authn_core_module $modules/mod_authn_core.so
LoadModule authn_file_module $modules/mod_authn_file.so
LoadModule authn_socache_module $modules/mod_authn_socache.so
LoadModule socache_shmcb_module $modules/mod_socache_shmcb.so
LoadModule authz_core_module $modules/mod_authz_core.so
LoadModule authz_user_module $modules/mod_authz_user.so
LoadModule auth_basic_module $modules/mod_auth_basic.so
LoadModule dav_module $modules/mod_dav.so
LoadModule dav_fs_module $modules/mod_dav_fs.so
# Enough workers for every client at once, and no process ever replaced (its CPU would be lost
# with it): StartServers x ThreadsPerChild = MaxRequestWorkers.
StartServers 2
ServerLimit 2
ThreadsPerChild 32
MaxRequestWorkers 64
MinSpareThreads 1
MaxSpareThreads 64
MaxConnectionsPerChild 0
# Keep-alive without a request limit: the default (100) would reconnect the long lines.
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 30
DavLockDB $conf/davlock
AuthnCacheSOCache shmcb
DocumentRoot $docs
<Directory $docs>
    Dav On
    Options None
    AllowOverride None
    AuthType Basic
    AuthName bench
    AuthBasicProvider socache file
    AuthnCacheProvideFor file
    AuthUserFile $conf/htpasswd
    Require valid-user
</Directory>
CONF
    /usr/sbin/apache2 -t -f "$conf/httpd.conf" 2>"$work/httpd.log" \
        || { cat "$work/httpd.log" >&2; die "httpd rejects its configuration ($conf/httpd.conf)"; }
    /usr/sbin/apache2 -f "$conf/httpd.conf" -DFOREGROUND >"$work/httpd.log" 2>&1 &
    pid[httpd]=$!
}

# ---------------------------------------------------------------------------------------------
# 3. rclone serve webdav on a folder of the work folder (its default VFS: no cache, streamed).
# ---------------------------------------------------------------------------------------------
start_rclone() {
    mkdir -p "$work/rclone-root"
    : >"$work/rclone.conf"
    rclone serve webdav --config "$work/rclone.conf" --addr "127.0.0.1:$rclone_port" \
        --user bench --pass "$password" --log-level NOTICE "$work/rclone-root" >"$work/rclone.log" 2>&1 &
    pid[rclone]=$!
}

# ---------------------------------------------------------------------------------------------
# 4. eventvfs from the working tree, with the same user; skipped (with a message) where it serves
#    no WebDAV yet.
# ---------------------------------------------------------------------------------------------
start_eventvfs() {
    local opts=${VFS_JAVA_OPTS:-}
    if [[ -n ${BENCH_WEBDAV_JFR:-} ]]; then
        opts+=" -XX:StartFlightRecording=name=bench,settings=${BENCH_WEBDAV_JFR_SETTINGS:-profile}"
    fi
    note "starting eventvfs (./vfs run builds it first if a source changed)"
    # BENCH_WEBDAV_VFS_ARGS: more arguments for `vfs run`, for diagnosis only.
    # shellcheck disable=SC2086 # several arguments, split on purpose
    VFS_JAVA_OPTS=$opts "$root/vfs" run --data "$work/vfs-data" --sftp-port 0 --webdav-port "$vfs_port" \
        --ftp-port 0 ${BENCH_WEBDAV_VFS_ARGS:-} >"$work/vfs.log" 2>&1 &
    pid[eventvfs]=$!   # ./vfs execs java, so this is the server's own pid
}

skipped=''
skip_eventvfs() { # WHY
    skipped=$1
    note "eventvfs skipped: $1"
    stop_pid "${pid[eventvfs]}" eventvfs
    unset 'pid[eventvfs]'
    local kept=() s
    for s in "${servers[@]}"; do [[ $s == eventvfs ]] || kept+=("$s"); done
    servers=("${kept[@]}")
    (( ${#servers[@]} > 0 )) || die "no server left to measure"
}

serves httpd && start_httpd
serves rclone && start_rclone
serves eventvfs && start_eventvfs
serves httpd && wait_port "$httpd_port" "${pid[httpd]}" httpd "$work/httpd.log"
serves rclone && wait_port "$rclone_port" "${pid[rclone]}" rclone "$work/rclone.log"
if serves eventvfs; then
    wait_ready "${pid[eventvfs]}" "$work/vfs.log" "$start_timeout"
    ready=$(grep -m 1 '^ready:' "$work/vfs.log")
    if ! [[ $ready =~ webdav[^,]*:$vfs_port([^0-9]|$) ]]; then
        skip_eventvfs "its ready: line lists no webdav on port $vfs_port (no WebDAV adapter in this build?)"
    else
        printf '%s\n' "$password" | "$root/vfs" user add bench --password-stdin --data "$work/vfs-data" \
            >"$work/user-add.log" 2>&1 || { cat "$work/user-add.log" >&2; die "vfs user add failed (above)"; }
    fi
fi

# ---------------------------------------------------------------------------------------------
# 5. The client: curl, one process per line (one per client in the mixed line), keep-alive.
# ---------------------------------------------------------------------------------------------
# A curl config file's common part. Expect: off because curl 7.x asks for a 100 Continue before
# any upload over 1 KiB, which would add a round trip to every small PUT.
curl_head() {
    printf 'silent\nshow-error\nuser = "bench:%s"\nheader = "Expect:"\n' "$password"
    printf 'write-out = "%%{http_code} %%{method} %%{num_connects}\\n"\n'
}
declare -A base=()
for s in httpd rclone eventvfs; do base[$s]=http://127.0.0.1:${port[$s]}/; done

# The properties a file manager asks for, not allprop (which would add lock discovery and more).
propfind_body='<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getcontentlength/><D:getlastmodified/><D:getetag/></D:prop></D:propfind>'
printf '%s' "$propfind_body" >"$local/propfind.xml"

put_entry() { printf 'url = "%s"\nupload-file = "%s"\noutput = "/dev/null"\n' "$1" "$2"; }      # URL FILE
get_entry() { printf 'url = "%s"\noutput = "%s"\n' "$1" "$2"; }                                 # URL FILE
propfind_entry() { # URL OUTPUT
    printf 'request = "PROPFIND"\nheader = "Depth: 1"\nheader = "Content-Type: application/xml"\n'
    printf 'data-binary = "@%s"\nurl = "%s"\noutput = "%s"\n' "$local/propfind.xml" "$1" "$2"
}

# Runs curl on a config file; fails unless every request got the status its method should get.
# Leaves the number of connections it opened in $connects.
curl_run() { # SERVER CONFIG REQUESTS
    local log
    log=$out/$(basename "$2").out
    curl -K "$2" >"$log" 2>"$log.err" || { tail -n 5 "$log.err" >&2; return 1; }
    check_statuses "$1" "$log" "$3"
}
check_statuses() { # SERVER OUTPUT REQUESTS
    local bad
    bad=$(awk -v want="$3" '
        { n++ }
        $2 == "PUT" && ($1 == 201 || $1 == 204) { next }
        $2 == "GET" && $1 == 200 { next }
        $2 == "PROPFIND" && $1 == 207 { next }
        ($2 == "MKCOL" && $1 == 201) || ($2 == "DELETE" && ($1 == 204 || $1 == 200 || $1 == 404)) { next }
        { bad++; if (bad <= 3) printf "%s %s; ", $2, $1 }
        END { if (n != want) printf "%d responses, not %d", n, want; else if (bad) printf "(%d failed)", bad }' "$2")
    connects=$(awk '{ c += $3 } END { print c + 0 }' "$2")
    [[ -z $bad ]] || { echo "$1: $bad" >&2; return 1; }
}

# One request, untimed (MKCOL, DELETE).
dav() { # SERVER METHOD PATH
    local c=$cfg/one
    { curl_head; printf 'request = "%s"\nurl = "%s"\noutput = "/dev/null"\n' "$2" "${base[$1]}$3"; } >"$c"
    curl_run "$1" "$c" 1 || die "$2 /$3 failed against $1"
}

if serves eventvfs; then
    opts=$(curl -s -o /dev/null -D - -X OPTIONS -u "bench:$password" --max-time 10 "${base[eventvfs]}" || true)
    if ! grep -qi '^DAV: *1' <<<"$opts"; then
        skip_eventvfs "127.0.0.1:$vfs_port does not answer OPTIONS with a DAV: 1 header ($(head -n 1 <<<"$opts"))"
    fi
fi

note "$(nproc) cores; servers ${servers[*]}; sizes: ${big_mb} MiB, ${small_n} x ${small_kb} KiB," \
    "${list_n} entries, $clients clients x $rounds rounds; runs $runs"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
disk_probe "$work"

# ---------------------------------------------------------------------------------------------
# The workloads. Random content, new for every line and run: eventvfs stores a block once
# (content-addressed), so uploading known bytes would skip its block writes.
# ---------------------------------------------------------------------------------------------
# The configs of a folder's worth of PUTs and of GETs.
put_config() { # SERVER REMOTE-FOLDER LOCAL-FOLDER CONFIG
    local f
    { curl_head; for f in "$3"/*; do put_entry "${base[$1]}$2/${f##*/}" "$f"; done; } >"$4"
}
get_config() { # SERVER REMOTE-FOLDER LOCAL-FOLDER DOWNLOAD-FOLDER CONFIG
    local f
    { curl_head; for f in "$3"/*; do get_entry "${base[$1]}$2/${f##*/}" "$4/${f##*/}"; done; } >"$5"
}

# Warm-up (untimed): every kind of request, so that the JVM has compiled its hot paths (as the
# SFTP benchmark found, a cold eventvfs is much slower on its first thousands of requests).
if (( warm_files > 0 || warm_mb > 0 )); then
    note "warming the servers up: ${warm_mb} MiB and ${warm_files} small files"
    (( warm_mb > 0 )) && head -c $((warm_mb << 20)) /dev/urandom >"$local/warm-big"
    warm_round() { # SERVER: one round, with small files of new bytes (bytes stored before skip their writes)
        local s=$1
        (( warm_files > 0 )) && random_files "$local/warm" "$warm_files" 4
        if (( warm_mb > 0 )); then
            { curl_head; put_entry "${base[$s]}warm-big" "$local/warm-big"; echo next
              curl_head; get_entry "${base[$s]}warm-big" "$local/warm-big.down"; } >"$cfg/warm-big"
            curl_run "$s" "$cfg/warm-big" 2 || return 1
            cmp -s "$local/warm-big" "$local/warm-big.down" || die "$s: the warm-up file came back different"
            dav "$s" DELETE warm-big
        fi
        if (( warm_files > 0 )); then
            dav "$s" MKCOL warm/
            put_config "$s" warm "$local/warm" "$cfg/warm-put"
            rm -rf "$local/warm.down" && mkdir "$local/warm.down"
            get_config "$s" warm "$local/warm" "$local/warm.down" "$cfg/warm-get"
            { curl_head; propfind_entry "${base[$s]}warm/" "$out/warm-propfind.xml"; } >"$cfg/warm-propfind"
            for c in warm-put warm-get; do curl_run "$s" "$cfg/$c" "$warm_files" || return 1; done
            curl_run "$s" "$cfg/warm-propfind" 1 || return 1
            same_files "$local/warm.down" "$local/warm.sums" || die "$s: the warm-up files came back different"
            dav "$s" DELETE warm/
        fi
    }
    for s in "${servers[@]}"; do
        warm_round "$s" || die "warm-up failed against $s"
    done
    warm_until_compiled "${pid[eventvfs]}" "$warm_rounds" warm_round eventvfs || die "warm-up failed against eventvfs"
    rm -rf "$local/warm" "$local/warm.down" "$local/warm-big" "$local/warm-big.down"
fi

if has big; then
    note "uploading and downloading ${big_mb} MiB"
    for ((r = 0; r < runs; r++)); do
        head -c $((big_mb << 20)) /dev/urandom >"$local/big.bin"
        big_sha=$(sha256sum "$local/big.bin" | cut -d' ' -f1)
        for s in "${servers[@]}"; do
            dav "$s" DELETE big.bin
            { curl_head; put_entry "${base[$s]}big.bin" "$local/big.bin"; } >"$cfg/big-put"
            time_step_pid "PUT ${big_mb} MiB" "$s" curl_run "$s" "$cfg/big-put" 1
        done
        for s in "${servers[@]}"; do
            rm -f "$local/big.down"
            { curl_head; get_entry "${base[$s]}big.bin" "$local/big.down"; } >"$cfg/big-get"
            time_step_pid "GET ${big_mb} MiB" "$s" curl_run "$s" "$cfg/big-get" 1
            [[ $(sha256sum "$local/big.down" | cut -d' ' -f1) == "$big_sha" ]] \
                || die "$s: the downloaded ${big_mb} MiB file differs from the uploaded one"
        done
    done
    for s in "${servers[@]}"; do dav "$s" DELETE big.bin; done
    rm -f "$local/big.bin" "$local/big.down"
fi

if has small; then
    note "PUT and GET of ${small_n} x ${small_kb} KiB"
    for ((r = 0; r < runs; r++)); do
        random_files "$local/small" "$small_n" "$small_kb"
        for s in "${servers[@]}"; do
            dav "$s" DELETE small/
            dav "$s" MKCOL small/
            put_config "$s" small "$local/small" "$cfg/small-put"
            time_step_pid "PUT ${small_n} x ${small_kb} KiB" "$s" curl_run "$s" "$cfg/small-put" "$small_n"
            (( connects == 1 )) || note "$s: $connects connections for one client's PUTs (keep-alive broken?)"
        done
        for s in "${servers[@]}"; do
            rm -rf "$local/small.down" && mkdir "$local/small.down"
            get_config "$s" small "$local/small" "$local/small.down" "$cfg/small-get"
            time_step_pid "GET ${small_n} x ${small_kb} KiB" "$s" curl_run "$s" "$cfg/small-get" "$small_n"
            same_files "$local/small.down" "$local/small.sums" \
                || die "$s: the downloaded small files differ from the uploaded ones"
        done
    done
    for s in "${servers[@]}"; do dav "$s" DELETE small/; done
    rm -rf "$local/small" "$local/small.down" "$local/small.sums"
fi

# Counts a multistatus's responses (whatever the namespace prefix) and hrefs ending in e000001….
count_responses() { grep -o '<\([A-Za-z][A-Za-z0-9._-]*:\)\?response[ >]' "$1" | wc -l; }
count_entries() { grep -o 'e[0-9]\{6\}</' "$1" | sort -u | wc -l; }

if has list; then
    : >"$local/empty"
    for s in "${servers[@]}"; do
        note "$s: creating the ${list_n}-entry collection (untimed)"
        dav "$s" DELETE many/
        dav "$s" MKCOL many/
        { curl_head; for ((i = 1; i <= list_n; i++)); do
            printf -v f 'e%06d' "$i"; put_entry "${base[$s]}many/$f" "$local/empty"; done; } >"$cfg/many-put"
        curl_run "$s" "$cfg/many-put" "$list_n" || die "creating the ${list_n}-entry collection failed against $s"
        { curl_head; propfind_entry "${base[$s]}many/" "$out/many.xml"; } >"$cfg/many-propfind"
        for ((r = 0; r < runs; r++)); do
            rm -f "$out/many.xml"
            time_step_pid "PROPFIND depth 1, ${list_n} entries" "$s" curl_run "$s" "$cfg/many-propfind" 1
            listed=$(count_responses "$out/many.xml") entries=$(count_entries "$out/many.xml")
            [[ $listed == $((list_n + 1)) && $entries == "$list_n" ]] \
                || die "$s: PROPFIND gave $listed responses and $entries entries, not $((list_n + 1)) and $list_n"
        done
        dav "$s" DELETE many/
    done
fi

# The mixed line: CLIENTS curl processes at once, each on a keep-alive connection of its own and in
# a collection of its own, doing ROUNDS times: PUT a new small file, GET it back, PROPFIND Depth 1
# of its collection (which grows to ROUNDS entries).
# shellcheck disable=SC2317 # runs from time_step_pid
mixed_clients() { # SERVER
    local c p failed=0 running=()
    for ((c = 1; c <= clients; c++)); do
        curl_run "$1" "$cfg/mixed-$c" $((rounds * 3)) &
        running+=($!)
    done
    for p in "${running[@]}"; do wait "$p" || failed=1; done
    return "$failed"
}
if has mixed; then
    note "$clients clients at once, each $rounds x (PUT + GET + PROPFIND) of ${small_kb} KiB files"
    for ((r = 0; r < runs; r++)); do
        random_files "$local/mixed" $((clients * rounds)) "$small_kb"
        for s in "${servers[@]}"; do
            dav "$s" DELETE mixed/
            dav "$s" MKCOL mixed/
            rm -rf "$local/mixed.down" && mkdir -p "$local/mixed.down"
            for ((c = 1; c <= clients; c++)); do
                dav "$s" MKCOL "mixed/c$c/"
                mkdir -p "$local/mixed.down/c$c"
                {
                    for ((i = 0; i < rounds; i++)); do
                        printf -v f 'f%05d' $(((c - 1) * rounds + i))
                        curl_head; put_entry "${base[$s]}mixed/c$c/$f" "$local/mixed/$f"; echo next
                        curl_head; get_entry "${base[$s]}mixed/c$c/$f" "$local/mixed.down/c$c/$f"; echo next
                        curl_head; propfind_entry "${base[$s]}mixed/c$c/" "$out/mixed-$c.xml"
                        (( i + 1 < rounds )) && echo next
                    done
                } >"$cfg/mixed-$c"
            done
            time_step_pid "$clients clients mixed" "$s" mixed_clients "$s"
            (cd "$local/mixed.down" && find . -type f -printf '%f %p\n' | sort | cut -d' ' -f2 | xargs sha256sum \
                | sed 's#\./c[0-9]*/#./#') | cmp -s - "$local/mixed.sums" \
                || die "$s: the files got back in the mixed line differ from those put"
            for ((c = 1; c <= clients; c++)); do
                [[ $(count_responses "$out/mixed-$c.xml") == $((rounds + 1)) ]] \
                    || die "$s: client $c's last PROPFIND did not list its $rounds files"
            done
            dav "$s" DELETE mixed/
        done
    done
    rm -rf "$local/mixed" "$local/mixed.down" "$local/mixed.sums"
fi

# ---------------------------------------------------------------------------------------------
# 6. The table: seconds and CPU per server; the ratio is the faster peer's seconds / eventvfs's.
# ---------------------------------------------------------------------------------------------
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
peers=()
for s in "${servers[@]}"; do [[ $s == eventvfs ]] || peers+=("$s"); done
echo
versions=()
serves httpd && versions+=("$(/usr/sbin/apache2 -v | sed -n 's/^Server version: //p') mod_dav_fs")
serves rclone && versions+=("$(rclone version | sed -n 1p)")
serves eventvfs && versions+=(eventvfs)
echo "WebDAV: $(IFS=,; v="${versions[*]}"; echo "${v//,/, }"); client $(curl --version | sed -n 1p | cut -d' ' -f1-2);" \
    "$(nproc) cores"
[[ $runs -gt 1 ]] && echo "fastest of $runs runs each"
row() { # NAME CELLS...: the name, then one cell per server's seconds, the ratio, one per server's CPU
    local name=$1 n=${#servers[@]}
    shift
    printf '%-32s |' "$name"
    printf ' %10s |' "${@:1:n}"
    if serves eventvfs && (( ${#peers[@]} > 0 )); then printf ' %6s |' "${@:n+1:1}"; shift; fi
    printf ' %9s |' "${@:n+1}"
}
heads=() cpu_heads=() cpu_sub=() rule='---------------------------------|'
for s in "${servers[@]}"; do
    heads+=("$s s"); cpu_heads+=("$s"); cpu_sub+=("CPU s"); rule+='------------|'
done
with_ratio=false
serves eventvfs && (( ${#peers[@]} > 0 )) && with_ratio=true
$with_ratio && rule+='--------|'
for s in "${servers[@]}"; do rule+='-----------|'; done
if $with_ratio; then
    row workload "${heads[@]}" ratio "${cpu_heads[@]}"; echo
    row '' "${heads[@]//*/}" '' "${cpu_sub[@]}"; echo
else
    row workload "${heads[@]}" "${cpu_heads[@]}"; echo
    row '' "${heads[@]//*/}" "${cpu_sub[@]}"; echo
fi
echo "$rule"
for name in "${order[@]}"; do
    secs=() used=()
    for s in "${servers[@]}"; do secs+=("${result[$name,$s]}"); used+=("${cpu[$name,$s]}"); done
    if $with_ratio; then
        best=$(for p in "${peers[@]}"; do echo "${result[$name,$p]}"; done | sort -g | sed -n 1p)
        ratio=$(awk -v o="$best" -v v="${result[$name,eventvfs]}" 'BEGIN { printf "%.2f", (v > 0 ? o / v : 0) }')
        row "$name" "${secs[@]}" "$ratio" "${used[@]}"; goal_flag "$ratio"; echo
    else
        row "$name" "${secs[@]}" "${used[@]}"; echo
    fi
done
[[ -z $skipped ]] || echo "eventvfs not measured: $skipped"
if $with_ratio; then
    echo "ratio = the faster peer's seconds / eventvfs seconds: above 1.0 eventvfs is faster than both peers."
fi
echo "CPU s: CPU time the server used meanwhile (httpd: its parent and worker processes; rclone; the JVM)."
echo "disk of the data (${work%/*}): a 4 KiB write + fsync takes ${disk_sync}; 256 MiB written + fsync'd at ${disk_bulk}"
echo "load average before: $load_before; after: $load_after"
exit 0

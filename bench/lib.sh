# Shell functions shared by the benchmark drivers (register-bench.sh, call-bench.sh, presence-bench.sh); sourced, not run.
#
# The driver sets before sourcing: bench_name (prefix of its messages) and bench (this directory; home is
# the project above it), and before calling the functions that need them the globals they name: out (run directory),
# SIPP, JAVA, domain, users, users_csv, platform_sip_port, platform_http_port, platform_opts,
# platform_algorithms, warmup, warmup_rate, steps. The functions set platform_pid, platform_data,
# admin_password, kamailio_pid, sipp_pid (the processes the driver's cleanup stops), step_ok, peer_gone.

home=$(cd "$bench/.." && pwd)
version=0.1.0-SNAPSHOT
server_jar="$home/server/target/server-$version.jar"
ear="$home/ear/target/sip-platform.ear"
provision_parallel=4
clk_tck=$(getconf CLK_TCK)

# the options bench_option parses, with their defaults (a driver sets its own options' after sourcing this),
# and what both drivers take from the environment (see their --help)
only=""
duration=10
require_auth=true
max_p99=200
warmup=60
warmup_rate=""
out=""
platform_opts=""
kamailio_children=2
keep=false
SIPP=${SIPP:-sipp}
JAVA=${JAVA:-java}
platform_sip_port=${PLATFORM_SIP_PORT:-25060}
platform_http_port=${PLATFORM_HTTP_PORT:-28080}
kamailio_port=${KAMAILIO_PORT:-25070}
sipp_port=${SIPP_PORT:-25090}
domain=127.0.0.1
max_fail_pct=0.1
min_achieved_pct=95

die() { echo "$bench_name: $*" >&2; exit 1; }
log() { echo "$bench_name: $*" >&2; }

# ---------------------------------------------------------------------------------------------------
# tools

need_pkg() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $2 (for $1)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null || die "apt-get install $2 failed"
  else
    die "$1 not found: install the Debian package $2"
  fi
}
need_pkg_file() { # file package: like need_pkg, for a package known by a file of it (a module, a script)
  [ -e "$1" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $2 (for $1)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null || die "apt-get install $2 failed"
    [ -e "$1" ] || die "$1 still missing after installing $2 (KAMAILIO_MODULES=${kamailio_modules:-} right?)"
  else
    die "$1 not found: install the Debian package $2"
  fi
}

# bench_option ARGUMENTS...: the options both drivers take (see their --help), -h and --help included;
# sets consumed (1 or 2: the arguments it took); dies on an unknown option
bench_option() {
  consumed=2
  case "$1" in
    --only) only=${2:?--only needs peers: ${all_peers// /, }} ;;
    --steps) steps=${2:?--steps needs rates} ;;
    --duration) duration=${2:?--duration needs seconds} ;;
    --no-auth) require_auth=false; consumed=1 ;;
    --users) users=${2:?--users needs a number} ;;
    --max-p99) max_p99=${2:?--max-p99 needs milliseconds} ;;
    --warmup) warmup=${2:?--warmup needs seconds} ;;
    --warmup-rate) warmup_rate=${2:?--warmup-rate needs a rate} ;;
    --out) out=${2:?--out needs a directory} ;;
    --platform-opts) platform_opts=${2?--platform-opts needs options} ;;
    --kamailio-children) kamailio_children=${2:?--kamailio-children needs a number} ;;
    --keep) keep=true; consumed=1 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
}

# common_options: checks what bench_option set: peers = those of all_peers that --only names (separated by
# spaces or commas), in all_peers' order, each once, or all of them; steps given; the warm-up's rate by
# default the first step's
common_options() {
  [ -n "$steps" ] || die "--steps is empty"
  [ -n "$warmup_rate" ] || warmup_rate=${steps%% *}
  peers=$all_peers
  [ -n "$only" ] || return 0
  local p
  for p in ${only//,/ }; do
    case " $all_peers " in *" $p "*) ;; *) die "--only: unknown peer '$p' (${all_peers// /, })" ;; esac
  done
  peers=""
  for p in $all_peers; do
    case " ${only//,/ } " in *" $p "*) peers="${peers:+$peers }$p" ;; esac
  done
  [ -n "$peers" ] || die "--only names no peer"
}

# whole_numbers VALUE...: dies at the first that is not a whole number (an option's value)
whole_numbers() {
  local n
  for n in "$@"; do
    case "$n" in ''|*[!0-9]*) die "not a whole number: '$n'" ;; esac
  done
}

# need_sipp: checks SIPP; sets sipp_version, sipp_algorithms (what its digest computes) and
# platform_algorithms (the platform's auth.algorithms, the one SIPp answers first)
need_sipp() {
  [ "$SIPP" = sipp ] && need_pkg sipp sip-tester
  command -v "$SIPP" >/dev/null 2>&1 || die "SIPP=$SIPP not found"
  local v
  v=$("$SIPP" -v 2>&1 || true)   # some versions exit 1 after printing it
  sipp_version=$(grep -o 'SIPp v[^ ]*' <<<"$v" | head -1 | sed 's/\.$//' || true)
  [ -n "$sipp_version" ] || die "$SIPP -v does not say it is SIPp"
  # SIPp 3.7.3+ built with OpenSSL says so in its version string ("-SHA256")
  if grep -q 'SHA256' <<<"$v"; then sipp_algorithms="MD5 and SHA-256"; else sipp_algorithms="MD5"; fi
  # SIPp answers only the first challenge: the platform offers SHA-256 first (auth.algorithms=SHA-256,MD5)
  # when SIPp can answer it, else MD5 first (its default offers MD5 alone)
  case "$sipp_algorithms" in *SHA-256*) platform_algorithms=SHA-256,MD5 ;; *) platform_algorithms=MD5,SHA-256 ;; esac
}

# need_platform_build: Java, and the server jar and EAR in the worktree, built by the reactor when missing
# (package, never install: the local Maven repository may be shared)
need_platform_build() {
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (Java 17 needed)"
  if [ ! -f "$server_jar" ] || [ ! -f "$ear" ]; then
    need_pkg mvn maven
    log "building the platform (mvn -B -q package -DskipTests -pl server,ear -am)"
    (cd "$home" && mvn -B -q package -DskipTests -pl server,ear -am) >&2 || die "build failed"
  fi
}

# ---------------------------------------------------------------------------------------------------
# processes, ports

stop_pid() { # pid name seconds
  local pid=$1 name=$2 secs=$3 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < secs * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  log "$name (pid $pid) did not stop in ${secs}s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

port_free() { # udp|tcp port
  [ -z "$(ss -Hln --"$1" "sport = :$2" 2>/dev/null)" ]
}

platform_pid=""
kamailio_pid=""
sipp_pid=""
uas_pid=""
platform_data=""

# out_dir NAME: the run directory out (--out, or bench/out/NAME), made and logged; and every process
# stopped on exit (stop_all_on_exit)
out_dir() {
  [ -n "$out" ] || out="$bench/out/$1"
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  log "logs and results in $out"
  stop_all_on_exit
}

# stop_all_on_exit: on exit, Ctrl-C and SIGTERM, stop every process the driver started (the SIPp running,
# the callee SIPp, the platform, Kamailio) and remove the platform's data directory unless keep=true
stop_all_on_exit() {
  trap stop_all EXIT
  trap 'log "interrupted"; exit 130' INT
  trap 'log "terminated"; exit 143' TERM
}
stop_all() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$sipp_pid" sipp 5
  stop_pid "$uas_pid" "sipp (callee)" 5
  stop_pid "$platform_pid" platform 30
  stop_pid "$kamailio_pid" kamailio 10
  if [ -n "$platform_data" ] && ! ${keep:-false}; then rm -rf "$platform_data"; fi
  exit "$rc"
}

workers() { if [ "$1" = 1 ]; then echo "1 worker"; else echo "$1 workers"; fi; }

# ---------------------------------------------------------------------------------------------------
# the platform

# start_platform [-Dkey=value ...]: a copy of the build with a throwaway data directory, its ports set
# through its configuration keys, the extra properties given; waits for its "ready:" line
start_platform() {
  port_free udp "$platform_sip_port" || die "UDP port $platform_sip_port is in use: set PLATFORM_SIP_PORT"
  port_free tcp "$platform_sip_port" || die "TCP port $platform_sip_port is in use: set PLATFORM_SIP_PORT"
  port_free tcp "$platform_http_port" || die "TCP port $platform_http_port is in use: set PLATFORM_HTTP_PORT"
  # run a copy of the build: others may rebuild target/ while the benchmark runs
  local build="$out/platform-build"
  rm -rf "$build"; mkdir -p "$build"
  cp "$server_jar" "$build/" && cp -r "$(dirname "$server_jar")/lib" "$build/lib" && cp "$ear" "$build/" \
    || die "cannot copy the platform build ($server_jar, its lib/, $ear)"
  platform_data=$(mktemp -d "${TMPDIR:-/tmp}/$bench_name-data.XXXXXX")
  admin_password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  log "starting the platform: SIP udp 127.0.0.1:$platform_sip_port, console http://127.0.0.1:$platform_http_port, data $platform_data"
  # auth.throttle.failures: SIPp's one source address stands for 10,000 phones; a few failed attempts under
  # overload must not get it blocked for minutes (the failures still count in the table)
  # the product's JVM options (conf/jvm.options, as bin/sip-platform uses them), then --platform-opts
  local jvm_options
  jvm_options=$(sed -e 's/#.*//' "$home/conf/jvm.options" | tr '\n' ' ')
  # shellcheck disable=SC2086 # both are separate JVM options
  "$JAVA" $jvm_options $platform_opts -Dplatform.home="$home" -Ddata.dir="$platform_data" \
    -Dsip.address=127.0.0.1 -Dhttp.address=127.0.0.1 -Dsip.domains="$domain" \
    -Dsip.udp.port="$platform_sip_port" -Dsip.tcp.port="$platform_sip_port" -Dhttp.port="$platform_http_port" \
    -Dbootstrap.admin.password="$admin_password" -Dbootstrap.demo.users= \
    -Dauth.throttle.failures=1000000 -Dauth.algorithms="$platform_algorithms" "$@" \
    -jar "$build/$(basename "$server_jar")" --ear "$build/$(basename "$ear")" >"$out/platform.log" 2>&1 &
  platform_pid=$!
  local i
  for ((i = 0; i < 180; i++)); do
    grep -q "ready:" "$out/platform.log" 2>/dev/null && break
    kill -0 "$platform_pid" 2>/dev/null || { tail -20 "$out/platform.log" >&2; die "the platform exited during start (log: $out/platform.log)"; }
    sleep 1
  done
  grep -q "ready:" "$out/platform.log" || die "the platform was not ready after 180 s (log: $out/platform.log)"
  log "$(grep -m1 -o 'ready:.*' "$out/platform.log")"
}

# POST /api/accounts for every user of users_csv, $provision_parallel curl processes at a time, each reusing its
# connection across its share of the users (curl -K with "next" between requests)
provision_platform() {
  local api="http://127.0.0.1:$platform_http_port/api/accounts" code body accounts
  accounts=$(awk -F';' 'NR > 1 && NF >= 2' "$users_csv" | wc -l)
  log "provisioning $accounts accounts through $api"
  # one probe request first, to stop with a clear message when the API is missing or refuses us
  body=$(curl -sS -o "$out/provision-probe.txt" -w '%{http_code}' -u "admin:$admin_password" \
    -H 'Content-Type: application/json' -H 'Accept: application/json' \
    --data "{\"username\":\"bench-probe\",\"password\":\"probe-password-1\",\"domain\":\"$domain\"}" "$api") \
    || die "the console API at $api cannot be reached (log: $out/platform.log)"
  code=$body
  case "$code" in
    201) ;;
    401|403) die "the console API refused admin:PASSWORD ($code): $(head -c 300 "$out/provision-probe.txt")" ;;
    404|405) die "the console API has no POST /api/accounts ($code): this platform build cannot be provisioned" ;;
    *) die "POST $api answered $code: $(head -c 300 "$out/provision-probe.txt")" ;;
  esac
  local dir="$out/provision" i
  rm -rf "$dir"; mkdir -p "$dir"
  awk -F';' -v n="$provision_parallel" -v dir="$dir" -v api="$api" -v auth="admin:$admin_password" -v domain="$domain" '
    NR > 1 && NF >= 2 {
      f = dir "/part" ((NR - 2) % n) ".curl"
      if (seen[f]++) print "next" > f
      printf "url = \"%s\"\nuser = \"%s\"\nheader = \"Content-Type: application/json\"\n", api, auth > f
      printf "data = \"{\\\"username\\\":\\\"%s\\\",\\\"password\\\":\\\"%s\\\",\\\"domain\\\":\\\"%s\\\"}\"\n", $1, $2, domain > f
      printf "output = \"/dev/null\"\nwrite-out = \"%%{http_code}\\\\n\"\nsilent\n" > f
    }' "$users_csv"
  local pids=()
  for f in "$dir"/part*.curl; do
    curl -K "$f" >"${f%.curl}.codes" 2>"${f%.curl}.err" &
    pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i" || true; done
  rm -f "$dir"/part*.curl   # they hold the admin password
  local created
  created=$(cat "$dir"/part*.codes | grep -c '^201$' || true)
  if [ "$created" -ne "$accounts" ]; then
    cat "$dir"/part*.codes | sort | uniq -c | sed 's/^/    HTTP /' >&2
    die "only $created of $accounts accounts created (details: $dir)"
  fi
  log "$created accounts created"
}

# bench_platform [-Dkey=value ...]: the platform as a peer: started (with those properties), its accounts
# created, measured (the driver's bench_peer PEER PORT PID), stopped
bench_platform() {
  start_platform "$@"
  provision_platform
  bench_peer platform "$platform_sip_port" "$platform_pid"
  stop_pid "$platform_pid" platform 30; platform_pid=""
}

# run_peers [-Dkey=value ...]: the peers platform and kamailio, those of peers, measured in turn (the
# platform with those properties, Kamailio started by the driver's start_kamailio; the driver's bench_peer
# PEER PORT PID measures), then the driver's report printed and saved in OUT/report.txt
run_peers() {
  local peer
  machine_load
  for peer in $peers; do
    case "$peer" in
      platform) bench_platform "$@" ;;
      kamailio)
        start_kamailio
        bench_peer kamailio "$kamailio_port" "$kamailio_pid"
        stop_pid "$kamailio_pid" kamailio 10; kamailio_pid=""
        ;;
    esac
  done
  report | tee "$out/report.txt"
}

# ---------------------------------------------------------------------------------------------------
# Kamailio

# run_kamailio PEER PORT CONFIG [kamailio options ...]: starts Kamailio on udp 127.0.0.1:PORT with CONFIG,
# log OUT/PEER.log, run directory OUT/PEER-run; sets kamailio_pid. Fails, saying why, when Kamailio exited
# or logged errors during its start
run_kamailio() {
  local peer=$1 port=$2 cfg=$3 run="$out/$1-run"; shift 3
  mkdir -p "$run"
  kamailio -f "$cfg" -DD -E -l "udp:127.0.0.1:$port" "$@" -P "$run/kamailio.pid" -Y "$run" >"$out/$peer.log" 2>&1 &
  kamailio_pid=$!
  local i
  for ((i = 0; i < 100; i++)); do
    [ -n "$(ss -Hlun "sport = :$port" 2>/dev/null)" ] && break
    kill -0 "$kamailio_pid" 2>/dev/null || { tail -20 "$out/$peer.log" >&2; log "$peer exited during start"; return 1; }
    sleep 0.1
  done
  sleep 0.5
  kill -0 "$kamailio_pid" 2>/dev/null || { tail -20 "$out/$peer.log" >&2; log "$peer exited during start"; return 1; }
  if grep -q "ERROR" "$out/$peer.log"; then
    grep ERROR "$out/$peer.log" | head -5 >&2; log "$peer logged errors at start"; return 1
  fi
}

kamailio_version() { kamailio -v 2>/dev/null | head -1 | awk '{print $2, $3}'; }

# start_kamailio_peer WHAT [-A DEFINE ...]: the peer "kamailio" on udp 127.0.0.1:kamailio_port with
# bench/kamailio/kamailio.cfg, its credentials table from users_csv, kamailio_children workers, the digest
# algorithm kamailio_algorithm (NO_AUTH without require_auth) and the defines given; WHAT says what it is
start_kamailio_peer() {
  local what=$1; shift
  port_free udp "$kamailio_port" || die "UDP port $kamailio_port is in use: set KAMAILIO_PORT"
  "$bench/kamailio/generate-db.sh" "$users_csv" "$out/kamailio-db"
  local defs=("$@" -A "DBURL=\"text://$out/kamailio-db\"" -A "CHILDREN=$kamailio_children" -A "ALGORITHM=\"$kamailio_algorithm\"")
  $require_auth || defs+=(-A NO_AUTH)
  log "starting kamailio on udp 127.0.0.1:$kamailio_port ($what, $(workers "$kamailio_children"), $($require_auth && echo "digest $kamailio_algorithm" || echo "no authentication"))"
  # shared memory: tm keeps each transaction until its wait timer (5 s) after the final answer
  run_kamailio kamailio "$kamailio_port" "$bench/kamailio/kamailio.cfg" -m 512 -M 16 "${defs[@]}" \
    || die "kamailio did not start (log: $out/kamailio.log)"
  log "kamailio: Kamailio $(kamailio_version) up"
}

# ---------------------------------------------------------------------------------------------------
# measuring

# total CPU ticks of a process and its children (Kamailio forks its workers)
proc_ticks() {
  local pid=$1 p sum=0 t
  for p in $pid $(pgrep -P "$pid" 2>/dev/null || true); do
    t=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$p/stat" 2>/dev/null || echo 0)
    sum=$((sum + t))
  done
  echo "$sum"
}
# UDP datagrams dropped for want of receive buffer: by the sockets bound to PORT, and on the whole machine
udp_sock_drops() {
  awk -v port="$(printf '%04X' "$1")" 'NR > 1 { split($2, a, ":"); if (a[2] == port) d += $NF } END { print d + 0 }' /proc/net/udp
}
udp_rcvbuf_errors() {
  awk '/^Udp:/ { if (!h) { for (i = 1; i <= NF; i++) col[$i] = i; h = 1 } else print $col["RcvbufErrors"] }' /proc/net/snmp
}
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

# machine_load: sets idle_load, the % of a core other processes use over 2 s before the run (the figures
# are only worth something on an otherwise idle machine), and warns when it is above 20
machine_load() {
  local b0 b1
  b0=$(machine_busy_ticks); sleep 2; b1=$(machine_busy_ticks)
  idle_load=$(( (b1 - b0) * 100 / (2 * clk_tck) ))
  if [ "$idle_load" -gt 20 ]; then
    log "WARNING: before the benchmark other processes already use ${idle_load}% of a core: figures will be low and noisy"
  fi
}

# percentiles FILE: "p50 p90 p99 max" of the numbers in FILE, one a line ("- - - -" when empty)
percentiles() {
  sort -n "$1" | awk '
    { v[NR] = $1 }
    function p(q,  i) { i = int(q * NR / 100); if (i < q * NR / 100) i++; if (i < 1) i = 1; return v[i] }
    END { if (NR == 0) print "- - - -"; else printf "%.2f %.2f %.2f %.2f\n", p(50), p(90), p(99), v[NR] }'
}

# cpu_pct TICKS MS: TICKS of CPU over MS of wall time, in % of one core
cpu_pct() {
  awk -v d="$1" -v hz="$clk_tck" -v ms="$2" 'BEGIN { printf "%.0f", ms ? 100 * d / hz / (ms / 1000) : 0 }'
}

# sipp_exec DIR SIPP-ARGUMENTS...: one SIPp run in DIR, in the background so signals reach us; writes
# DIR/sipp.rc, DIR/sipp.cpu_ms (SIPp's CPU), and fails when SIPp itself failed (not when calls failed)
sipp_exec() {
  sipp_start "$@"
  sipp_wait "$1"
}
# sipp_start DIR SIPP-ARGUMENTS...: the start of sipp_exec, for a driver that watches SIPp while it runs
sipp_start() {
  local dir=$1; shift
  rm -rf "$dir"; mkdir -p "$dir"
  times >"$dir/times.before"
  (cd "$dir" && exec "$SIPP" "$@" >sipp.out 2>sipp.err) &
  sipp_pid=$!
}
# sipp_wait DIR: the end of sipp_exec
sipp_wait() {
  local dir=$1 rc=0
  wait "$sipp_pid" || rc=$?
  sipp_pid=""
  times >"$dir/times.after"
  echo "$rc" >"$dir/sipp.rc"
  # SIPp's own CPU: what the children this shell reaped meanwhile used (this SIPp alone)
  awk 'function s(t,  m) { m = t; sub(/m.*/, "", m); sub(/^[0-9]+m/, "", t); sub(/s$/, "", t); return m * 60 + t }
       FNR == 2 { c[++n] = s($1) + s($2) } END { printf "%.0f\n", 1000 * (c[2] - c[1]) }' \
    "$dir/times.before" "$dir/times.after" >"$dir/sipp.cpu_ms"
  # 0: every call succeeded, 1: some failed; anything else is SIPp itself failing
  if [ "$rc" -gt 1 ]; then
    log "SIPp exited with $rc in $dir:"
    { tail -5 "$dir/sipp.err"; ls "$dir"/*errors.log >/dev/null 2>&1 && tail -c 1500 "$dir"/*errors.log; } >&2 || true
    return 1
  fi
}

# sipp_requests DIR PORT RATE CALLS SCENARIO CSV [sipp options]: one SIPp run of CALLS calls of SCENARIO at
# RATE, users from CSV, with the message trace (microseconds), statistics once a second and errors
sipp_requests() {
  local dir=$1 port=$2 rate=$3 calls=$4 scenario=$5 csv=$6; shift 6
  local secs=$(( (calls + rate - 1) / rate ))
  sipp_exec "$dir" "127.0.0.1:$port" -sf "$scenario" -inf "$csv" -key domain "$domain" \
    -i 127.0.0.1 -p "$sipp_port" -t u1 -r "$rate" -m "$calls" -l $((rate * 5 + 100)) -buff_size 4194304 \
    -recv_timeout 5000 -timeout "$((secs + 30))s" -nostdin -nd \
    -trace_shortmsg -trace_stat -fd 1 -trace_counts -trace_err "$@"
}

# ---------------------------------------------------------------------------------------------------
# the ramp; the driver defines run_sipp DIR PORT RATE CALLS [sipp options], analyse DIR (see run_step) and
# unit (what the calls of a step are, for the log)

# sipp_stat DIR COLUMN: a column of the last line of SIPp's statistics file in DIR (-trace_stat; 12
# OutgoingCall(C), 14 CurrentCall, 16 SuccessfulCall(C), 18 FailedCall(C), 58 Retransmissions(C)), 0 if none
sipp_stat() {
  local stat
  stat=$(ls "$1"/*_.csv 2>/dev/null | head -1 || true)
  if [ -n "$stat" ]; then tail -1 "$stat" | awk -F';' -v c="$2" '{ print $c + 0 }'; else echo 0; fi
}

# probe_trace PEER PORT: the probe, one call of the driver's scenario (run_sipp) with SIPp's full message
# trace, in OUT/PEER/probe; prints the trace's file, or skips the peer (then run it inside $(...))
probe_trace() {
  local peer=$1 port=$2 dir="$out/$1/probe" trace
  run_sipp "$dir" "$port" 1 1 -trace_msg || { probe_sipp_refused "$peer" "$dir"; skip "$peer" "the probe made SIPp fail (see $dir)"; }
  probe_sipp_refused "$peer" "$dir"
  trace=$(ls "$dir"/*_messages.log 2>/dev/null | head -1 || true)
  [ -n "$trace" ] || skip "$peer" "SIPp wrote no message trace in $dir"
  echo "$trace"
}

# probe_auth PEER TRACE CODE METHOD: how the probe's METHOD was authenticated, from its trace: "digest:
# challenges offer ...; SIPp answered ..." when challenged with CODE (401: WWW-Authenticate and
# Authorization, 407: Proxy-Authenticate and Proxy-Authorization); without a challenge, "none: ..." or,
# when authentication is required (require_auth), skips the peer
probe_auth() {
  local trace=$2 challenge=WWW-Authenticate answer=Authorization offered answered
  if ! grep -q "^SIP/2.0 $3" "$trace"; then
    $require_auth && skip "$1" "it accepted a $4 without a challenge: it does not authenticate (yet). Rerun with --no-auth to measure it without authentication."
    echo "none: the first $4 accepted (no challenge)"
    return 0
  fi
  [ "$3" = 401 ] || { challenge=Proxy-Authenticate; answer=Proxy-Authorization; }
  offered=$(grep -i "^$challenge:" "$trace" | grep -io 'algorithm="\?[A-Za-z0-9-]*' | sed 's/.*=//; s/"//' | paste -sd, -)
  answered=$(grep -i "^$answer:" "$trace" | grep -io 'algorithm="\?[A-Za-z0-9-]*' | head -1 | sed 's/.*=//; s/"//')
  echo "digest: challenges offer ${offered:-MD5 (no algorithm parameter)}; SIPp answered ${answered:-MD5}"
}

# probe_sipp_refused PEER DIR: when the probe's SIPp refused the peer's challenge (an algorithm it cannot
# compute), skip the peer saying so
probe_sipp_refused() {
  grep -qs "authentication must use" "$2"/*errors.log "$2/sipp.err" || return 0
  local first
  first=$(grep -ih "^[A-Za-z-]*Authenticate:" "$2"/*_messages.log 2>/dev/null | head -1 | grep -io 'algorithm="\?[A-Za-z0-9-]*' | sed 's/.*=//; s/"//' || true)
  skip "$1" "its first challenge is ${first:-of an algorithm}, which $sipp_version cannot answer (it computes $sipp_algorithms only, and only ever answers the first challenge). Use a SIPp >= 3.7.3 built with OpenSSL (SIPP=/path/to/sipp) or make the peer challenge with MD5 first."
}

# run_step PEER PORT PID RATE TRY: one step of RATE x duration SIPp calls (run_sipp; a call is what the
# driver's scenario does: a registration, a call), one row of PEER/results.txt as analyse DIR measures it
# ("ok challenged started failed retrans window_s p50 p90 p99 max"); sets step_ok=true|false. SIPp's CPU
# is the one run_sipp ran and, when uas_pid is set, the callee SIPp's
run_step() {
  local peer=$1 port=$2 pid=$3 rate=$4 try=$5 dir="$out/$1"
  local calls=$((rate * duration)) sdir="$dir/step-$rate"
  [ "$try" = 1 ] || sdir="$sdir-retry"
  log "$peer: step ${rate}/s x ${duration}s ($calls $unit)$([ "$try" = 1 ] || echo ", second try")"
  local t0 u0 b0 t1 u1 b1 start_ns wall_ms d0 e0 d1 e1
  t0=$(proc_ticks "$pid"); u0=$(proc_ticks "$uas_pid"); b0=$(machine_busy_ticks); d0=$(udp_sock_drops "$port"); e0=$(udp_rcvbuf_errors)
  start_ns=$(date +%s%N)
  run_sipp "$sdir" "$port" "$rate" "$calls" || die "$peer: SIPp failed at ${rate}/s"
  peer_exited "$peer" "$pid" "during the ${rate}/s step" && peer_gone=true
  wall_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  t1=$(proc_ticks "$pid"); u1=$(proc_ticks "$uas_pid"); b1=$(machine_busy_ticks); d1=$(udp_sock_drops "$port"); e1=$(udp_rcvbuf_errors)
  # the machine's count less the peer's socket: the SIPp sockets (nothing else here speaks UDP at this rate)
  local drops="$((d1 - d0))/$((e1 - e0 - (d1 - d0)))"
  local ok challenged started failed retrans window p50 p90 p99 pmax
  read -r ok challenged started failed retrans window p50 p90 p99 pmax <<<"$(analyse "$sdir")"
  local cpu_peer cpu_sipp cpu_all cpu_call
  # the peer's CPU time per success: less sensitive to other work on the machine than the rate
  cpu_call=$(awk -v d=$((t1 - t0)) -v hz="$clk_tck" -v ok="$ok" 'BEGIN { if (ok > 0) printf "%.3f", 1000 * d / hz / ok; else print "-" }')
  cpu_peer=$(cpu_pct $((t1 - t0)) "$wall_ms")
  # the SIPp of the step (its CPU as reaped) and the callee (from /proc; none: 0)
  cpu_sipp=$(awk -v c="$(cat "$sdir/sipp.cpu_ms")" -v u=$((u1 - u0)) -v hz="$clk_tck" -v ms="$wall_ms" \
    'BEGIN { printf "%.0f", ms ? 100 * (c + 1000 * u / hz) / ms : 0 }')
  cpu_all=$(cpu_pct $((b1 - b0)) "$wall_ms")
  local achieved failpct why
  read -r achieved failpct why <<<"$(step_verdict "$rate" "$started" "$ok" "$failed" "$window" "$p99")"
  [ "$try" = 1 ] || why="$why (2nd try)"
  echo "$rate $achieved $ok $failed $failpct $retrans $drops $challenged $p50 $p90 $p99 $pmax $cpu_peer $cpu_sipp $cpu_all $cpu_call $why" >>"$dir/results.txt"
  log "$peer: ${rate}/s -> achieved ${achieved}/s, failed $failed ($failpct %), p50 $p50 ms, p99 $p99 ms, cpu $peer ${cpu_peer}% sipp ${cpu_sipp}% machine ${cpu_all}% : $why"
  case "$why" in ok*) step_ok=true ;; *) step_ok=false ;; esac
}

# warmup_part_summary DIR: what one warm-up part did
warmup_part_summary() {
  local ok started retrans p99
  read -r ok _ started _ retrans _ _ _ p99 _ <<<"$(analyse "$1")"
  echo "$ok/$started ok, $retrans retransmissions, p99 $p99 ms"
}

# skip PEER REASON: the peer cannot be measured; only inside $(probe ...), whose subshell it ends
skip() {
  echo "$2" >"$out/$1/not-measured.txt"
  log "$1: NOT MEASURED: $2"
  exit 1
}

# settle NAME PID: wait (30 s at most) until the peer is idle (< 10 % of a core over 1 s), so that a step
# does not start with the backlog of the one before
settle() {
  local peer=$1 pid=$2 i a b
  for ((i = 0; i < 30; i++)); do
    a=$(proc_ticks "$pid"); sleep 1; b=$(proc_ticks "$pid")
    [ $(( (b - a) * 100 )) -lt $((clk_tck * 10)) ] && { sleep 1; return 0; }
  done
  log "$peer: still busy 30 s after the step; going on"
}

# warmup_plan: the warm-up's parts, "PART RATE SECONDS" a line: four equal parts (the seconds rounded; a part
# of 0 s left out) at 25, 50, 75 and 100 % of the warm-up rate (at least 1/s). The same for every peer.
warmup_plan() {
  awk -v total="$warmup" -v rate="$warmup_rate" 'BEGIN {
    for (i = 1; i <= 4; i++) {
      secs = int(total * i / 4 + 0.5) - int(total * (i - 1) / 4 + 0.5)
      r = int(rate * i / 4 + 0.5); if (r < 1) r = 1
      if (secs > 0) print i, r, secs
    } }'
}
warmup_plan_text() { warmup_plan | awk '{ printf "%s%s/s x %ss", (NR > 1 ? ", " : ""), $2, $3 }'; }

# warm_up PEER PORT PID: the warm-up's parts (none counted), OUT/PEER/warmup.txt saying what they did
warm_up() {
  local peer=$1 port=$2 pid=$3 dir="$out/$1"
  rm -rf "$dir"/warmup*
  [ "$warmup" -gt 0 ] && [ "$warmup_rate" -gt 0 ] || return 0
  log "$peer: warm-up, ${warmup}s not counted: $(warmup_plan_text)"
  local part rate secs line summary=""
  while read -r part rate secs; do
    run_sipp "$dir/warmup-$part" "$port" "$rate" $((rate * secs)) || die "$peer: SIPp failed in the warm-up"
    line=$(warmup_part_summary "$dir/warmup-$part")
    log "$peer: warm-up part $part/4, ${rate}/s x ${secs}s: $line"
    summary="${summary:+$summary; }${rate}/s x ${secs}s: $line"
  done < <(warmup_plan)
  echo "$summary" >"$dir/warmup.txt"
  settle "$peer" "$pid"
}

# ramp PEER PORT PID: the steps up to the first one failed twice (a failed step is run once more after the
# peer has gone idle, so that one hiccup of a shared machine does not end the ramp)
ramp() {
  local peer=$1 port=$2 pid=$3 rate
  : >"$out/$peer/results.txt"
  peer_gone=false
  for rate in $steps; do
    run_step "$peer" "$port" "$pid" "$rate" 1
    $peer_gone && break
    settle "$peer" "$pid"
    $step_ok && continue
    run_step "$peer" "$port" "$pid" "$rate" 2
    $peer_gone && break
    settle "$peer" "$pid"
    $step_ok || break
  done
}

# print_results FILE CHALLENGES PER: a peer's table from its results.txt (one row per step, as run_step
# writes them); CHALLENGES and PER name the columns of the challenges counted and of CPU per success
print_results() {
  printf '%9s %10s %7s %6s %6s %7s %11s %6s %7s %7s %8s %8s %5s %5s %5s %7s  %s\n' \
    offered/s achieved/s ok failed fail% retrans 'drops(p/s)' "$2" p50_ms p90_ms p99_ms max_ms peer% sipp% all% "$3" verdict
  awk '{ printf "%9s %10s %7s %6s %6s %7s %11s %6s %7s %7s %8s %8s %5s %5s %5s %7s  %s", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17
         for (i = 18; i <= NF; i++) printf " %s", $i; printf "\n" }' "$1"
}

# median_cpu PEER MIN_RATE: median CPU ms per success of the peer's passing steps from MIN_RATE up (below,
# fixed costs such as timers dominate), or "-"
median_cpu() {
  [ -f "$out/$1/results.txt" ] || { echo "-"; return; }
  awk -v min="$2" '$17 == "ok" && $1 >= min && $16 != "-" { print $16 }' "$out/$1/results.txt" | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# max_sustained PEER: "offered achieved p50 p99" of the highest passing step, or "0 0 - -"
max_sustained() {
  [ -f "$out/$1/results.txt" ] || { echo "0 0 - -"; return; }
  awk '$17 == "ok" && $1 > o { o = $1; a = $2; p50 = $9; p99 = $11 } END { print (o ? o : 0), (a ? a : 0), (o ? p50 : "-"), (o ? p99 : "-") }' "$out/$1/results.txt"
}

# report_warnings: a note for each peer that passed the last step (last_step_notes), then a blank line,
# then a warning when the machine was busy before the run (machine_load)
report_warnings() {
  last_step_notes $peers
  echo
  [ "$idle_load" -le 20 ] || echo "WARNING: other processes used ${idle_load}% of a core just before the run: figures are low and noisy."
}
# last_step_notes NAME...: a note for each results directory OUT/NAME whose peer passed the last of steps
last_step_notes() {
  local p o
  for p in "$@"; do
    read -r o _ <<<"$(max_sustained "$p")"
    if [ "$o" = "${steps##* }" ]; then echo "note: $p passed the last step (${o}/s): its real limit is higher (add steps)."; fi
  done
}

# peer_exited PEER PID WHEN: records (notes, log) and returns true when the peer's process is gone
peer_exited() {
  kill -0 "$2" 2>/dev/null && return 1
  echo "the $1 process exited $3 (log: $out/$1.log)" >>"$out/$1/notes.txt"
  log "$1: its process exited $3 (log: $out/$1.log)"
}

# step_verdict RATE STARTED OK FAILED WINDOW_S P99: "achieved/s fail% verdict" of a step: it passes with at
# most max_fail_pct % failed, a p99 of at most max_p99 ms and at least min_achieved_pct % of RATE achieved
step_verdict() {
  awk -v rate="$1" -v started="$2" -v ok="$3" -v failed="$4" -v window="$5" -v p99="$6" \
      -v maxp99="$max_p99" -v maxfail="$max_fail_pct" -v minach="$min_achieved_pct" 'BEGIN {
    achieved = window > 0 ? ok / window : 0
    failpct = started > 0 ? 100 * failed / started : 100
    why = ""
    if (failpct > maxfail) why = why "fail>" maxfail "% "
    if (p99 == "-" || p99 + 0 > maxp99) why = why "p99>" maxp99 "ms "
    if (achieved < rate * minach / 100) why = why "rate<" minach "% "
    printf "%.0f %.3f %s\n", achieved, failpct, (why == "" ? "ok" : why)
  }'
}

# ---------------------------------------------------------------------------------------------------
# a user agent server beside the peer (the call benchmark's callee, the MESSAGE benchmark's target)

# register_from PEER PORT NAME CSV COUNT FROM_PORT: the COUNT users of CSV registered (sipp/register-auth.xml,
# with digest) from udp 127.0.0.1:FROM_PORT, so that their bindings name the SIPp listening there; SIPp's
# files in OUT/PEER/register-NAME. Only inside $(...) or ( ... ): skips the peer when one fails
register_from() {
  local peer=$1 port=$2 csv=$4 count=$5 from=$6 dir="$out/$1/register-$3" rate=200 ok
  [ "$count" -ge "$rate" ] || rate=$count
  log "$peer: registering $count $3 users at ${rate}/s"
  sipp_exec "$dir" "127.0.0.1:$port" -sf "$bench/sipp/register-auth.xml" -inf "$csv" -key domain "$domain" \
    -i 127.0.0.1 -p "$from" -t u1 -r "$rate" -m "$count" -recv_timeout 5000 \
    -timeout "$((count / rate + 60))s" -nostdin -nd -trace_stat -fd 1 -trace_err \
    || skip "$peer" "SIPp failed registering the $3 users (see $dir)"
  ok=$(sipp_stat "$dir" 16)
  [ "$ok" = "$count" ] || skip "$peer" "only $ok of $count $3 users registered (see $dir)"
}

# start_uas PEER NAME SCENARIO PORT TIMEOUT_MS [sipp options]: a SIPp running SCENARIO on udp
# 127.0.0.1:PORT (where register_from registered its users) in OUT/PEER/NAME, each of its calls failing
# after TIMEOUT_MS without the message it waits for; sets uas_pid (its CPU counts in the steps' sipp%)
start_uas() {
  local name=$2 scenario=$3 port=$4 timeout_ms=$5 dir="$out/$1/$2" i; shift 5
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$dir" && exec "$SIPP" -sf "$scenario" -i 127.0.0.1 -p "$port" -t u1 -buff_size 4194304 \
      -recv_timeout "$timeout_ms" -nostdin -nd -trace_stat -fd 1 -trace_err "$@" >sipp.out 2>sipp.err) &
  uas_pid=$!
  for ((i = 0; i < 50; i++)); do
    port_free udp "$port" || return 0
    kill -0 "$uas_pid" 2>/dev/null || die "the SIPp $name exited at start: $(tail -3 "$dir/sipp.err")"
    sleep 0.1
  done
  die "the SIPp $name did not bind udp 127.0.0.1:$port"
}

# stop_uas PEER NAME: stops it, and notes the calls it saw fail (it counts them once a second)
stop_uas() {
  local dir="$out/$1/$2" failed
  stop_pid "$uas_pid" "sipp ($2)" 5; uas_pid=""
  failed=$(sipp_stat "$dir" 18)
  [ "$failed" = 0 ] || echo "the SIPp $2 counted $failed failed calls (its log: $dir)" >>"$out/$1/notes.txt"
}

# analyse_challenged DIR CODE: "ok challenged started failed retrans window_s p50 p90 p99 max" of a run of a
# scenario of one request, challenged with CODE and sent again with credentials (register-auth.xml,
# message-auth.xml), from SIPp's message trace (microsecond timestamps; SIPp 3.6's own rtd timer reads
# CLOCK_MONOTONIC_COARSE, 4 ms steps here): response time = first request (CSeq 1) sent -> its final 200
# received, window = the first request sent -> the last 200 received
analyse_challenged() {
  local dir=$1 msgs stat
  msgs=$(ls "$dir"/*_shortmessages.log 2>/dev/null | head -1 || true)
  stat=$(ls "$dir"/*_.csv 2>/dev/null | head -1 || true)
  [ -n "$msgs" ] && [ -n "$stat" ] || { echo "0 0 0 0 0 0 - - - -"; return; }
  awk -F'\t' -v lat="$dir/latency_ms.txt" -v code="^SIP/2\\\\.0 $2" '
    $4 == "S" && $6 ~ /^CSeq: *1 / && !($5 in t0) { t0[$5] = $3; if (first == "" || $3 < first) first = $3 }
    $4 == "R" && $7 ~ code && !($5 in ch) { ch[$5] = 1; challenged++ }
    $4 == "R" && $7 ~ /^SIP\/2\.0 200/ && !($5 in done) && ($5 in t0) {
      done[$5] = 1; ok++; printf "%.3f\n", ($3 - t0[$5]) * 1000 > lat
      if ($3 > last) last = $3
    }
    END { printf "%d %d %.3f\n", ok, challenged, (ok ? last - first : 0) }' "$msgs" >"$dir/summary.txt"
  [ -f "$dir/latency_ms.txt" ] || : >"$dir/latency_ms.txt"
  local ok challenged window started
  read -r ok challenged window <"$dir/summary.txt"
  started=$(sipp_stat "$dir" 12)
  echo "$ok $challenged $started $((started - ok)) $(sipp_stat "$dir" 58) $window $(percentiles "$dir/latency_ms.txt")"
}

# ---------------------------------------------------------------------------------------------------
# the report; the driver defines peer_label NAME (what a results directory's peer is)

# print_peer_table NAME CHALLENGES PER: the table of OUT/NAME (its results.txt, auth.txt, warm-up, notes),
# or why it was not measured; CHALLENGES and PER name the columns (print_results)
print_peer_table() {
  local name=$1
  echo
  if [ -f "$out/$name/not-measured.txt" ]; then
    echo "== $name: NOT MEASURED: $(cat "$out/$name/not-measured.txt")"
    return 0
  fi
  echo "== $name ($(peer_label "$name"); $(cat "$out/$name/auth.txt"))"
  print_results "$out/$name/results.txt" "$2" "$3"
  [ ! -f "$out/$name/warmup.txt" ] || echo "warm-up (not counted): $(cat "$out/$name/warmup.txt")"
  [ ! -f "$out/$name/notes.txt" ] || sed 's/^/note: /' "$out/$name/notes.txt"
}

# sustained PLATFORM KAMAILIO UNIT WHAT MIN_RATE LATENCY: for the results directories PLATFORM and KAMAILIO
# (OUT/NAME), the lines "max sustained UNIT" (with its LATENCY p50/p99) and "CPU per WHAT" (median of the
# passing steps from MIN_RATE up); sets sustained_platform, sustained_kamailio, cpu_platform, cpu_kamailio
# (empty when not measured)
sustained() {
  local role name o a p50 p99 c
  sustained_platform=""; sustained_kamailio=""; cpu_platform=""; cpu_kamailio=""
  for role in platform kamailio; do
    if [ "$role" = platform ]; then name=$1; else name=$2; fi
    [ -d "$out/$name" ] || continue
    if [ -f "$out/$name/not-measured.txt" ] || [ ! -f "$out/$name/results.txt" ]; then
      echo "max sustained $3, $name: not measured"
      continue
    fi
    read -r o a p50 p99 <<<"$(max_sustained "$name")"
    if [ "$o" = 0 ]; then
      echo "max sustained $3, $name: below the first step (${steps%% *}/s)"
    else
      echo "max sustained $3, $name: $a (step ${o}/s), $6 p50 $p50 ms, p99 $p99 ms"
    fi
    c=$(median_cpu "$name" "$5")
    if [ "$c" = - ]; then c=""; else echo "CPU per $4, $name: $c ms (median of its passing steps from $5/s up)"; fi
    printf -v "sustained_$role" '%s' "$a"
    printf -v "cpu_$role" '%s' "$c"
  done
}

# ratio WHAT PLATFORM KAMAILIO FORMAT: "WHAT: PLATFORM/KAMAILIO", or why there is none
ratio() {
  if [ -z "$2" ] || [ -z "$3" ]; then
    echo "$1: n/a ($([ -n "$2" ] || echo "platform ")$([ -n "$3" ] || echo "kamailio ")not measured)"
  else
    awk -v what="$1" -v p="$2" -v k="$3" -v fmt="$4" 'BEGIN { if (k > 0) printf "%s: " fmt "\n", what, p / k; else printf "%s: n/a (kamailio: 0)\n", what }'
  fi
}

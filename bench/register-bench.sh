#!/usr/bin/env bash
# REGISTER benchmark: our platform's registrar against Kamailio, side by side, on loopback.
#
#   bench/register-bench.sh [--only "PEER ..."] [--steps "100 200 400"] [--duration SECONDS]
#                           [--no-auth] [--users N] [--max-p99 MS] [--warmup SECONDS] [--warmup-rate N]
#                           [--out DIR] [--platform-opts "JVM OPTIONS"] [--kamailio-children N]
#                           [--kamailio-durable-children N] [--kamailio-algorithm MD5|SHA-256] [--keep]
#
# Three peers, one after the other, each on 127.0.0.1 with the same users:
#   platform          our registrar, with a throwaway data directory and 10,000 accounts created through the
#                     console's REST API; commits every binding to its H2 file database before the 200 OK
#   kamailio          Kamailio with bench/kamailio/kamailio.cfg, usrloc db_mode 0: bindings in memory only
#   kamailio-durable  the same config with -A DURABLE: usrloc db_mode 1 (write-through) to an SQLite file
#                     in WAL mode, each binding committed (and fsynced) before the 200 OK
# For each: warm it up, then step SIPp's REGISTER rate up, each step DURATION seconds, until a step has more
# than 0.1 % failed registrations, a p99 above --max-p99, or an achieved rate below 95 % of the offered one.
# A failed step is run once more after the peer has gone idle, so that one hiccup of a shared machine does
# not end the ramp; its second failure does. Prints one table per peer, the maximum sustained rate of each
# and the ratio platform/Kamailio for each Kamailio peer (also in OUT/report.txt). Every process it starts
# is stopped on exit, Ctrl-C and SIGTERM included. See bench/README.md for how to read the tables.
#
# Options:
#   --only "PEER ..."         the peers to run, separated by spaces or commas: platform, kamailio,
#                             kamailio-durable (default: all three)
#   --steps "R1 R2 ..."       offered REGISTER/s per step (default: 50 100 200 400 800 1200 1600 2000 2500
#                             3000 4000 5000 6000 8000 10000 12000 14000 16000)
#   --duration SECONDS        length of each step (default 10)
#   --no-auth                 do not require a 401 challenge (for a registrar without digest
#                             authentication); Kamailio then runs without authentication too
#   --users N                 distinct users (default 10000)
#   --max-p99 MS              p99 of a registration above which a step fails (default 200)
#   --warmup SECONDS          warm-up before the first step, not counted (default 60; 0: none). It ramps, the
#                             same for every peer: four equal parts at 25 %, 50 %, 75 % and 100 % of the
#                             warm-up rate (a JVM still compiling at full rate falls behind, and SIPp's
#                             retransmissions then make it spiral)
#   --warmup-rate N           rate of the warm-up's last part (default: the first step's)
#   --out DIR                 where logs and results go (default bench/out/<date-time>)
#   --platform-opts "..."     JVM options for the platform after those of conf/jvm.options (e.g. "-Xmx2g
#                             -Dregistrar.x=y")
#   --kamailio-children N     UDP worker processes of the kamailio peer (default 2)
#   --kamailio-durable-children N
#                             UDP worker processes of the kamailio-durable peer (default 1: Kamailio 5.6's
#                             db_sqlite sets no busy timeout, so a second worker writing at the same moment
#                             fails its save() with "database is locked"; see bench/README.md)
#   --kamailio-algorithm A    digest algorithm of Kamailio's challenge, MD5 or SHA-256 (default: SHA-256 when
#                             the SIPp in use can answer it, like the platform's first challenge; else MD5)
#   --keep                    keep the platform's data directory
#
# Environment: SIPP (the sipp binary, default sipp; Debian's SIPp 3.6 answers MD5 only, and only the
# first challenge; a SIPp >= 3.7.3 built with OpenSSL also SHA-256), JAVA (default java), KAMAILIO_MODULES
# (Kamailio's module directory, default /usr/lib/x86_64-linux-gnu/kamailio/modules), and the ports
# PLATFORM_SIP_PORT (25060), PLATFORM_HTTP_PORT (28080), KAMAILIO_PORT (25070), KAMAILIO_DURABLE_PORT
# (25080), SIPP_PORT (25090).
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bench_name=register-bench
# shellcheck source=bench/lib.sh
. "$bench/lib.sh"
scenario="$bench/sipp/register-auth.xml"
unit=registrations

steps="50 100 200 400 800 1200 1600 2000 2500 3000 4000 5000 6000 8000 10000 12000 14000 16000"
users=10000
kamailio_durable_children=1
kamailio_algorithm=""

kamailio_durable_port=${KAMAILIO_DURABLE_PORT:-25080}
kamailio_modules=${KAMAILIO_MODULES:-/usr/lib/x86_64-linux-gnu/kamailio/modules}
sqlite_schema=/usr/share/kamailio/db_sqlite

all_peers="platform kamailio kamailio-durable"
while [ $# -gt 0 ]; do
  consumed=1
  case "$1" in
    --kamailio-durable-children) kamailio_durable_children=${2:?--kamailio-durable-children needs a number}; consumed=2 ;;
    --kamailio-algorithm) kamailio_algorithm=${2:?--kamailio-algorithm needs MD5 or SHA-256}; consumed=2 ;;
    *) bench_option "$@" ;;
  esac
  shift "$consumed"
done
common_options
whole_numbers $duration $users $max_p99 $warmup $warmup_rate $kamailio_children $kamailio_durable_children $steps
if [ "$kamailio_children" -eq 0 ] || [ "$kamailio_durable_children" -eq 0 ]; then die "Kamailio needs at least one worker"; fi

# ---------------------------------------------------------------------------------------------------
# tools

need_sipp
# Kamailio challenges with what SIPp can answer, like the platform
case "$kamailio_algorithm" in
  '') case "$sipp_algorithms" in *SHA-256*) kamailio_algorithm=SHA-256 ;; *) kamailio_algorithm=MD5 ;; esac ;;
  MD5) ;;
  SHA-256) case "$sipp_algorithms" in *SHA-256*) ;; *) die "$sipp_version cannot answer SHA-256: --kamailio-algorithm MD5, or SIPP=<a SIPp >= 3.7.3 with OpenSSL>" ;; esac ;;
  *) die "--kamailio-algorithm takes MD5 or SHA-256" ;;
esac
need_pkg curl curl
need_pkg ss iproute2
case " $peers " in *" kamailio"*) need_pkg kamailio kamailio ;; esac
case " $peers " in *" kamailio-durable "*)
  need_pkg_file "$kamailio_modules/db_sqlite.so" kamailio-sqlite-modules
  need_pkg_file "$sqlite_schema/usrloc-create.sql" kamailio-sqlite-modules
  need_pkg sqlite3 sqlite3 ;;
esac
case " $peers " in *" platform "*) need_platform_build ;; esac

# ---------------------------------------------------------------------------------------------------
# run directory, cleanup

location_db=""
out_dir "$(date +%Y%m%d-%H%M%S)"

for p in $sipp_port; do port_free udp "$p" || die "UDP port $p (SIPp) is in use: set SIPP_PORT"; done

# ---------------------------------------------------------------------------------------------------
# users

users_csv="$out/users.csv"
"$bench/generate-users.sh" --count "$users" --out "$users_csv"

# ---------------------------------------------------------------------------------------------------
# peers

# kamailio_label PEER: what the peer keeps its bindings in (report, log)
kamailio_label() {
  case "$1" in
    kamailio) echo "usrloc in memory" ;;
    kamailio-durable) echo "usrloc write-through to SQLite" ;;
  esac
}

# start_kamailio PEER PORT CHILDREN: Kamailio with bench/kamailio/kamailio.cfg as PEER (kamailio or
# kamailio-durable), log OUT/PEER.log; sets kamailio_pid, and location_db for kamailio-durable
start_kamailio() {
  local peer=$1 port=$2 children=$3 var attempt
  case "$peer" in kamailio) var=KAMAILIO_PORT ;; *) var=KAMAILIO_DURABLE_PORT ;; esac
  port_free udp "$port" || die "UDP port $port is in use: set $var"
  "$bench/kamailio/generate-db.sh" "$users_csv" "$out/kamailio-db"
  for attempt in 1 2 3; do
    launch_kamailio "$peer" "$port" "$children" && return 0
    stop_pid "$kamailio_pid" "$peer" 10; kamailio_pid=""
    # the durable peer's processes all open the SQLite file as they start, and Kamailio 5.6's db_sqlite
    # does not wait for a lock: one of them now and then fails its start on "database is locked"
    if [ "$peer" = kamailio-durable ] && grep -q "database is locked" "$out/$peer.log" && [ "$attempt" -lt 3 ]; then
      cp "$out/$peer.log" "$out/$peer.failed-start-$attempt.log"
      log "$peer: a process failed its start on SQLite's 'database is locked' (log: $out/$peer.failed-start-$attempt.log): starting it again"
      continue
    fi
    break
  done
  die "$peer did not start (log: $out/$peer.log)"
}

# launch_kamailio PEER PORT CHILDREN: one try of start_kamailio; fails, saying why, when Kamailio exited or
# logged errors during its start
launch_kamailio() {
  local peer=$1 port=$2 children=$3 run="$out/$1-run"
  mkdir -p "$run"
  local defs=(-A "DBURL=\"text://$out/kamailio-db\"" -A "CHILDREN=$children" -A "ALGORITHM=\"$kamailio_algorithm\"")
  $require_auth || defs+=(-A NO_AUTH)
  local bindings="usrloc in memory"
  if [ "$peer" = kamailio-durable ]; then
    location_db="$run/location.sqlite"
    "$bench/kamailio/create-sqlite-db.sh" "$location_db" usrloc || { log "$peer: cannot create $location_db"; return 1; }
    # db_id takes what follows "sqlite:///" as the file name: "sqlite:///" + an absolute path (4 slashes)
    # names the file exactly as the journal-mode parameter does (3 slashes: a path relative to /, and
    # db_sqlite would not find its journal mode)
    defs+=(-A DURABLE -A "LOCATION_DB=\"sqlite:///$location_db\"" -A "LOCATION_DB_FILE=\"$location_db\"")
    bindings="usrloc write-through to SQLite $location_db"
  fi
  log "starting $peer on udp 127.0.0.1:$port ($(workers "$children"), $bindings, $($require_auth && echo "digest $kamailio_algorithm" || echo "no authentication"))"
  run_kamailio "$peer" "$port" "$bench/kamailio/kamailio.cfg" -m 256 -M 16 "${defs[@]}" || return 1
  if [ "$peer" = kamailio-durable ]; then
    # WAL since create-sqlite-db.sh, and asked for again by the config: make sure (sqlite3 only reads)
    local mode
    mode=$(sqlite3 "$location_db" "PRAGMA journal_mode" 2>&1 || true)
    [ "$mode" = wal ] || { log "$peer: $location_db is in journal mode '$mode', not wal"; return 1; }
  fi
  log "$peer: Kamailio $(kamailio_version) up"
}

# durable_notes: what the kamailio-durable peer left in its SQLite file and log, for its table's notes
durable_notes() {
  local f="$out/kamailio-durable/notes.txt" log="$out/kamailio-durable.log" rows mode locked failed
  rows=$(sqlite3 "$location_db" "SELECT count(*) FROM location" 2>/dev/null || echo "?")
  mode=$(sqlite3 "$location_db" "PRAGMA journal_mode" 2>/dev/null || echo "?")
  locked=$(grep -c "database is locked" "$log" 2>/dev/null || true)
  # registrar's save(): "insert_contacts(): failed to insert contact", "update_contacts(): failed to ..."
  failed=$(grep -c "_contacts(): failed to" "$log" 2>/dev/null || true)
  echo "$rows bindings in table location of $location_db (journal mode $mode) after the run" >>"$f"
  if [ "${failed:-0}" -gt 0 ]; then
    echo "$failed saves failed (answered 500; SIPp then retransmitted the REGISTER: see retrans and the response times)$([ "${locked:-0}" -gt 0 ] && echo ", SQLite 'database is locked' in the log")" >>"$f"
  elif [ "${locked:-0}" -gt 0 ]; then
    echo "$locked SQLite writes failed with 'database is locked' (not of a save: usrloc's timer)" >>"$f"
  fi
  return 0
}

# ---------------------------------------------------------------------------------------------------
# measuring

# run_sipp DIR PORT RATE CALLS [extra sipp options]: one SIPp run, in the background so signals reach us
run_sipp() {
  local dir=$1 port=$2 rate=$3 calls=$4; shift 4
  sipp_requests "$dir" "$port" "$rate" "$calls" "$scenario" "$users_csv" "$@"
}

# analyse DIR: "ok challenged started failed retrans window_s p50 p90 p99 max" of a run (lib.sh)
analyse() { analyse_challenged "$1" 401; }

# probe PEER PORT: one registration with the full message trace; prints whether and how it authenticated,
# or records why the peer cannot be measured (skip) and fails
probe() {
  local peer=$1 port=$2 trace
  trace=$(probe_trace "$peer" "$port") || exit 1
  if ! grep -q "^SIP/2.0 200" "$trace"; then
    grep -m3 "^SIP/2.0" "$trace" >&2 || true
    skip "$peer" "the probe registration did not get a 200 (trace: $trace)"
  fi
  probe_auth "$peer" "$trace" 401 REGISTER
}

# bench_peer NAME PORT PID: probe, warm-up, then the steps up to the first one failed twice
bench_peer() {
  local peer=$1 port=$2 pid=$3 dir="$out/$1" auth
  mkdir -p "$dir"
  rm -f "$dir/not-measured.txt" "$dir/notes.txt"
  if ! auth=$(probe "$peer" "$port"); then
    return 0
  fi
  echo "$auth" >"$dir/auth.txt"
  log "$peer authentication: $auth"
  warm_up "$peer" "$port" "$pid"
  ramp "$peer" "$port" "$pid"
}

# ---------------------------------------------------------------------------------------------------
# report

print_table() { # peer
  local peer=$1 f="$out/$1/results.txt"
  echo
  if [ -f "$out/$peer/not-measured.txt" ]; then
    echo "== $peer: NOT MEASURED: $(cat "$out/$peer/not-measured.txt")"
    return 0
  fi
  local what=""
  case "$peer" in
    kamailio) what="$(kamailio_label "$peer"), $(workers "$kamailio_children"); " ;;
    kamailio-durable) what="$(kamailio_label "$peer"), $(workers "$kamailio_durable_children"); " ;;
  esac
  echo "== $peer ($what$(cat "$out/$peer/auth.txt"))"
  print_results "$f" 401s ms/reg
  [ ! -f "$out/$peer/warmup.txt" ] || echo "warm-up (not counted): $(cat "$out/$peer/warmup.txt")"
  [ ! -f "$out/$peer/notes.txt" ] || sed 's/^/note: /' "$out/$peer/notes.txt"
}

report() {
  {
    echo
    echo "REGISTER benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $users users, steps of ${duration}s,"
    echo "a step passes with <= ${max_fail_pct}% failed, p99 <= ${max_p99} ms and >= ${min_achieved_pct}% of the offered rate achieved."
    if [ "$warmup" -gt 0 ] && [ "$warmup_rate" -gt 0 ]; then
      echo "Warm-up before the first step, the same for every peer, not counted: ${warmup}s ramped in four parts,"
      echo "$(warmup_plan_text) (25/50/75/100 % of ${warmup_rate}/s)."
    else
      echo "No warm-up."
    fi
    echo "$sipp_version, UDP on loopback; response time = first REGISTER sent -> final 200 received (both"
    echo "transactions when challenged), from SIPp's message trace (microseconds). CPU over the step, 100% = one core:"
    echo "peer% = the peer's processes, sipp% = SIPp, all% = the whole machine (200% = both cores; the rest is other work);"
    echo "ms/reg = the peer's CPU milliseconds per successful registration."
    echo "retrans = SIPp's retransmissions (500 ms without answer); drops(p/s) = UDP datagrams dropped for a full receive"
    echo "buffer by the peer's socket / by SIPp's (and anything else on the machine)."
    local p
    for p in $peers; do print_table "$p"; done
    echo
    local o a pa="" ka="" kda=""
    for p in $peers; do
      if [ -f "$out/$p/not-measured.txt" ] || [ ! -f "$out/$p/results.txt" ]; then
        echo "max sustained REGISTER/s, $p: not measured"
        continue
      fi
      read -r o a _ <<<"$(max_sustained "$p")"
      if [ "$o" = 0 ]; then
        echo "max sustained REGISTER/s, $p: below the first step (${steps%% *}/s)"
      else
        echo "max sustained REGISTER/s, $p: $a (step ${o}/s)"
      fi
      case "$p" in platform) pa=$a ;; kamailio) ka=$a ;; kamailio-durable) kda=$a ;; esac
    done
    # ratio_line WHAT PLATFORM KAMAILIO PEER FORMAT WHY_NA: "WHAT (LABEL): PLATFORM/KAMAILIO", when both are known
    ratio_line() {
      [ -n "$2" ] && [ -n "$3" ] || return 0
      awk -v p="$2" -v k="$3" -v what="$1 ($(kamailio_label "$4"))" -v fmt="$5" -v na="$6" 'BEGIN {
        if (k > 0) printf "%s: " fmt "\n", what, p / k; else printf "%s: n/a (%s)\n", what, na }'
    }
    ratio_line "ratio platform/Kamailio" "$pa" "$ka" kamailio "%.2f" "kamailio sustained no step"
    ratio_line "ratio platform/Kamailio" "$pa" "$kda" kamailio-durable "%.2f" "kamailio-durable sustained no step"
    local c pc="" kc="" kdc=""
    for p in $peers; do
      c=$(median_cpu "$p" 200)
      [ "$c" = - ] || echo "CPU per registration, $p: $c ms (median of its passing steps from 200/s up)"
      [ "$c" != - ] || c=""
      case "$p" in platform) pc=$c ;; kamailio) kc=$c ;; kamailio-durable) kdc=$c ;; esac
    done
    ratio_line "CPU per registration, platform/Kamailio" "$pc" "$kc" kamailio "%.1f" "kamailio's is 0"
    ratio_line "CPU per registration, platform/Kamailio" "$pc" "$kdc" kamailio-durable "%.1f" "kamailio-durable's is 0"
    report_warnings
    echo "Caveats: SIPp, the peer under test and everything else on this machine share its $(nproc) cores, so a peer's"
    echo "figure is also bounded by the CPU SIPp needs at that rate (see sipp% and all%)."
    echo "Durability differs:"
    case " $peers " in *" platform "*)
      echo "- platform: commits every binding to its H2 file database before the 200 OK, written to the file (the OS"
      echo "  cache) without an fsync: survives a crash of the process, not necessarily a power cut." ;;
    esac
    case " $peers " in *" kamailio "*)
      echo "- kamailio: bindings in memory only (usrloc db_mode 0), lost on any restart. The ratio against it compares"
      echo "  with a registrar that stores nothing." ;;
    esac
    case " $peers " in *" kamailio-durable "*)
      echo "- kamailio-durable: each binding written through to SQLite (usrloc db_mode 1, WAL, synchronous=FULL) and"
      echo "  fsynced before the 200 OK: survives a crash and a power cut, more than the platform promises, and pays an"
      echo "  fsync per registration for it. Runs $(workers "$kamailio_durable_children"): Kamailio 5.6's db_sqlite sets no busy timeout, so"
      echo "  two workers writing at once fail a save with 'database is locked' (its notes count any)." ;;
    esac
    echo "Digest: $sipp_version answers $sipp_algorithms (SHA-256 needs SIPp >= 3.7.3 with OpenSSL) and"
    echo "always the first challenge; the algorithm each peer was measured with is in its heading."
  } | tee "$out/report.txt"
}

# ---------------------------------------------------------------------------------------------------
# main

machine_load

for peer in $peers; do
  case "$peer" in
    platform) bench_platform ;;
    kamailio)
      start_kamailio kamailio "$kamailio_port" "$kamailio_children"
      bench_peer kamailio "$kamailio_port" "$kamailio_pid"
      stop_pid "$kamailio_pid" kamailio 10; kamailio_pid=""
      ;;
    kamailio-durable)
      start_kamailio kamailio-durable "$kamailio_durable_port" "$kamailio_durable_children"
      bench_peer kamailio-durable "$kamailio_durable_port" "$kamailio_pid"
      durable_notes
      stop_pid "$kamailio_pid" kamailio-durable 10; kamailio_pid=""
      ;;
  esac
done
report

#!/usr/bin/env bash
# Presence and instant-message benchmark: our platform's presence server (presence-app) against Kamailio's
# presence + presence_xml modules, side by side, on loopback, in the same run.
#
#   bench/presence-bench.sh [--only "PEER ..."] [--scenarios "publish message"] [--steps "50 100 200"]
#                           [--message-steps "..."] [--duration SECONDS] [--no-auth] [--users N]
#                           [--notify-interval SECONDS] [--max-p99 MS] [--warmup SECONDS] [--warmup-rate N]
#                           [--out DIR] [--platform-opts "JVM OPTIONS"] [--kamailio-children N] [--keep]
#   bench/presence-bench.sh --kamailio-only ...     (= --only kamailio)
#   bench/presence-bench.sh --platform-only ...     (= --only platform)
#
# Two peers, one after the other, each on 127.0.0.1 with the same 2 x N accounts (N = --users, default
# 1,000): u1..uN are the presentities (and the MESSAGE senders), uN+1..u2N their watchers (and the MESSAGE
# targets), user i paired with user N+i.
#   platform  our platform from a throwaway data directory, the accounts created through the console's REST
#             API (as the other benchmarks), presence.notify.min.interval=--notify-interval (default 0)
#   kamailio  Kamailio 5.6, bench/kamailio/kamailio.cfg -A PRESENCE: presence + presence_xml, publications
#             and subscriptions written through to an SQLite file (WAL, fsynced) before the answer, auth_db
#             over the subscriber table of that file, MESSAGE relayed with tm after a usrloc lookup
#
# Scenario "publish" (RFC 3903, RFC 3856), for each peer:
#   1. N watchers subscribe (sipp/presence-watch.xml: SUBSCRIBE Event: presence, 407, SUBSCRIBE with
#      Proxy-Authorization, 200/202, then every NOTIFY answered; Expires longer than the run, no refresh),
#      one SIPp process for all of them, running for the whole scenario; each waits for its first NOTIFY.
#   2. Each presentity publishes once (sipp/presence-publish.xml: initial PUBLISH, 407, PUBLISH with
#      credentials, 200 with SIP-ETag), then the probe, the warm-up and the steps, each a modification of
#      existing publications (SIP-If-Match, a new PIDF whose tuple <note> is a token unique in the run).
#   3. A step of RATE PUBLISH/s for DURATION s: one SIPp call per presentity (min(N, RATE x DURATION) of
#      them, opened at RATE/s), each modifying its publication every (presentities / RATE) seconds, so the
#      step's PUBLISHes go round-robin over the presentities and none publishes more often than that: with
#      1,000 presentities, once a second at 1,000/s. The driver keeps each publication's latest entity tag
#      between SIPp runs (the "etag" lines of the publisher's log). A step must not publish one presentity
#      more often than --notify-interval (the platform would rightly merge the NOTIFYs, RFC 3856 §6.10):
#      the driver refuses such steps.
#   Measured: a PUBLISH is "ok" when it was accepted (200) AND the watcher's SIPp received a NOTIFY carrying
#   its token; "failed" = PUBLISHes started less those ok (rejected, unanswered, or accepted with no NOTIFY:
#   the table's detail line counts each). NOTIFY latency = the publisher's log time just before the first
#   PUBLISH of a modification is sent (so the 407 round trip is included, as a phone would see it) -> the
#   watcher's log time when the NOTIFY carrying its token is received. Both SIPps run on this machine and log
#   SIPp's [timestamp] (gettimeofday, microseconds) in their -trace_logs file, so the two times share a
#   clock; SIPp's rtd cannot span two processes, and its internal clock has 4 ms steps here (see
#   README). After the publisher's SIPp ends, the driver waits until the watcher's log has been quiet for
#   1 s (at most 10 s) so that late NOTIFYs are counted (and their CPU).
#
# Scenario "message" (RFC 3428), for each peer: the N targets registered from one SIPp
# (sipp/register-auth.xml, with digest), which answers every MESSAGE 200 (sipp/message-uas.xml); the
# senders' SIPp (sipp/message-auth.xml) sends MESSAGE, 407, MESSAGE with Proxy-Authorization, and waits for
# the target's 200 relayed back. Delivery time = first MESSAGE sent -> that 200 received (message trace).
#
# For both: a probe (one transaction with SIPp's full message trace: a peer answering 501, as the platform
# does before issue 10, or without a challenge is reported NOT MEASURED with the reason), a warm-up (not
# counted), then SIPp's rate stepped up until a step has more than 0.1 % failed, a p99 above --max-p99 or an
# achieved rate below 95 % of the offered one (a failed step runs once more; the second failure ends the
# ramp). CPU per PUBLISH (the peer's CPU, NOTIFYs included, per ok PUBLISH) and per MESSAGE from /proc.
# Prints a table per peer and scenario, the maximum sustained rates and the ratios platform/Kamailio (also
# in OUT/report.txt). Every process it starts is stopped on exit, Ctrl-C and SIGTERM included. See
# bench/README.md ("The presence benchmark").
#
# Options:
#   --only "PEER ..."         the peers to run, separated by spaces or commas: platform, kamailio (default both)
#   --kamailio-only, --platform-only   the same for one peer
#   --scenarios "S ..."       publish, message (default both, in that order)
#   --steps "R1 R2 ..."       offered PUBLISH/s per step (default: 50 100 200 300 400 600 800 1000 1200 1500
#                             2000 2500 3000)
#   --message-steps "R1 ..."  offered MESSAGE/s per step (default: the same as --steps)
#   --duration SECONDS        length of each step (default 5)
#   --no-auth                 do not require a 407 challenge; Kamailio then runs without authentication too
#   --users N                 presentities (default 1000); 2 x N accounts are created
#   --notify-interval S       the platform's presence.notify.min.interval (default 0: Kamailio has no such
#                             limit, see kamailio.cfg)
#   --max-p99 MS              p99 NOTIFY latency / MESSAGE delivery time above which a step fails (default 200)
#   --warmup SECONDS          warm-up of each scenario before its first step, not counted (default 20; 0:
#                             none), in four parts at 25/50/75/100 % of the warm-up rate
#   --warmup-rate N           rate of the warm-up's last part (default: the first step's)
#   --out DIR                 where logs and results go (default bench/out/presence-<date-time>)
#   --platform-opts "..."     JVM options for the platform after those of conf/jvm.options
#   --kamailio-children N     UDP worker processes of Kamailio (default 1: Kamailio 5.6's db_sqlite sets no
#                             busy timeout, two workers writing the SQLite file at once fail one of them)
#   --keep                    keep the platform's data directory
#
# Environment: SIPP (default sipp; Debian's SIPp 3.6 answers MD5 only), JAVA (default java),
# KAMAILIO_MODULES (default /usr/lib/x86_64-linux-gnu/kamailio/modules), the ports PLATFORM_SIP_PORT (25060),
# PLATFORM_HTTP_PORT (28080), KAMAILIO_PORT (25070), SIPP_PORT (25090: publisher, sender), SIPP_WATCHER_PORT
# (25091: watchers), SIPP_TARGET_PORT (25092: MESSAGE targets).
set -euo pipefail
bench_name=presence-bench bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/lib.sh
. "$bench/lib.sh"

steps="50 100 200 300 400 600 800 1000 1200 1500 2000 2500 3000"
message_steps=""
duration=5
warmup=20
users=1000
notify_interval=0
kamailio_children=1
scenarios="publish message"

watcher_port=${SIPP_WATCHER_PORT:-25091}
# not the watchers' port: NOTIFYs still retransmitted to them must not reach the targets
target_port=${SIPP_TARGET_PORT:-25092}
kamailio_modules=${KAMAILIO_MODULES:-/usr/lib/x86_64-linux-gnu/kamailio/modules}
sqlite_schema=/usr/share/kamailio/db_sqlite
# the watchers' subscriptions outlast any run (they are not refreshed)
subscription_expires=7200

all_peers="platform kamailio"
while [ $# -gt 0 ]; do
  consumed=1
  case "$1" in
    --kamailio-only) only=kamailio ;;
    --platform-only) only=platform ;;
    --scenarios) scenarios=${2:?--scenarios needs publish and/or message}; consumed=2 ;;
    --message-steps) message_steps=${2:?--message-steps needs rates}; consumed=2 ;;
    --notify-interval) notify_interval=${2:?--notify-interval needs seconds}; consumed=2 ;;
    *) bench_option "$@" ;;
  esac
  shift "$consumed"
done
common_options
[ -n "$message_steps" ] || message_steps=$steps
whole_numbers $duration $users $max_p99 $warmup $warmup_rate $kamailio_children $notify_interval $steps $message_steps
[ "$users" -ge 1 ] && [ "$users" -le 49999 ] || die "--users: 1 to 49999 (2 x N accounts)"
[ "$kamailio_children" -gt 0 ] || die "Kamailio needs at least one worker"
for s in ${scenarios//,/ }; do
  case "$s" in publish|message) ;; *) die "--scenarios: unknown scenario '$s' (publish, message)" ;; esac
done
scenarios=${scenarios//,/ }
# publish_plan RATE CALLS: "presentities rounds pause_ms" of a publisher run of CALLS PUBLISHes at RATE: as
# few rounds as the N presentities allow, as many presentities in each as make CALLS (rounded up), each
# publishing every presentities / RATE seconds
publish_plan() {
  local rounds=$(( ($2 + users - 1) / users )) pubs
  pubs=$(( ($2 + rounds - 1) / rounds ))
  echo "$pubs $rounds $(( pubs * 1000 / $1 ))"
}
# RFC 3856 §6.10: a presentity published more often than the platform's presence.notify.min.interval gets
# one NOTIFY for several PUBLISHes (the latest state), which this benchmark would count as missing ones
while read -r r secs; do
  [ "$r" -gt 0 ] || die "--steps: rates above 0"
  read -r pubs rounds pause_ms <<<"$(publish_plan "$r" $((r * secs)))"
  if [ "$rounds" -gt 1 ] && [ "$pause_ms" -lt $((notify_interval * 1000)) ]; then
    die "a run of ${r}/s for ${secs}s publishes each of $pubs presentities every $pause_ms ms, more often than --notify-interval ${notify_interval}s: use more --users, lower --steps or a smaller interval"
  fi
done < <(for r in $steps; do echo "$r $duration"; done; warmup_plan | awk '{ print $2, $3 }')

need_sipp
need_pkg curl curl
need_pkg ss iproute2
case " $peers " in *" kamailio "*)
  need_pkg kamailio kamailio
  need_pkg_file "$kamailio_modules/presence_xml.so" kamailio-presence-modules
  need_pkg_file "$kamailio_modules/db_sqlite.so" kamailio-sqlite-modules
  need_pkg_file "$sqlite_schema/presence-create.sql" kamailio-sqlite-modules
  need_pkg sqlite3 sqlite3 ;;
esac
case " $peers " in *" platform "*) need_platform_build ;; esac
# Kamailio challenges with what SIPp can answer, like the platform (need_sipp)
case "$sipp_algorithms" in *SHA-256*) kamailio_algorithm=SHA-256 ;; *) kamailio_algorithm=MD5 ;; esac

presence_db=""
out_dir "presence-$(date +%Y%m%d-%H%M%S)"
for p in $sipp_port $watcher_port $target_port; do port_free udp "$p" || die "UDP port $p (SIPp) is in use: set SIPP_PORT / SIPP_WATCHER_PORT / SIPP_TARGET_PORT"; done

# ---------------------------------------------------------------------------------------------------
# users: uI is a presentity watched by, and sends its MESSAGEs to, u(N+I)

users_csv="$out/users.csv"
"$bench/generate-users.sh" --count $((2 * users)) --out "$users_csv"
watchers_csv="$out/watchers.csv"     # watcher; password; presentity
pairs_csv="$out/messages.csv"        # sender; password; target
targets_csv="$out/targets.csv"       # target; password (register-auth.xml)
awk -F';' -v n="$users" -v w="$watchers_csv" -v m="$pairs_csv" -v t="$targets_csv" '
  NR == 1 { print > w; print > m; print > t; next }
  NR - 1 <= n { user[NR - 1] = $1; pw[NR - 1] = $2; next }
  { i = NR - 1 - n; print $1 ";" $2 ";" user[i] > w; print user[i] ";" pw[i] ";" $1 > m; print $1 ";" $2 > t }' "$users_csv"

# ---------------------------------------------------------------------------------------------------
# peers

start_kamailio() {
  presence_db="$out/kamailio-run/presence.sqlite"
  "$bench/kamailio/create-sqlite-db.sh" "$presence_db" auth_db presence || die "cannot create $presence_db"
  # auth_db computes HA1 from the plain password (calculate_ha1), as the platform checks its accounts'
  { echo "BEGIN;"
    awk -F';' -v d="$domain" 'NR > 1 { gsub(/\x27/, "\x27\x27"); printf "INSERT INTO subscriber (username, domain, password) VALUES (\x27%s\x27, \x27%s\x27, \x27%s\x27);\n", $1, d, $2 }' "$users_csv"
    echo "COMMIT;"; } | sqlite3 -bail "$presence_db" || die "cannot fill the subscriber table of $presence_db"
  # db_id takes what follows "sqlite:///" as the file name: an absolute path needs four slashes (kamailio.cfg)
  start_kamailio_peer "presence, SQLite $presence_db" -A PRESENCE -A "PRESENCE_DB=\"sqlite:///$presence_db\"" \
    -A "PRESENCE_DB_FILE=\"$presence_db\"" -A "PRESENCE_SERVER=\"sip:127.0.0.1:$kamailio_port\""
}

# kamailio_notes NAME: what Kamailio left in its SQLite file (after the publish scenario) and its log, for
# the table's notes
kamailio_notes() {
  local f="$out/$1/notes.txt" k="$out/kamailio.log" rows locked
  if [ "$scenario" = publish ]; then
    rows=$(sqlite3 "$presence_db" "SELECT (SELECT count(*) FROM presentity) || ' publications, ' || (SELECT count(*) FROM active_watchers) || ' subscriptions'" 2>/dev/null || echo "?")
    echo "in $presence_db after the scenario: $rows" >>"$f"
  fi
  locked=$(grep -c "database is locked" "$k" 2>/dev/null || true)
  [ "${locked:-0}" = 0 ] || echo "$locked SQLite writes failed with 'database is locked' so far (log: $k)" >>"$f"
  return 0
}

# kamailio_auth: how Kamailio authenticates, for the labels
kamailio_auth() { if $require_auth; then echo "auth_db on SQLite"; else echo "no authentication"; fi; }

# peer_label NAME: what a results directory (PEER-SCENARIO) measured
peer_label() {
  case "$1" in
    platform-publish) echo "presence-app, presence.notify.min.interval=$notify_interval" ;;
    platform-message) echo "presence-app's MESSAGE relay" ;;
    kamailio-publish) echo "presence + presence_xml, publications and subscriptions written through to SQLite, $(kamailio_auth), $(workers "$kamailio_children")" ;;
    kamailio-message) echo "MESSAGE relayed by tm after a usrloc lookup, $(kamailio_auth), $(workers "$kamailio_children")" ;;
  esac
}

# ---------------------------------------------------------------------------------------------------
# scenario "publish": the watchers, the publications' entity tags, a publisher run, its analysis

# start_watchers NAME PORT: the watchers' SIPp (as uas_pid: its CPU counts in the steps' sipp%), every
# watcher subscribing once; sets watcher_log
start_watchers() {
  local rate=200
  [ "$users" -ge "$rate" ] || rate=$users
  log "$1: $users watchers subscribing at ${rate}/s"
  start_uas "$1" watchers "$bench/sipp/presence-watch.xml" "$watcher_port" 0 "127.0.0.1:$2" \
    -inf "$watchers_csv" -key domain "$domain" -set expires "$subscription_expires" -r "$rate" -m "$users" \
    -l "$users" -trace_logs -trace_shortmsg -trace_counts
  watcher_log="$out/$1/watchers/presence-watch_${uas_pid}_logs.log"
}

# await_watchers NAME: until every watcher has its first NOTIFY, one subscription failed, or 60 s more
# than they need; only inside ( ... ): skips the peer unless all are subscribed
await_watchers() {
  local name=$1 dir="$out/$1/watchers" i n=0 failed=0 first
  for ((i = 0; i < users / 200 + 60; i++)); do
    sleep 1
    n=$(grep -c '^notify ' "$watcher_log" 2>/dev/null || true)
    failed=$(sipp_stat "$dir" 18)
    [ "${n:-0}" -lt "$users" ] && [ "$failed" = 0 ] || break
    kill -0 "$uas_pid" 2>/dev/null || break
  done
  log "$name: ${n:-0} of $users watchers got their first NOTIFY, $failed subscriptions failed"
  [ "${n:-0}" -lt "$users" ] || [ "$failed" != 0 ] || return 0
  # the last answer a subscription without a NOTIFY received, from the watchers' message trace (a final
  # one, not a 407, when there is one)
  first=$(awk -F'\t' -v logf="$watcher_log" '
    BEGIN { while ((getline line < logf) > 0) { split(line, f, " "); if (f[1] == "notify") seen[f[6]] = 1 } }
    $4 == "R" && !($5 in seen) { last[$5] = $7 }
    END { for (c in last) { any = c; if (last[c] !~ / 407 /) { print c " was answered " last[c]; exit } }
          if (any != "") print any " was answered " last[any] }' "$dir"/*_shortmessages.log 2>/dev/null | head -1 || true)
  case "$first" in *"SIP/2.0 501"*)
    skip "$name" "it answered the SUBSCRIBE 501: this build has no presence server yet (presence-app answers 501 before issue 10); ${n:-0} of $users subscriptions got a NOTIFY (see $dir)" ;;
  esac
  skip "$name" "only ${n:-0} of $users subscriptions got their first NOTIFY ($failed failed${first:+; $first}; see $dir)"
}

# etags_csv FILE: the publisher's injection file from cur_etags (user -> entity tag of its publication,
# "-" before the first): presentity; password; entity tag
etags_csv() {
  awk -F';' -v n="$users" -v etags="$cur_etags" '
    BEGIN { while ((getline line < etags) > 0) { split(line, f, " "); tag[f[1]] = f[2] } }
    NR == 1 { print; next }
    NR - 1 <= n { print $1 ";" $2 ";" (($1 in tag) ? tag[$1] : "-") }' "$users_csv" >"$1"
}

# run_publish DIR PORT RATE CALLS [sipp options]: CALLS PUBLISH modifications at RATE (publish_plan); then
# the entity tags kept, and the watchers' NOTIFYs waited for
run_publish() {
  local dir=$1 port=$2 rate=$3 calls=$4; shift 4
  local pubs iterations pause_ms
  read -r pubs iterations pause_ms <<<"$(publish_plan "$rate" "$calls")"
  # beside DIR, which sipp_exec empties first
  etags_csv "$dir.publishers.csv"
  local secs=$(( iterations * (pause_ms + 999) / 1000 + 1 ))
  sipp_exec "$dir" "127.0.0.1:$port" -sf "$bench/sipp/presence-publish.xml" -inf "$dir.publishers.csv" \
    -key domain "$domain" -set iterations "$iterations" -d "$pause_ms" \
    -i 127.0.0.1 -p "$sipp_port" -t u1 -r "$rate" -m "$pubs" -l "$pubs" -buff_size 4194304 \
    -recv_timeout 5000 -timeout "$((secs + 30))s" -nostdin -nd \
    -trace_logs -trace_shortmsg -trace_stat -fd 1 -trace_counts -trace_err "$@" || { rm -f "$dir.publishers.csv"; return 1; }
  mv "$dir.publishers.csv" "$dir/publishers.csv"
  keep_etags "$dir" "$pubs"
  notifies_settle
}

# keep_etags DIR PUBLISHERS: the entity tags the run's calls (the first PUBLISHERS presentities, one call
# each) ended with replace those they started with; a call that failed leaves its presentity without one
# ("-": a new publication next time, the old one lingers until it expires)
keep_etags() {
  local logf
  logf=$(ls "$1"/*_logs.log 2>/dev/null | head -1 || true)
  awk -F';' -v logf="$logf" -v pubs="$2" '
    BEGIN { if (logf != "") while ((getline line < logf) > 0) { split(line, f, " "); if (f[1] == "etag") tag[f[2]] = f[3] } }
    FNR == 1 { next }
    { print $1, (FNR - 1 <= pubs ? (($1 in tag) ? tag[$1] : "-") : $3) }' "$1/publishers.csv" >"$cur_etags.new"
  mv "$cur_etags.new" "$cur_etags"
}

# notifies_settle: until the watchers' log has not grown for 1 s (10 s at most)
notifies_settle() {
  local i a b
  b=$(stat -c %s "$watcher_log" 2>/dev/null || echo 0)
  for ((i = 0; i < 10; i++)); do
    sleep 1
    a=$b; b=$(stat -c %s "$watcher_log" 2>/dev/null || echo 0)
    [ "$a" != "$b" ] || return 0
  done
}

# analyse_publish DIR: "ok challenged started failed retrans window_s p50 p90 p99 max" of a publisher run:
# started = PUBLISH modifications begun ("pub" lines), ok = those accepted ("ok") whose token the watchers'
# log has, latency = pub -> first notify of the token, window = first pub -> last such notify; writes
# DIR/detail.txt "started accepted notified" and DIR/latency_ms.txt
analyse_publish() {
  local dir=$1 logf msgs
  logf=$(ls "$dir"/*_logs.log 2>/dev/null | head -1 || true)
  msgs=$(ls "$dir"/*_shortmessages.log 2>/dev/null | head -1 || true)
  [ -n "$logf" ] || { echo "0 0 0 0 0 0 - - - -"; return; }
  # fields of a log line: kind, [timestamp] (date, time, seconds since the epoch), token
  awk -v lat="$dir/latency_ms.txt" -v detail="$dir/detail.txt" '
    FNR == 1 { file++ }
    file == 1 && $1 == "pub" { sent[$5] = $4; started++; if (first == "" || $4 < first) first = $4 }
    file == 1 && $1 == "ok" { accepted[$5] = 1; acc++ }
    file == 2 && $1 == "notify" && ($5 in accepted) && !($5 in seen) {
      seen[$5] = 1; ok++; printf "%.3f\n", ($4 - sent[$5]) * 1000 > lat
      if ($4 > last) last = $4
    }
    END { print started + 0, acc + 0, ok + 0 > detail; printf "%d %d %.3f\n", ok, started, (ok ? last - first : 0) }' \
    "$logf" "$watcher_log" >"$dir/summary.txt"
  [ -f "$dir/latency_ms.txt" ] || : >"$dir/latency_ms.txt"
  local ok started window challenged=0
  read -r ok started window <"$dir/summary.txt"
  [ -z "$msgs" ] || challenged=$(awk -F'\t' '$4 == "R" && $7 ~ /^SIP\/2\.0 407/' "$msgs" | wc -l)
  echo "$ok $challenged $started $((started - ok)) $(sipp_stat "$dir" 58) $window $(percentiles "$dir/latency_ms.txt")"
}

# ---------------------------------------------------------------------------------------------------
# scenario "message"

# run_message DIR PORT RATE CALLS [sipp options]: CALLS MESSAGEs at RATE, senders and targets cycling
run_message() {
  local dir=$1 port=$2 rate=$3 calls=$4; shift 4
  sipp_requests "$dir" "$port" "$rate" "$calls" "$bench/sipp/message-auth.xml" "$pairs_csv" "$@"
}

# ---------------------------------------------------------------------------------------------------
# what lib.sh's ramp calls: run_sipp and analyse of the scenario being measured (scenario=publish|message)

run_sipp() { "run_$scenario" "$@"; }
analyse() { if [ "$scenario" = publish ]; then analyse_publish "$1"; else analyse_challenged "$1" 407; fi; }

# probe NAME PORT: one transaction of the scenario with SIPp's full message trace; prints whether and how
# it authenticated, or records why the peer cannot be measured (skip) and fails
probe() {
  local name=$1 port=$2 trace final method
  case "$scenario" in publish) method=PUBLISH ;; *) method=MESSAGE ;; esac
  trace=$(probe_trace "$name" "$port") || exit 1
  # the first final answer other than the challenge
  final=$(tr -d '\r' <"$trace" | awk '/^SIP\/2\.0 [2-6][0-9][0-9]/ && !/ 407 / { print; exit }')
  case "$final" in
    "SIP/2.0 501"*) skip "$name" "it answered the $method '${final#SIP/2.0 }': this build has no $([ "$method" = PUBLISH ] && echo "presence server" || echo "MESSAGE relay") yet (presence-app answers 501 before issue 10); nothing to measure (trace: $trace)" ;;
    "SIP/2.0 200"*) ;;
    "") skip "$name" "the probe $method got no final answer (trace: $trace)" ;;
    *) skip "$name" "the probe $method was answered '${final#SIP/2.0 }' (trace: $trace)" ;;
  esac
  if [ "$scenario" = publish ]; then
    local d
    analyse_publish "$out/$name/probe" >/dev/null
    read -r _ _ d <"$out/$name/probe/detail.txt"
    [ "$d" -ge 1 ] || skip "$name" "the probe PUBLISH was accepted but its watcher got no NOTIFY carrying it (watchers' log: $watcher_log; trace: $trace)"
  fi
  probe_auth "$name" "$trace" 407 "$method"
}

# initial_publications NAME PORT: every presentity published once (entity tags for the steps), each with its
# NOTIFY; a round that misses some (a busy machine) is run again, three rounds at most; only inside
# ( ... ): skips the peer when the last still misses some
initial_publications() {
  local name=$1 port=$2 dir rate=200 round started accepted notified
  [ "$users" -ge "$rate" ] || rate=$users
  for round in 1 2 3; do
    dir="$out/$name/initial-$round"
    log "$name: every presentity publishes (${rate}/s), round $round"
    run_publish "$dir" "$port" "$rate" "$users" || skip "$name" "SIPp failed in the initial publications (see $dir)"
    analyse_publish "$dir" >/dev/null
    read -r started accepted notified <"$dir/detail.txt"
    log "$name: $accepted of $started publications accepted, $notified notified"
    [ "$notified" -lt "$users" ] || return 0
  done
  skip "$name" "only $accepted of $users initial publications accepted and $notified notified in round $round (see $dir, $watcher_log)"
}

# ---------------------------------------------------------------------------------------------------
# one peer

# bench_scenario PEER PORT PID: the scenario (scenario=...) measured on the peer, in OUT/PEER-SCENARIO
bench_scenario() {
  local peer=$1 port=$2 pid=$3 name="$1-$scenario" auth steps=$steps
  local dir="$out/$name"
  mkdir -p "$dir"
  rm -f "$dir/not-measured.txt" "$dir/notes.txt"
  if [ "$scenario" = publish ]; then
    unit="PUBLISH modifications"
    cur_etags="$dir/etags"; : >"$cur_etags"
    start_watchers "$name" "$port"
    (await_watchers "$name") || { stop_uas "$name" watchers; return 0; }
  else
    steps=$message_steps unit=MESSAGEs
    (register_from "$name" "$port" targets "$targets_csv" "$users" "$target_port") || return 0
    start_uas "$name" target "$bench/sipp/message-uas.xml" "$target_port" 10000
  fi
  if auth=$(probe "$name" "$port") && { [ "$scenario" = message ] || (initial_publications "$name" "$port"); }; then
    echo "$auth" >"$dir/auth.txt"
    log "$name authentication: $auth"
    warm_up "$name" "$port" "$pid"
    ramp "$name" "$port" "$pid"
  fi
  if [ "$scenario" = publish ]; then stop_uas "$name" watchers; else stop_uas "$name" target; fi
  [ "$peer" != kamailio ] || kamailio_notes "$name"
}

# bench_peer PEER PORT PID: each scenario in turn
bench_peer() {
  for scenario in $scenarios; do bench_scenario "$@"; done
}

# ---------------------------------------------------------------------------------------------------
# report

# print_publish_detail NAME: per step, what became of the PUBLISHes (analyse_publish's detail.txt)
print_publish_detail() {
  local f="$out/$1/results.txt" rate rest d started accepted notified
  [ -f "$f" ] && [ ! -f "$out/$1/not-measured.txt" ] || return 0
  printf '%9s %9s %9s %9s %9s %9s  %s\n' offered/s started accepted rejected notified missing "(PUBLISHes of each step: 200 received; NOTIFY with its token received)"
  while read -r rate rest; do
    d="$out/$1/step-$rate"
    case "$rest" in *"(2nd try)"*) d="$d-retry" ;; esac
    read -r started accepted notified <"$d/detail.txt" 2>/dev/null || continue
    printf '%9s %9s %9s %9s %9s %9s\n' "$rate" "$started" "$accepted" $((started - accepted)) "$notified" $((accepted - notified))
  done <"$f"
}

# report_scenario SCENARIO STEPS METHOD PER LATENCY RATE: its tables, the sustained rates and the ratios
report_scenario() {
  local s=$1 steps=$2 p names=""
  for p in $peers; do names="${names:+$names }$p-$s"; done
  for p in $names; do
    print_peer_table "$p" 407s "ms/$4"
    [ "$s" != publish ] || print_publish_detail "$p"
  done
  echo
  sustained "platform-$s" "kamailio-$s" "$3/s" "$3" 100 "$5"
  if [ "$peers" = "$all_peers" ]; then
    ratio "ratio platform/Kamailio, $6 (target: at least 1.0)" "$sustained_platform" "$sustained_kamailio" "%.2f"
    ratio "CPU per $3, platform/Kamailio" "$cpu_platform" "$cpu_kamailio" "%.1f"
  fi
  last_step_notes $names
}

report() {
  local s
  echo
  echo "Presence benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $users presentities each watched by one of $users"
  echo "watchers ($((2 * users)) accounts), $sipp_version on UDP over loopback; steps of ${duration}s; a step passes with"
  echo "<= ${max_fail_pct}% failed, p99 <= ${max_p99} ms and >= ${min_achieved_pct}% of the offered rate achieved."
  if [ "$warmup" -gt 0 ] && [ "$warmup_rate" -gt 0 ]; then
    echo "Warm-up before each scenario's first step, the same for every peer, not counted: ${warmup}s, $(warmup_plan_text)."
  fi
  echo "CPU over the step, 100% = one core: peer% = the peer's processes, sipp% = the SIPp sending and the SIPp of"
  echo "the watchers / targets, all% = the machine (200% = both cores); retrans = the sender's retransmissions."
  for s in $scenarios; do
    echo
    if [ "$s" = publish ]; then
      echo "=== PUBLISH (modify, digest) -> NOTIFY to the presentity's watcher. ok = PUBLISHes accepted whose NOTIFY"
      echo "reached the watcher; failed = the others; p50..max_ms = NOTIFY latency, the PUBLISH's first send (before"
      echo "its 407) -> the NOTIFY carrying its token received; achieved/s = ok / (first PUBLISH -> last NOTIFY);"
      echo "ms/pub = the peer's CPU ms per ok PUBLISH (its NOTIFY included). Each presentity publishes every"
      echo "$users/RATE s (round-robin); platform presence.notify.min.interval=${notify_interval}s, Kamailio has no such limit."
      report_scenario publish "$steps" PUBLISH pub "NOTIFY latency" "PUBLISH/s with every NOTIFY delivered"
    else
      echo "=== MESSAGE (digest) to an online user, answered 200 by its phone (a SIPp registered as the $users"
      echo "targets). p50..max_ms = delivery time, first MESSAGE sent (before its 407) -> the target's 200 received;"
      echo "ms/msg = the peer's CPU ms per delivered MESSAGE."
      report_scenario message "$message_steps" MESSAGE msg "delivery time" "MESSAGE/s"
    fi
  done
  echo
  [ "$idle_load" -le 20 ] || echo "WARNING: other processes used ${idle_load}% of a core just before the run: figures are low and noisy."
  echo "Caveats: both SIPps, the peer and everything else on this machine share its $(nproc) cores (see sipp% and all%)."
  echo "Durability: Kamailio writes every publication and subscription through to SQLite (WAL, fsync per commit)"
  echo "before answering; issue 10 asks the same of the platform's store (H2 by default, written without fsync)."
  echo "Digest: $sipp_version answers $sipp_algorithms and always the first challenge; one SIPp, one UDP socket,"
  echo "stands for all the phones of each side."
}

# ---------------------------------------------------------------------------------------------------
# main

run_peers "-Dpresence.notify.min.interval=$notify_interval"

#!/usr/bin/env bash
# Call benchmark: calls through our platform's B2BUA against Kamailio as a proxy, side by side, on loopback.
#
#   bench/call-bench.sh [--only "PEER ..."] [--steps "50 100 200"] [--duration SECONDS] [--hold-ms MS]
#                       [--no-auth] [--users N] [--max-p99 MS] [--warmup SECONDS] [--warmup-rate N]
#                       [--held [--held-calls N] [--held-rate N] [--held-seconds S]]
#                       [--out DIR] [--platform-opts "JVM OPTIONS"] [--kamailio-children N] [--keep]
#
#   SIPp caller (sipp/call-auth.xml) -> peer -> SIPp callee (sipp/call-uas.xml)
#
# Two peers, one after the other, each on 127.0.0.1 with the same users (half of them callers, half callees):
#   platform  our platform: the B2BUA (b2bua-app) with the registrar, from a throwaway data directory,
#             the accounts created through the console's REST API
#   kamailio  Kamailio 5.6 with bench/kamailio/kamailio.cfg -A PROXY: record-routing transaction-stateful
#             proxy (tm, rr), digest authentication, usrloc in memory
# For each: the callees registered (sipp/register-auth.xml sent from the callee's address, with digest),
# the callee started, one probe call, a warm-up, then SIPp's call rate stepped up, each step DURATION seconds
# of calls held --hold-ms each, until a step has more than 0.1 % failed calls, a p99 setup time (first
# INVITE sent -> 200 OK received, the 407 round trip included) above --max-p99, or an achieved rate below
# 95 % of the offered one (a failed step is run once more; its second failure ends the ramp). Prints one
# table per peer, the maximum sustained calls/s with its setup time p50/p99, the peer's CPU per call (from
# /proc), and the ratios platform/Kamailio (also in OUT/report.txt). A peer that cannot be measured (the
# platform answering INVITE 501 while it has no B2BUA) is reported as NOT MEASURED with the reason.
# With --held, instead of the ramp: --held-calls calls set up at --held-rate and held together for
# --held-seconds, the peer's memory (the platform: heap from jcmd GC.heap_info, before and after a full GC)
# and threads printed before and during the hold.
# Every process it starts is stopped on exit, Ctrl-C and SIGTERM included. See bench/README.md.
#
# Options:
#   --only "PEER ..."         the peers to run, separated by spaces or commas: platform, kamailio (default both)
#   --steps "R1 R2 ..."       offered calls/s per step (default: 50 100 200 300 400 500 600 800 1000 1200 1500
#                             2000 2500 3000)
#   --duration SECONDS        calls started during each step (default 10)
#   --hold-ms MS              how long each call of the ramp stays up before the caller's BYE (default 1000)
#   --no-auth                 do not require a 407 challenge; Kamailio then runs without authentication too
#   --users N                 accounts (default 2000): the first half call, the second half are called
#   --max-p99 MS              p99 setup time above which a step fails (default 200)
#   --warmup SECONDS          warm-up before the first step, not counted (default 60; 0: none), ramped in four
#                             parts at 25/50/75/100 % of the warm-up rate, the same for every peer
#   --warmup-rate N           rate of the warm-up's last part (default: the first step's)
#   --held                    the held-calls test instead of the ramp
#   --held-calls N            calls held together (default 5000)
#   --held-rate N             calls/s while they are set up (default 100)
#   --held-seconds S          seconds all of them are up together (default 30, at least 15: the samples are
#                             taken in them); each call lasts N / RATE + S seconds
#   --out DIR                 where logs and results go (default bench/out/calls-<date-time>)
#   --platform-opts "..."     JVM options for the platform after those of conf/jvm.options
#   --kamailio-children N     UDP worker processes of Kamailio (default 2)
#   --keep                    keep the platform's data directory
#
# Environment: SIPP (default sipp; Debian's SIPp 3.6 answers MD5 only), JAVA (default java), JCMD (default
# jcmd next to JAVA, else on the PATH), and the ports PLATFORM_SIP_PORT (25060), PLATFORM_HTTP_PORT (28080),
# KAMAILIO_PORT (25070), SIPP_PORT (25090, the caller), SIPP_CALLEE_PORT (25091).
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bench_name=call-bench
# shellcheck source=bench/lib.sh
. "$bench/lib.sh"
caller_scenario="$bench/sipp/call-auth.xml"
callee_scenario="$bench/sipp/call-uas.xml"

steps="50 100 200 300 400 500 600 800 1000 1200 1500 2000 2500 3000"
hold_ms=1000
users=2000
held=false
held_calls=5000
held_rate=100
held_seconds=30

callee_port=${SIPP_CALLEE_PORT:-25091}

all_peers="platform kamailio"
while [ $# -gt 0 ]; do
  consumed=1
  case "$1" in
    --hold-ms) hold_ms=${2:?--hold-ms needs milliseconds}; consumed=2 ;;
    --held) held=true ;;
    --held-calls) held_calls=${2:?--held-calls needs a number}; consumed=2 ;;
    --held-rate) held_rate=${2:?--held-rate needs a rate}; consumed=2 ;;
    --held-seconds) held_seconds=${2:?--held-seconds needs seconds}; consumed=2 ;;
    *) bench_option "$@" ;;
  esac
  shift "$consumed"
done
common_options
whole_numbers $duration $hold_ms $users $max_p99 $warmup $warmup_rate $held_calls $held_rate $held_seconds $kamailio_children $steps
[ "$users" -ge 2 ] || die "--users: at least 2 (a caller and a callee)"
[ "$kamailio_children" -gt 0 ] || die "Kamailio needs at least one worker"
[ "$held_rate" -gt 0 ] && [ "$held_calls" -gt 0 ] || die "--held-calls and --held-rate must be above 0"
# the samples take up to 15 s after the last call is set up (3 s for its answer, the memory, 5 s of CPU)
[ "$held_seconds" -ge 15 ] || die "--held-seconds: at least 15 (the time the samples take)"
if $held; then
  # every call stays up until the last one is set up, and then --held-seconds more
  hold_ms=$(( ( (held_calls + held_rate - 1) / held_rate + held_seconds) * 1000 ))
fi
# the callee waits for a call's BYE this long at most
callee_timeout_ms=$((hold_ms + 60000))
unit="calls held $hold_ms ms"

need_sipp
need_pkg curl curl
need_pkg ss iproute2
case " $peers " in *" kamailio "*) need_pkg kamailio kamailio ;; esac
case " $peers " in *" platform "*)
  need_platform_build
  JCMD=${JCMD:-$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd}
  [ -x "$JCMD" ] || JCMD=$(command -v jcmd || true)
  if $held && [ -z "$JCMD" ]; then die "jcmd not found (the JDK's; JCMD=/path/to/jcmd)"; fi ;;
esac
# Kamailio challenges with what SIPp can answer, like the platform (need_sipp)
case "$sipp_algorithms" in *SHA-256*) kamailio_algorithm=SHA-256 ;; *) kamailio_algorithm=MD5 ;; esac

out_dir "calls-$(date +%Y%m%d-%H%M%S)"
for p in $sipp_port $callee_port; do port_free udp "$p" || die "UDP port $p (SIPp) is in use: set SIPP_PORT / SIPP_CALLEE_PORT"; done

# ---------------------------------------------------------------------------------------------------
# users: the first half call the second half, user i the callee i (cycling)

users_csv="$out/users.csv"
"$bench/generate-users.sh" --count "$users" --out "$users_csv"
callers=$((users / 2))
callees=$((users - callers))
callees_csv="$out/callees.csv"
calls_csv="$out/calls.csv"
awk -F';' -v callers="$callers" -v callees="$callees_csv" -v calls="$calls_csv" '
  NR == 1 { print > callees; print > calls; next }
  NR - 1 <= callers { caller[NR - 1] = $1 ";" $2; next }
  { print > callees; callee[++n] = $1 }
  END { for (i = 1; i <= callers; i++) print caller[i] ";" callee[(i - 1) % n + 1] > calls }' "$users_csv"

# ---------------------------------------------------------------------------------------------------
# peers

start_kamailio() { start_kamailio_peer "record-routing stateful proxy" -A PROXY; }

peer_label() {
  case "$1" in
    platform) echo "B2BUA" ;;
    kamailio) echo "record-routing stateful proxy: tm, rr, usrloc in memory, $(workers "$kamailio_children")" ;;
  esac
}

# ---------------------------------------------------------------------------------------------------
# measuring

# caller_args PORT RATE CALLS: sets caller (an array), SIPp's arguments for CALLS calls at RATE, each held
# hold_ms, with the message trace (microsecond timestamps) and statistics once a second
caller_args() {
  local port=$1 rate=$2 calls=$3
  local secs=$(( (calls + rate - 1) / rate )) hold_s=$(( (hold_ms + 999) / 1000 ))
  caller=("127.0.0.1:$port" -sf "$caller_scenario" -inf "$calls_csv" -key domain "$domain"
    -i 127.0.0.1 -p "$sipp_port" -t u1 -r "$rate" -m "$calls" -d "$hold_ms" -l $((rate * (hold_s + 6) + 100))
    -buff_size 4194304 -recv_timeout 5000 -timeout "$((secs + hold_s + 30))s" -nostdin -nd
    -trace_shortmsg -trace_stat -fd 1 -trace_counts -trace_err)
}

# run_sipp DIR PORT RATE CALLS [sipp options]: one caller run
run_sipp() {
  local dir=$1 port=$2 rate=$3 calls=$4; shift 4
  caller_args "$port" "$rate" "$calls"
  sipp_exec "$dir" "${caller[@]}" "$@"
}

# analyse DIR: "ok challenged started failed retrans window_s p50 p90 p99 max" of a caller run: ok = calls
# completed (BYE answered 200), setup time = first INVITE sent -> its 200 received (from the message
# trace; SIPp 3.6's own rtd timer reads CLOCK_MONOTONIC_COARSE, 4 ms steps here), window = first INVITE
# sent -> last 200 to an INVITE received
analyse() {
  local dir=$1 msgs
  msgs=$(ls "$dir"/*_shortmessages.log 2>/dev/null | head -1 || true)
  [ -n "$msgs" ] || { echo "0 0 0 0 0 0 - - - -"; return; }
  awk -F'\t' -v lat="$dir/setup_ms.txt" '
    $4 == "S" && $6 ~ /^CSeq: *1 INVITE/ && !($5 in t0) { t0[$5] = $3; if (first == "" || $3 < first) first = $3 }
    $4 == "R" && $7 ~ /^SIP\/2\.0 407/ && ($5 in t0) && !($5 in ch) { ch[$5] = 1; challenged++ }
    $4 == "R" && $6 ~ /INVITE$/ && $7 ~ /^SIP\/2\.0 200/ && !($5 in up) && ($5 in t0) {
      up[$5] = 1; printf "%.3f\n", ($3 - t0[$5]) * 1000 > lat
      if ($3 > last) last = $3
    }
    END { printf "%d %.3f\n", challenged, (last ? last - first : 0) }' "$msgs" >"$dir/summary.txt"
  [ -f "$dir/setup_ms.txt" ] || : >"$dir/setup_ms.txt"
  local challenged window ok started
  read -r challenged window <"$dir/summary.txt"
  ok=$(sipp_stat "$dir" 16)
  started=$(sipp_stat "$dir" 12)
  echo "$ok $challenged $started $((started - ok)) $(sipp_stat "$dir" 58) $window $(percentiles "$dir/setup_ms.txt")"
}

# probe PEER PORT: one call with the full message trace; prints whether and how it authenticated, or
# records why the peer cannot be measured (skip) and fails
probe() {
  local peer=$1 port=$2 dir="$out/$1/probe" trace
  # a short call, in the held-calls test too (caller_args reads hold_ms)
  local hold_ms=1000
  trace=$(probe_trace "$peer" "$port") || exit 1
  # the first final answer to an INVITE other than the challenge
  local final
  final=$(tr -d '\r' <"$trace" | awk '/^SIP\/2\.0 [2-6][0-9][0-9]/ { s = $0 } /^CSeq:.*INVITE/ && s != "" { if (s !~ / 407 /) { print s; exit } s = "" }')
  case "$final" in
    "SIP/2.0 501"*)
      skip "$peer" "it answered the INVITE '${final#SIP/2.0 }': this build does not handle calls (no B2BUA yet: b2bua-app still answers 501, issue 9); nothing to measure (trace: $trace)" ;;
    "SIP/2.0 2"*) ;;
    "") skip "$peer" "the probe call got no final answer to its INVITE (trace: $trace)" ;;
    *) skip "$peer" "the probe call was answered '${final#SIP/2.0 }' (trace: $trace)" ;;
  esac
  [ "$(sipp_stat "$dir" 16)" = 1 ] || skip "$peer" "the probe call was answered but did not complete (ACK, BYE and its 200; trace: $trace)"
  probe_auth "$peer" "$trace" 407 INVITE
}

# ---------------------------------------------------------------------------------------------------
# held calls

# memory_sample PEER PID: "key=value ..." of the peer's memory and threads now. The platform: the heap as
# jcmd GC.heap_info reports it (used, committed), then again after a full GC (GC.run: the live heap),
# threads and RSS from /proc. Kamailio: its processes and the sum of their proportional set sizes (Pss:
# shared memory counted once), from /proc
memory_sample() {
  local peer=$1 pid=$2
  if [ "$peer" = platform ]; then
    local used committed live threads rss
    read -r committed used <<<"$(heap_kb "$pid")"
    "$JCMD" "$pid" GC.run >/dev/null 2>&1 || true
    read -r _ live <<<"$(heap_kb "$pid")"
    threads=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status")
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    echo "heap_used_mb=$((used / 1024)) heap_live_mb=$((live / 1024)) heap_committed_mb=$((committed / 1024)) threads=$threads rss_mb=$((rss / 1024))"
  else
    local p n=0 pss=0 k
    for p in $pid $(pgrep -P "$pid" 2>/dev/null || true); do
      k=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
      pss=$((pss + ${k:-0})); n=$((n + 1))
    done
    echo "processes=$n pss_mb=$((pss / 1024))"
  fi
}

# heap_kb PID: "committed used" KB of the JVM's heap (jcmd GC.heap_info's first line, e.g. " garbage-first
# heap   total 262144K, used 51200K [...]")
heap_kb() {
  local v
  v=$("$JCMD" "$1" GC.heap_info 2>/dev/null | awk '/ heap .*total/ {
    for (i = 1; i <= NF; i++) { if ($i == "total") t = $(i + 1); if ($i == "used") u = $(i + 1) }
    gsub(/[^0-9]/, "", t); gsub(/[^0-9]/, "", u); print t, u; exit }')
  echo "${v:-0 0}"
}

# held_test PEER PORT PID: held_calls calls set up at held_rate, all up together for held_seconds; the
# peer's memory and threads before and during the hold, and its CPU while it only holds them
held_test() {
  local peer=$1 port=$2 pid=$3 dir="$out/$1/held" f="$out/$1/held.txt"
  local ramp_s=$(( (held_calls + held_rate - 1) / held_rate )) i up failed before during a b
  before=$(memory_sample "$peer" "$pid")
  log "$peer: before the calls: $before"
  log "$peer: $held_calls calls at ${held_rate}/s, each ${hold_ms} ms long (all up together for ${held_seconds}s)"
  caller_args "$port" "$held_rate" "$held_calls"
  sipp_start "$dir" "${caller[@]}"
  # every call created ($ramp_s s), then a few seconds for the last ones to be answered
  for ((i = 0; i < ramp_s + 60; i++)); do
    sleep 1
    kill -0 "$sipp_pid" 2>/dev/null || break
    [ "$(sipp_stat "$dir" 12)" -ge "$held_calls" ] && break
  done
  sleep 3
  during=$(memory_sample "$peer" "$pid")
  log "$peer: during the hold: $during; its CPU over 5 s"
  a=$(proc_ticks "$pid"); sleep 5; b=$(proc_ticks "$pid")
  # calls up after the samples (none has ended yet: each lasts until held_seconds after the last set-up)
  up=$(sipp_stat "$dir" 14); failed=$(sipp_stat "$dir" 18)
  log "$peer: $up calls up, $failed failed"
  log "$peer: waiting for the calls to end (BYE)"
  sipp_wait "$dir" || die "$peer: SIPp failed in the held-calls test"
  peer_exited "$peer" "$pid" "during the held-calls test" || true
  {
    echo "calls=$held_calls rate=$held_rate hold_ms=$hold_ms up=$up failed_before=$failed completed=$(sipp_stat "$dir" 16) failed=$(sipp_stat "$dir" 18) retrans=$(sipp_stat "$dir" 58) cpu=$(cpu_pct $((b - a)) 5000)"
    echo "before $before"
    echo "during $during"
  } >"$f"
}

# print_held PEER: the held-calls test's figures
print_held() {
  local f="$out/$1/held.txt"
  echo
  if [ -f "$out/$1/not-measured.txt" ]; then
    echo "== $1: NOT MEASURED: $(cat "$out/$1/not-measured.txt")"
    return 0
  fi
  echo "== $1 ($(peer_label "$1"); $(cat "$out/$1/auth.txt")): held calls"
  awk '
    function kv(line, into,  i, p) { for (i = 2; i <= NF; i++) { split($i, p, "="); into[p[1]] = p[2]; if (line) key[i] = p[1] } }
    NR == 1 { $0 = "x " $0; kv(0, v) }
    $1 == "before" { kv(1, b); n = NF }
    $1 == "during" { kv(0, d) }
    END {
      printf "%d calls set up at %d/s, each held %d ms: %d up together (%d failed before the hold); the peer used %s%% of a core holding them\n", v["calls"], v["rate"], v["hold_ms"], v["up"], v["failed_before"], v["cpu"]
      printf "in the end %d completed, %d failed, %d retransmissions\n", v["completed"], v["failed"], v["retrans"]
      printf "%-20s %10s %10s %14s\n", "", "before", "during", "per held call"
      for (i = 2; i <= n; i++) {
        per = (v["up"] > 0 && key[i] ~ /_mb$/) ? sprintf("%.1f KB", 1024 * (d[key[i]] - b[key[i]]) / v["up"]) : ""
        printf "%-20s %10s %10s %14s\n", key[i], b[key[i]], d[key[i]], per
      }
    }' "$f"
  [ ! -f "$out/$1/notes.txt" ] || sed 's/^/note: /' "$out/$1/notes.txt"
}

# ---------------------------------------------------------------------------------------------------
# one peer

# bench_peer PEER PORT PID: callees registered and answering, a probe call, then the ramp (or the
# held-calls test)
bench_peer() {
  local peer=$1 port=$2 pid=$3 dir="$out/$1" auth
  mkdir -p "$dir"
  rm -f "$dir/not-measured.txt" "$dir/notes.txt"
  (register_from "$peer" "$port" callees "$callees_csv" "$callees" "$callee_port") || return 0
  start_uas "$peer" callee "$callee_scenario" "$callee_port" "$callee_timeout_ms"
  if auth=$(probe "$peer" "$port"); then
    echo "$auth" >"$dir/auth.txt"
    log "$peer authentication: $auth"
    if $held; then
      held_test "$peer" "$port" "$pid"
    else
      warm_up "$peer" "$port" "$pid"
      ramp "$peer" "$port" "$pid"
    fi
  fi
  stop_uas "$peer" callee
}

# ---------------------------------------------------------------------------------------------------
# report

report() {
  local p
  echo
  echo "Call benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $callers callers calling $callees registered callees,"
  echo "$sipp_version on UDP over loopback: SIPp caller -> peer -> SIPp callee."
  if $held; then
    echo "Held calls: $held_calls calls set up at ${held_rate}/s and held together for ${held_seconds}s; memory before"
    echo "the calls and during the hold (the platform: jcmd GC.heap_info, live = after a full GC; Kamailio: Pss)."
    for p in $peers; do print_held "$p"; done
    return 0
  fi
  echo "Each call: INVITE, 407, ACK, INVITE with credentials, 180, 200, ACK, ${hold_ms} ms up, BYE, 200; steps of ${duration}s of"
  echo "calls; a step passes with <= ${max_fail_pct}% failed calls, p99 setup <= ${max_p99} ms and >= ${min_achieved_pct}% of the offered rate achieved."
  if [ "$warmup" -gt 0 ] && [ "$warmup_rate" -gt 0 ]; then
    echo "Warm-up before the first step, the same for every peer, not counted: ${warmup}s, $(warmup_plan_text)."
  fi
  echo "achieved/s = completed calls / (first INVITE sent -> last INVITE answered); setup time (p50..max_ms) = first"
  echo "INVITE sent -> 200 OK received, the 407 round trip included (SIPp's message trace, microseconds); CPU over the"
  echo "step, 100% = one core: peer% = the peer's processes, sipp% = both SIPps, all% = the machine (200% = both cores);"
  echo "ms/call = the peer's CPU milliseconds per completed call; retrans = SIPp's retransmissions (500 ms unanswered)."
  for p in $peers; do print_peer_table "$p" 407s ms/call; done
  echo
  sustained platform kamailio calls/s call 100 "setup time"
  if [ "$peers" = "$all_peers" ]; then
    ratio "ratio platform/Kamailio, calls/s (target: at least 0.5)" "$sustained_platform" "$sustained_kamailio" "%.2f"
    ratio "CPU per call, platform/Kamailio" "$cpu_platform" "$cpu_kamailio" "%.1f"
  fi
  report_warnings
  echo "Caveats: both SIPps, the peer and everything else on this machine share its $(nproc) cores (see sipp% and all%)."
  echo "The work differs: a B2BUA runs two dialogs per call (its own leg to the callee) and keeps the call's state"
  echo "while it lasts; the proxy relays one dialog and keeps only transaction state (no dialog module)."
  echo "Digest: $sipp_version answers $sipp_algorithms and always the first challenge."
}

# ---------------------------------------------------------------------------------------------------
# main

run_peers

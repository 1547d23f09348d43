#!/bin/sh
# Runs inside the booted test image (kiosk-boot-check.service), never on a terminal: drives the
# installed kiosk service the way a hall's bad day would and reports on the serial console.
# Lines: "BOOTCHECK SHOT <name>" (the host takes a screendump now), "BOOTCHECK <key>=<value>",
# "BOOTCHECK FAIL <why>", "BOOTCHECK RESULT <json>".
UNIT=exhibition-kiosk.service
LOG=/var/lib/exhibition-kiosk/state/exhibition-kiosk/logs/kiosk.log
RUNS=/var/lib/exhibition-kiosk/state/exhibition-kiosk/runs.json
exec >/dev/ttyS1 2>&1  # its own port: the serial getty on ttyS0 hangs up earlier openers
say() { echo "BOOTCHECK $*"; }
now() { cut -d' ' -f1 /proc/uptime; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
prop() { systemctl show -p "$1" --value "$UNIT"; }
fails=0
fail() { say "FAIL $*"; fails=$((fails + 1)); }
shot() { say "SHOT $1"; sleep 4; }  # the host's screendump takes well under a second

# Wait until the unit is active (the kiosk's READY=1, sent after its first frame) with a main
# process other than $1; give up after $2 seconds. (sh has no locals: w_* names are its own.)
wait_active() {
    w_start=$(now)
    w_note=30
    while :; do
        w_state=$(prop ActiveState)
        w_pid=$(prop MainPID)
        if [ "$w_state" = active ] && [ "$w_pid" != 0 ] && [ "$w_pid" != "$1" ]; then
            return 0
        fi
        if [ "$(awk -v a="$w_start" -v b="$(now)" -v t="$2" 'BEGIN { print (b - a > t) }')" = 1 ]; then
            return 1
        fi
        w_waited=$(since "$w_start")
        if [ "${w_waited%.*}" -ge "$w_note" ]; then  # a note every 30 s while waiting
            w_note=$((${w_waited%.*} + 30))
            say "waiting $w_waited s: $w_state/$(prop SubState) pid $w_pid, $(prop NRestarts) restarts"
            journalctl -b --no-pager -n 5 -u "$UNIT" -u exhibition-kiosk-display.service | sed 's/^/  /'
        fi
        sleep 0.2
    done
}

# 1. Boot to Home: the unit turns active at the kiosk's first frame.
if wait_active 0 900; then
    boot=$(awk -v us="$(prop ActiveEnterTimestampMonotonic)" 'BEGIN { printf "%.1f", us / 1e6 }')
    say "boot_to_home_s=$boot"
    say "status=$(systemctl status "$UNIT" | sed -n 's/^ *Active: //p' | cut -c1-60)"
    [ "$(prop SubState)" = running ] || fail "the unit is not running: $(prop SubState)"
else
    fail "the kiosk never became active: $(systemctl status "$UNIT" --no-pager 2>&1 | head -20)"
    journalctl -b --no-pager -u "$UNIT" -u exhibition-kiosk-display.service | tail -40
fi
sleep 20  # Home's entrance animations (slow under emulation)
shot home

# 2. A crash: kill -9 of the kiosk. Back on screen (READY again) after how long?
pid=$(prop MainPID)
start=$(now)
kill -9 "$pid"
if wait_active "$pid" 300; then say "kill9_back_s=$(since "$start")"; else fail "not back after kill -9"; fi
sleep 15
shot after-kill

# 3. A freeze: SIGSTOP. The watchdog (WatchdogSec=30) must end it and start a new one.
pid=$(prop MainPID)
start=$(now)
kill -STOP "$pid"
if wait_active "$pid" 300; then say "watchdog_back_s=$(since "$start")"; else fail "a frozen kiosk was not restarted"; fi
if kill -0 "$pid" 2>/dev/null; then fail "the frozen kiosk $pid is still there (an orphan)"; fi
say "kiosk_processes=$(pgrep -u exhibition-kiosk | wc -l)"
[ "$(pgrep -u exhibition-kiosk | wc -l)" = 1 ] || fail "not exactly one process of the kiosk's user: $(pgrep -a -u exhibition-kiosk)"
journalctl -b --no-pager -u "$UNIT" | grep -q "Watchdog timeout" || fail "systemd logged no watchdog timeout"

# 4. Five restarts by systemd in a row: clean stops, never counted as crashes.
total=0
for i in 1 2 3 4 5; do
    start=$(now)
    systemctl restart "$UNIT" || fail "restart $i failed"
    took=$(since "$start")
    total=$(awk -v a="$total" -v b="$took" 'BEGIN { print a + b }')
done
say "restart_s=$(awk -v t="$total" 'BEGIN { printf "%.1f", t / 5 }')"
[ "$(prop ActiveState)" = active ] || fail "not active after five restarts"
safe=$(grep -c "safe mode" "$LOG" 2>/dev/null || true)
say "safe_mode_lines=${safe:-0}"
[ "${safe:-0}" = 0 ] || fail "the kiosk went into safe mode: $(grep 'safe mode' "$LOG" | tail -1)"
say "runs=$(cat "$RUNS" 2>/dev/null)"
if [ "$fails" != 0 ]; then  # what systemd and the kiosk said about each start and stop
    journalctl -b --no-pager -o short-precise -u "$UNIT" \
        | grep -E 'Killing|timed out|Main process exited|Failed with|Watchdog|Stopping|Started|Consumed' \
        | tail -40 | sed 's/^/  journal: /'
    grep -E 'starting|exits with|stopped by|safe mode|crash|Traceback|Error' "$LOG" | tail -40 \
        | sed 's/^/  kiosk.log: /'
fi
sleep 15
shot final

# 5. What an integrator checks on the box.
journalctl -b --no-pager | grep -q "Got notification message.*ignoring" \
    && fail "systemd ignored a notification: $(journalctl -b --no-pager | grep 'ignoring' | tail -1)"
enabled=$(systemctl is-enabled "$UNIT" 2>&1)
say "enabled=$enabled"
[ "$enabled" = enabled ] || fail "the unit is not enabled: $enabled"
grep -q DontVTSwitch /var/log/Xorg.7.log 2>/dev/null && say "xorg_config=ok"
say "RESULT {\"fails\": $fails}"
sync
systemctl poweroff

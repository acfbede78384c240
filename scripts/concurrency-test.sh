#!/usr/bin/env bash
# Concurrency: several processes create offers, add lines, issue and accept them on one database at
# the same time. Every command must succeed (no "database is locked" reaching the user), nothing may
# be lost, and the audit log must hold every change.
#
#   scripts/concurrency-test.sh       # 4 processes × 15 offers (PROCESSES=8 ROUNDS=25 for more)
set -euo pipefail
cd "$(dirname "$0")/.."
PROCESSES=${PROCESSES:-4}
ROUNDS=${ROUNDS:-15}
TOOL=${TOOL:-.build/release/catalogue-cli}
[ -x "$TOOL" ] || swift build -c release --product catalogue-cli >/dev/null
command -v sqlite3 >/dev/null || { echo "concurrency-test: needs the sqlite3 command"; exit 1; }

WORK=$(mktemp -d /tmp/catalogue-concurrency-XXXXXX)
export CATALOGUE_DB="$WORK/shared.sqlite"
"$TOOL" municipality import seeds/municipalities/*.json >/dev/null

worker() {
  local name=$1
  for round in $(seq "$ROUNDS"); do
    out=$(CATALOGUE_USER="$name" "$TOOL" offer create --municipality midden-drenthe --first-year 2025 --years 1 --title "$name-$round" 2>&1) || { echo "$name: $out" >> "$WORK/failures"; continue; }
    id=$(echo "$out" | sed -n 's/^Created offer \([0-9]*\) .*/\1/p')
    for service in robuuste-bibliotheek ido; do
      CATALOGUE_USER="$name" "$TOOL" offer add "$id" --service "$service" >/dev/null 2>>"$WORK/failures" || echo "$name: add $service to $id failed" >> "$WORK/failures"
    done
    CATALOGUE_USER="$name" "$TOOL" offer issue "$id" --date 2025-11-21 --allow-illustrative >/dev/null 2>>"$WORK/failures" || echo "$name: issue $id failed" >> "$WORK/failures"
  done
}
start=$(date +%s%N)
for p in $(seq "$PROCESSES"); do worker "writer-$p" & done
wait
# Then every process accepts its own offers at the same time: each agreement gets its own
# UVO number, allocated inside the transaction that stores it.
accepter() {
  local name=$1
  for id in $(sqlite3 -batch -noheader "$CATALOGUE_DB" "SELECT o.id FROM offers o JOIN audit_log a ON a.entity = 'offer' AND a.entity_id = o.id AND a.action = 'create' WHERE a.who = '$name' AND o.status = 'issued'"); do
    CATALOGUE_USER="$name" "$TOOL" offer accept "$id" --date 2025-11-28 --allow-illustrative >/dev/null 2>>"$WORK/failures" || echo "$name: accept $id failed" >> "$WORK/failures"
  done
}
for p in $(seq "$PROCESSES"); do accepter "writer-$p" & done
wait
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))

q() { sqlite3 -batch -noheader "$CATALOGUE_DB" "$1"; }
expected=$((PROCESSES * ROUNDS))
fail() { echo "concurrency-test: FAILED: $1"; [ -f "$WORK/failures" ] && head -5 "$WORK/failures"; echo "kept: $WORK"; exit 1; }
[ ! -s "$WORK/failures" ] || fail "some commands failed"
grep -q "database is locked" "$WORK/failures" 2>/dev/null && fail "'database is locked' reached the user"
[ "$(q 'PRAGMA integrity_check')" = "ok" ] || fail "integrity_check"
[ "$(q "SELECT COUNT(*) FROM offers")" = "$expected" ] || fail "offers: $(q 'SELECT COUNT(*) FROM offers') of $expected"
[ "$(q "SELECT COUNT(*) FROM offer_lines")" = "$((expected * 2))" ] || fail "lines lost"
[ "$(q "SELECT COUNT(*) FROM quotes")" = "$expected" ] || fail "quotes lost"
[ "$(q "SELECT COUNT(*) FROM audit_log WHERE action = 'edit'")" = "$((expected * 2))" ] || fail "audit log incomplete (edits)"
[ "$(q "SELECT COUNT(*) FROM audit_log WHERE action = 'issue'")" = "$expected" ] || fail "audit log incomplete (issues)"
[ "$(q "SELECT COUNT(DISTINCT who) FROM audit_log WHERE entity = 'offer'")" = "$PROCESSES" ] || fail "audit log: writers"
[ "$(q "SELECT COUNT(DISTINCT reference) FROM agreements")" = "$expected" ] || fail "agreements: $(q 'SELECT COUNT(DISTINCT reference) FROM agreements') distinct numbers of $expected"
grep -q "UNIQUE" "$WORK/failures" 2>/dev/null && fail "a raw UNIQUE constraint error reached the user"
echo "concurrency-test: $PROCESSES processes × $ROUNDS offers in ${elapsed} ms: $expected offers, $((expected * 2)) lines, $expected quotes, $expected agreements with distinct numbers, audit log complete; no command failed."
rm -rf "$WORK"

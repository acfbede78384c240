#!/usr/bin/env bash
# Crash safety: kills catalogue-cli with SIGKILL at random moments while it adds offer lines,
# creates and issues offers, imports profiles and indexes tariff books; then checks that the
# database is intact, that every command that reported success is fully there, that nothing a
# killed command wrote is half there, and that a killed `tariffs index` left either no new book
# or a complete one.
#
#   scripts/crash-test.sh            # 200 kills (KILLS=500 SEED=7 scripts/crash-test.sh for more)
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${KILLS:-200}
RANDOM=${SEED:-20251121}
TOOL=${TOOL:-.build/release/catalogue-cli}
[ -x "$TOOL" ] || swift build -c release --product catalogue-cli >/dev/null
command -v sqlite3 >/dev/null || { echo "crash-test: needs the sqlite3 command (apt-get install sqlite3)"; exit 1; }

WORK=$(mktemp -d /tmp/catalogue-crash-XXXXXX)
DB="$WORK/crash.sqlite"
mkdir -p "$WORK/tariffs"
cp tariffs/2025.json "$WORK/tariffs/"
export CATALOGUE_DB="$DB" CATALOGUE_USER=crash-test
cli() { "$TOOL" "$@" --tariffs "$WORK/tariffs"; }
q() { sqlite3 -batch -noheader "$DB" "$1"; }

"$TOOL" municipality import seeds/municipalities/midden-drenthe.json >/dev/null
cli offer create --municipality midden-drenthe --first-year 2025 --years 1 --title start >/dev/null

completed=0; killed=0
: > "$WORK/succeeded"
for i in $(seq "$KILLS"); do
  draft=$(q "SELECT COALESCE(MAX(id), 1) FROM offers WHERE status = 'draft'")
  case $((RANDOM % 6)) in
    0|1) args=(offer add "$draft" --service maatwerk --level hbo --hours "$i" --description "line-$i" --tariffs "$WORK/tariffs"); tag="line-$i" ;;
    2)   args=(offer create --municipality midden-drenthe --first-year 2025 --years 1 --title "offer-$i" --tariffs "$WORK/tariffs"); tag="offer-$i" ;;
    3)   args=(offer issue "$draft" --date 2025-11-21 --allow-illustrative --tariffs "$WORK/tariffs"); tag="issue-$draft" ;;
    4)   args=(municipality import seeds/municipalities/aa-en-hunze.json seeds/municipalities/meppel.json); tag="import" ;;
    5)   args=(tariffs index --from 2025 --wage "$((RANDOM % 5)).$((RANDOM % 100))" --price 2.1 --replace --tariffs "$WORK/tariffs"); tag="index" ;;
  esac
  "$TOOL" "${args[@]}" > "$WORK/out" 2>&1 &
  pid=$!
  sleep "0.0$((RANDOM % 40))"
  if kill -9 "$pid" 2>/dev/null; then :; fi
  if wait "$pid"; then
    completed=$((completed + 1)); echo "$tag" >> "$WORK/succeeded"
  else
    killed=$((killed + 1))
  fi
done 2>/dev/null

fail() { echo "crash-test: FAILED: $1"; echo "work directory kept: $WORK"; exit 1; }
[ "$(q 'PRAGMA integrity_check')" = "ok" ] || fail "integrity_check is not ok"
[ "$(q 'PRAGMA foreign_key_check' | wc -l)" = "0" ] || fail "foreign keys broken"

# Every command that reported success is fully there.
while read -r tag; do
  case "$tag" in
    line-*)  [ "$(q "SELECT COUNT(*) FROM offer_lines WHERE line LIKE '%\"$tag\"%'")" -ge 1 ] || fail "$tag reported success but is missing" ;;
    offer-*) [ "$(q "SELECT COUNT(*) FROM offers WHERE title = '$tag'")" = "1" ] || fail "$tag reported success but is missing" ;;
    issue-*) [ "$(q "SELECT COUNT(*) FROM quotes WHERE offer_id = ${tag#issue-}")" = "1" ] || fail "$tag reported success but has no quote" ;;
  esac
done < "$WORK/succeeded"

# Nothing is half there: every change has its audit entry (they commit together), every issued
# offer has a complete quote, and every quote belongs to an issued (or later) offer.
for id in $(q "SELECT id FROM offers"); do
  [ "$(q "SELECT COUNT(*) FROM audit_log WHERE entity = 'offer' AND entity_id = '$id' AND action = 'create'")" = "1" ] || fail "offer $id has no create entry in the audit log"
done
lines=$(q "SELECT COUNT(*) FROM offer_lines ol JOIN offers o ON o.id = ol.offer_id WHERE o.version = 1")
[ -n "$lines" ] || fail "cannot count lines"
for tag in $(q "SELECT json_extract(line, '\$.description') FROM offer_lines WHERE json_extract(line, '\$.description') LIKE 'line-%'" | sort -u); do
  [ "$(q "SELECT COUNT(*) FROM audit_log WHERE after LIKE '%\"$tag\"%'")" -ge 1 ] || fail "$tag is stored without its audit entry"
done
[ "$(q "SELECT COUNT(*) FROM offers o WHERE o.status IN ('issued', 'accepted') AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.offer_id = o.id)")" = "0" ] || fail "an issued offer has no quote"
[ "$(q "SELECT COUNT(*) FROM quotes q JOIN offers o ON o.id = q.offer_id WHERE o.status = 'draft'")" = "0" ] || fail "a quote belongs to a draft"
[ "$(q "SELECT COUNT(*) FROM quotes q WHERE (SELECT COUNT(*) FROM quote_years y WHERE y.quote_id = q.id) != (SELECT years FROM offers WHERE id = q.offer_id)")" = "0" ] || fail "a quote is missing years"
[ "$(q "SELECT COUNT(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM quote_lines l WHERE l.quote_id = q.id)")" = "0" ] || fail "a quote has no lines"

# A killed indexation leaves no book or a complete, valid one.
if [ -f "$WORK/tariffs/2026.json" ]; then
  "$TOOL" tariffs validate "$WORK/tariffs/2026.json" >/dev/null || fail "tariffs/2026.json is not a complete, valid book"
fi

offers=$(q "SELECT COUNT(*) FROM offers"); quotes=$(q "SELECT COUNT(*) FROM quotes"); audit=$(q "SELECT COUNT(*) FROM audit_log")
echo "crash-test: $KILLS runs, $killed killed, $completed completed; integrity ok; $offers offers, $quotes quotes, $audit audit entries; every success present, nothing half written."
rm -rf "$WORK"

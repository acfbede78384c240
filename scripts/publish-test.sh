#!/usr/bin/env bash
# Finance's yearly job keeps the build green: in a scratch copy of the repository (the working
# tree's files, with ../shared beside it as in a checkout), publish next year's book exactly as
# the README says — tariffs index, tariffs diff, tariffs validate, nothing else — and run the
# whole suite there. The repository itself is not touched. `.ci/run` runs this after the suite.
#
#   scripts/publish-test.sh            # publishes the year after the latest book in tariffs/
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

latest=$(ls tariffs | sed -n 's/^\([0-9][0-9][0-9][0-9]\)\.json$/\1/p' | sort | tail -1)
[ -n "$latest" ] || { echo "publish-test: no book in tariffs/"; exit 1; }
next=$((latest + 1))

scratch=$(mktemp -d /tmp/catalogue-publish-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/main"
[ -e ../shared ] && ln -s "$(cd ../shared && pwd)" "$scratch/shared"
# Tracked and untracked files that are not ignored: what a commit of the working tree would hold.
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' file; do
  [ -e "$file" ] && printf '%s\0' "$file"
done | xargs -0 cp --parents -t "$scratch/main"
cd "$scratch/main"

echo "publish-test: publishing $next from $latest in a scratch copy ($scratch/main)"
swift build --product catalogue-cli 2>&1 | tail -1
swift run -q catalogue-cli tariffs index --from "$latest" --wage 3.75 --price 2.1 --date "$latest-11-21"
swift run -q catalogue-cli tariffs diff "$latest" "$next" > /dev/null
swift run -q catalogue-cli tariffs validate

echo "publish-test: swift test with tariffs/$next.json published"
log="$scratch/test.log"
if ! swift test > "$log" 2>&1; then
  grep -E "✘|error:|failed" "$log" | head -60
  echo "publish-test: the suite fails after publishing $next (full log above cut to 60 lines)"
  exit 1
fi
tail -1 "$log"
echo "publish-test: the suite passes with tariffs/$next.json published (from $root)"

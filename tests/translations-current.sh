#!/bin/sh
# Fails when a committed Qt Linguist catalogue is not what lupdate makes from today's sources: a
# string added (or changed) in C++ or QML without its Korean and English entry, or one left behind.
#   translations-current.sh GENERATE_LUPDATE_PROJECT_CMAKE PROJECT_CMAKE LUPDATE TS_FILE...
# PROJECT_CMAKE is the .lupdate/<target>_project.cmake that qt_add_translations writes at configure
# time; lupdate runs on copies, with the options the <target>_lupdate target uses.
set -eu
generate=$1 project=$2 lupdate=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -DIN_FILE="$project" -DOUT_FILE="$work/project.json" -P "$generate"
status=0
for ts in "$@"; do
  copy="$work/$(basename "$ts")"
  cp "$ts" "$copy"
  "$lupdate" -project "$work/project.json" -no-obsolete -locations none -ts "$copy" 2>&1 \
    | grep -E '^ +Found|^Updating' || true
  if ! cmp -s "$ts" "$copy"; then
    echo "FAIL: $ts is out of date with the sources; run the lupdate target and translate what it adds:"
    diff -u "$ts" "$copy" | head -40
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "catalogues current: $*"
exit "$status"

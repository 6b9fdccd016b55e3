#!/usr/bin/env bash
# The Spark job beside the CLI, in one run, on one generated corpus (BENCHMARKS.md, "Spark"):
#   spark/bench.sh                 # 200,000 Kakao claims; COUNT=1000000 for a million
# 1. builds the CLI and the Spark module (tests skipped; nothing installed);
# 2. generates COUNT claims with `bosang sample` (seed 1015);
# 3. times, in turn, each whole process with /usr/bin/time -v: `bosang assess --threads 1` and `--threads 2`,
#    and `spark/bosang-spark` on local[1] and local[2] (JVM start, Spark start and policy compilation included);
# 4. checks that each Spark output (its parts in name order) is byte for byte the CLI's;
# 5. prints a table of wall, CPU and peak RSS with claims/s, and the load average before and after each run.
# Raw /usr/bin/time output goes to WORK (default /tmp/bosang-spark-bench). RUNS=3 repeats each command.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
count="${COUNT:-200000}"
runs="${RUNS:-1}"
work="${WORK:-/tmp/bosang-spark-bench}"
policy="${POLICY:-kakao-1015-2022}"
mkdir -p "$work"

echo "== build" >&2
mvn -B -q -DskipTests package -pl cli,spark -am >&2
claims="$work/claims-$count.ndjson"
[ -f "$claims" ] || ./bosang sample --policy "$policy" --count "$count" --seed 1015 -o "$claims"

measure() {   # name, command...
  local name="$1"; shift
  for r in $(seq 1 "$runs"); do
    local load; load="$(cut -d' ' -f1 /proc/loadavg)"
    rm -rf "$work/out-$name"
    /usr/bin/time -v -o "$work/time-$name-$r.txt" "$@" >/dev/null 2>"$work/stderr-$name-$r.txt"
    local wall user sys rss
    wall="$(grep 'Elapsed (wall clock)' "$work/time-$name-$r.txt" | awk '{print $NF}')"
    user="$(grep 'User time' "$work/time-$name-$r.txt" | awk '{print $NF}')"
    sys="$(grep 'System time' "$work/time-$name-$r.txt" | awk '{print $NF}')"
    rss="$(grep 'Maximum resident' "$work/time-$name-$r.txt" | awk '{print $NF}')"
    python3 - "$name" "$r" "$wall" "$user" "$sys" "$rss" "$count" "$load" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys
name, r, wall, user, sys_, rss, count, l0, l1 = sys.argv[1:]
parts = [float(p) for p in wall.split(':')]
secs = parts[-1] + (parts[-2] * 60 if len(parts) > 1 else 0) + (parts[-3] * 3600 if len(parts) > 2 else 0)
cpu = float(user) + float(sys_)
print(f"| {name} | {r} | {secs:.1f} | {cpu:.1f} | {100 * cpu / secs:.0f}% | {int(rss) / 1024:.0f} | {int(count) / secs:,.0f} | {l0} → {l1} |")
PY
  done
}

echo "| command | run | wall s | CPU s | CPU/wall | peak RSS MB | claims/s | load 1-min before → after |"
echo "|---|---|---|---|---|---|---|---|"
measure cli-threads-1 ./bosang assess --policy "$policy" --threads 1 --quiet -o "$work/cli-1.ndjson" "$claims"
measure cli-threads-2 ./bosang assess --policy "$policy" --threads 2 --quiet -o "$work/cli-2.ndjson" "$claims"
measure spark-local-1 spark/bosang-spark --master 'local[1]' --policy "$policy" -o "$work/out-spark-local-1" "$claims"
measure spark-local-2 spark/bosang-spark --master 'local[2]' --policy "$policy" -o "$work/out-spark-local-2" "$claims"

for n in 1 2; do
  if cat "$work/out-spark-local-$n/$policy/assessments/"part-* | cmp -s - "$work/cli-2.ndjson"; then
    echo "spark local[$n]: byte-identical to bosang assess ($(wc -l < "$work/cli-2.ndjson") records)"
  else
    echo "spark local[$n]: DIFFERS from bosang assess" >&2; exit 1
  fi
done
cmp -s "$work/cli-1.ndjson" "$work/cli-2.ndjson" && echo "bosang assess --threads 1 and 2: byte-identical"

#!/usr/bin/env bash
# Compares sitegen with Hugo on a generated corpus.
#
#   bash bench/run.sh                 # 10000 Danish pages, 5 runs each
#   PAGES=1000 RUNS=3 bash bench/run.sh
#
# Environment:
#   PAGES      Danish pages in the corpus (default 10000; en/kl add ~110%)
#   RUNS       timed runs of each tool, alternating (default 5)
#   SEED       corpus seed (default 1)
#   FLOOR_CMD  the command of the "floor" row, run with bash -c from the
#              repository root with CORPUS (the site folder) and OUT (an
#              empty output folder) in its environment. The default runs
#              internal/bench/floor: read every Markdown file, parse its
#              front matter and run goldmark over its body on all cores,
#              the least any build must do.
#              FLOOR_CMD=none leaves the row out. BENCH_TMP is the temp folder.
#   TOOLS      which tools to run (default "sitegen hugo"; the floor row
#              runs whenever FLOOR_CMD is set)
#   KEEP_TMP=1 keep the temp folder (corpus, outputs, logs) and print it
#   SCALE      instead of the comparison, the scaling table: sitegen alone
#              on corpora of these sizes, one run each, with a CPU profile
#              for the collector's share. SCALE=1 is the short table (1000
#              and 10000 pages, about a minute of CPU); SCALE=full the whole
#              one (10000, 40000 and 100000 pages: some 10 minutes of CPU,
#              12 GB free on tmpfs); or the sizes, e.g.
#              SCALE="1000 10000 40000" bash bench/run.sh
#   EDITOR=1   instead of the comparison, the editor's tools on the corpus
#              of PAGES: sitegen check against sitegen build (RUNS each,
#              alternating), and one sitegen serve: its first page, memory
#              (RSS) once the status page's report is made and at its peak,
#              and how soon the report is current after editing one page.
#
# Everything is written to a temp folder on tmpfs (/dev/shm when present),
# removed at exit. Each run is timed with GNU time: wall seconds, user+sys
# CPU seconds, peak RSS. The table shows medians (and the fastest wall
# time, which other load on the machine disturbs least).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

PAGES=${PAGES:-10000}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
FLOOR_CMD=${FLOOR_CMD:-}
TOOLS=" ${TOOLS:-sitegen hugo} "

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: $*"; exit 1; }

# ---------------------------------------------------------------- tools

apt_install() { # package...
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
		return 1
	fi
	say "bench: installing $* with apt-get"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null ||
		{ apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; }
}

command -v go >/dev/null || die "go is not on PATH (Go is at /usr/local/go/bin on this machine)"
if ! command -v hugo >/dev/null; then
	apt_install hugo || die "hugo is missing: install it with 'sudo apt-get install --no-install-recommends hugo' (Debian ships 0.111.3)"
fi
if ! /usr/bin/time -f %e true >/dev/null 2>&1; then
	apt_install time || die "GNU time is missing: install it with 'sudo apt-get install time'"
fi

# ---------------------------------------------------------------- temp dir

base=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then base=/dev/shm; fi
tmp=$(mktemp -d "$base/sitegen-bench.XXXXXX")
cleanup() {
	if [ "${KEEP_TMP:-}" = 1 ]; then
		say "bench: kept $tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export BENCH_TMP=$tmp

# ---------------------------------------------------------------- scaling

pages_written() { find "$1" -name '*.html' -type f 2>/dev/null | wc -l; }

# SCALE: one sitegen build of each size, with what it reads and writes:
# wall, CPU (user+sys) and system seconds, peak RSS, the collector's share
# of the CPU time, output size, and the most one search downloads: gzipped,
# as hosts send it, over internal/search's typical queries with the first
# 20 results (TestSplitDownload; KiB).
#
# The collector's share is read from the build's CPU profile (sitegen
# build -cpuprofile; the profiler costs about 1% more CPU): the samples
# with one of these functions on their stack, of all samples: the mark
# workers running beside the program (gcBgMarkWorker) and the marking a
# goroutine must do for what it allocates (gcAssistAlloc), and sweeping
# and returning memory to the system, in the background (bgsweep,
# bgscavenge) or when an allocation needs a span (sweepone, sweep).
gc_funcs='^runtime\.(gcBgMarkWorker|gcAssistAlloc|bgsweep|bgscavenge|sweepone|\(\*sweepLocked\)\.sweep)$'
case ${SCALE:-} in
1) SCALE="1000 10000" ;;
full) SCALE="10000 40000 100000" ;;
esac
if [ -n "${SCALE:-}" ]; then
	go build -o "$tmp/gencorpus" ./internal/bench/gencorpus
	go build -o "$tmp/sitegen" ./cmd/sitegen
	go test -c -o "$tmp/search.test" ./internal/search
	rows=$tmp/scale.rows
	for n in $SCALE; do
		c=$tmp/scale-corpus o=$tmp/scale-out prof=$tmp/scale-$n.prof
		rm -rf "$c" "$o"
		"$tmp/gencorpus" -pages "$n" -seed "$SEED" -out "$c" >/dev/null
		say "bench: sitegen build of $n Danish pages"
		load=$(cut -d' ' -f1 /proc/loadavg)
		/usr/bin/time -f '%e %U %S %M' -o "$tmp/scale.time" "$tmp/sitegen" build -src "$c" -out "$o" -cpuprofile "$prof" >"$tmp/scale.log" 2>&1 ||
			{ tail -15 "$tmp/scale.log" >&2; die "sitegen failed on $n pages"; }
		read -r wall user sys rss <"$tmp/scale.time"
		gc=$(go tool pprof -top -nodefraction=0 -nodecount=1000000 -focus="$gc_funcs" "$tmp/sitegen" "$prof" 2>/dev/null |
			sed -n -E 's/^Showing nodes accounting for [^,]*, ([0-9.]+)% of .*/\1/p')
		files=$(find "$c/content" -name '*.md' | wc -l)
		md=$(du -sb "$c/content" | awk '{printf "%.0f", $1/1048576}')
		out=$(du -sb "$o" | awk '{printf "%.0f", $1/1048576}')
		dl=$(SITEGEN_SEARCH_OUT=$o "$tmp/search.test" -test.run '^TestSplitDownload$' -test.v 2>&1 |
			sed -n -E 's/.* ([0-9]+) gzipped$/\1/p; s/.*largest ([0-9]+) for .*/\1/p' |
			sort -n | tail -1 | awk '{printf "%.1f", $1/1024}')
		printf '%8s %8s %8s %9s %8.2f %8.2f %8.2f %10.1f %7.1f %9s %12s %6s\n' "$n" "$files" "$md" "$(pages_written "$o")" "$wall" \
			"$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$sys" "$(awk -v k="$rss" 'BEGIN{print k/1024}')" "${gc:-0}" \
			"$out" "$dl" "$load" >>"$rows"
		rm -rf "$c" "$o"
	done
	echo
	echo "sitegen build, one run per size, seed $SEED; $(nproc) cores, $(go version | awk '{print $3}'); load: the 1-minute load average as each build began"
	printf '%8s %8s %8s %9s %8s %8s %8s %10s %7s %9s %12s %6s\n' da_pages md_files md_MiB html_out wall_s cpu_s sys_s peak_MiB gc_cpu% out_MiB search_KiB_gz load
	cat "$rows"
	exit 0
fi

# ---------------------------------------------------------------- editor

# EDITOR: check against build, then serve, on the same corpus.
if [ -n "${EDITOR:-}" ]; then
	command -v curl >/dev/null || die "curl is missing: install it with 'sudo apt-get install curl'"
	go build -o "$tmp/gencorpus" ./internal/bench/gencorpus
	go build -o "$tmp/sitegen" ./cmd/sitegen
	c=$tmp/corpus
	"$tmp/gencorpus" -pages "$PAGES" -seed "$SEED" -out "$c" >/dev/null
	timed() { # label command...
		local label=$1
		shift
		/usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/log" || { tail -5 "$tmp/log" >&2; die "$label failed"; }
		read -r wall user sys rss <"$tmp/t"
		printf '%-8s %8.2f %8.2f %10.1f\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
	}
	echo "sitegen build and check, $PAGES Danish pages, $RUNS runs each, alternating"
	printf '%-8s %8s %8s %10s\n' command wall_s cpu_s peak_MiB
	for _ in $(seq "$RUNS"); do
		timed build "$tmp/sitegen" build -src "$c" -out "$tmp/out"
		timed check "$tmp/sitegen" check -src "$c"
	done
	port=$((18300 + RANDOM % 600))
	url=http://127.0.0.1:$port
	start=$(date +%s.%N)
	"$tmp/sitegen" serve -src "$c" -addr "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
	pid=$!
	trap 'kill $pid 2>/dev/null || true; cleanup' EXIT
	until curl -sf -o /dev/null "$url/da/"; do
		kill -0 $pid 2>/dev/null || { cat "$tmp/serve.log" >&2; die "sitegen serve stopped"; }
		sleep 0.2
	done
	first=$(date +%s.%N)
	curl -sf -o /dev/null "$url/_sitegen/?wait"
	report=$(date +%s.%N)
	sleep 2
	rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
	page=$(find "$c/content/da" -name '*.md' ! -name '_index.md' | sort | sed -n 1p) # sed reads it all: no SIGPIPE under pipefail
	edited=$(date +%s.%N)
	printf '\nEn ny sætning til sidst.\n' >>"$page"
	sleep 0.3 # the watcher's quiet time: the edit is seen, and the report waits for its build
	curl -sf -o /dev/null "$url/_sitegen/?wait"
	again=$(date +%s.%N)
	status=$(curl -sf -o /dev/null -w '%{time_total}' "$url/_sitegen/")
	hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
	kill $pid
	wait $pid 2>/dev/null || true
	trap cleanup EXIT
	echo
	echo "sitegen serve, $PAGES Danish pages"
	awk -v s="$start" -v f="$first" -v r="$report" -v e="$edited" -v a="$again" -v rss="$rss" -v hwm="$hwm" -v st="$status" 'BEGIN {
		printf "first page             %8.1f s\n", f - s
		printf "report, first build    %8.1f s after the first page\n", r - f
		printf "report, after an edit  %8.1f s after the edit\n", a - e
		printf "status page request    %8.3f s\n", st
		printf "memory with the report %8.0f MiB\n", rss / 1024
		printf "peak memory            %8.0f MiB\n", hwm / 1024
	}'
	exit 0
fi

# ---------------------------------------------------------------- corpus

corpus=$tmp/corpus
go build -o "$tmp/gencorpus" ./internal/bench/gencorpus
if [ -z "$FLOOR_CMD" ]; then
	go build -o "$tmp/floor" ./internal/bench/floor
	FLOOR_CMD='"$BENCH_TMP"/floor -src "$CORPUS"'
elif [ "$FLOOR_CMD" = none ]; then
	FLOOR_CMD=
fi
"$tmp/gencorpus" -pages "$PAGES" -seed "$SEED" -out "$corpus"

# Hugo site: the skeleton with each contentDir pointing at the corpus.
cp -r bench/hugo "$tmp/hugo"
sed -i -E "s|^contentDir = \"content/([a-z]+)\"|contentDir = \"$corpus/content/\\1\"|" "$tmp/hugo/hugo.toml"
grep -q "contentDir = \"$corpus/content/kl\"" "$tmp/hugo/hugo.toml" || die "could not point $tmp/hugo/hugo.toml at the corpus"

# sitegen: a failure to build is reported and its rows left empty.
sitegen_ok=1
hugo_ok=1
case $TOOLS in *" hugo "*) ;; *) hugo_ok=0 ;; esac
case $TOOLS in
*" sitegen "*) ;;
*) sitegen_ok=0 ;;
esac
if [ "$sitegen_ok" = 1 ] && ! go build -o "$tmp/sitegen" ./cmd/sitegen 2>"$tmp/sitegen-build.log"; then
	sitegen_ok=0
	say "bench: sitegen does not build (go build ./cmd/sitegen failed); only Hugo is measured:"
	sed 's/^/    /' "$tmp/sitegen-build.log" | head -20 >&2
fi

# ---------------------------------------------------------------- runs

# run TOOL OUTDIR CMD... : time one run, append "wall cpu rssKiB" to
# $tmp/TOOL.times, and return the command's status.
run() {
	local tool=$1 out=$2
	shift 2
	rm -rf "$out"
	local st=0 t0 t1
	t0=$(busy_ticks)
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/$tool.time" "$@" >"$tmp/$tool.log" 2>&1 || st=$?
	t1=$(busy_ticks)
	if [ "$st" != 0 ]; then
		say "bench: $tool failed (exit $st); last lines of its output:"
		grep -v '^Command exited with non-zero status' "$tmp/$tool.log" | tail -15 | sed 's/^/    /' >&2
		return "$st"
	fi
	local wall user sys rss
	read -r wall user sys rss <"$tmp/$tool.time"
	local cpu
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')
	echo "$wall $cpu $rss" >>"$tmp/$tool.times"
	local other
	other=$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v c="$cpu" 'BEGIN{o=(b-a)/hz-c; if (o<0) o=0; printf "%.2f", o}')
	echo "$other $wall" >>"$tmp/others"
	local warn
	warn=$(grep -c -E 'WARN|ERROR' "$tmp/$tool.log" || true)
	say "$(printf '  %-8s %7.2f s wall %7.2f s cpu %8.1f MiB   (others: %5.2f s cpu)%s' "$tool" "$wall" "$cpu" \
		"$(awk -v k="$rss" 'BEGIN{print k/1024}')" "$other" \
		"$([ "$warn" != 0 ] && echo "   ($warn warning lines, see below)")")"
}

floor_ok=0
[ -n "$FLOOR_CMD" ] && floor_ok=1
export CORPUS=$corpus OUT=$tmp/out-floor
declare -A pages=()

# Wall times mean little while something else keeps the cores busy: the
# CPU time the whole machine spent during each run, less the run's own, is
# summed up in $tmp/others (CPU seconds, wall seconds).
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
busy_ticks() { awk '$1 == "cpu" {print $2+$3+$4+$7+$8+$9; exit}' /proc/stat 2>/dev/null || echo 0; }
say "bench: $RUNS runs each; corpus in $corpus"
for i in $(seq 1 "$RUNS"); do
	say "run $i/$RUNS"
	if [ "$sitegen_ok" = 1 ]; then
		if run sitegen "$tmp/out-sitegen" "$tmp/sitegen" build -src "$corpus" -out "$tmp/out-sitegen"; then
			pages[sitegen]=$(pages_written "$tmp/out-sitegen")
		else
			sitegen_ok=0
			say "bench: sitegen failed on the corpus; no further sitegen runs"
		fi
	fi
	if [ "$hugo_ok" = 1 ]; then
		if run hugo "$tmp/out-hugo" hugo --minify --source "$tmp/hugo" --destination "$tmp/out-hugo" \
			--cacheDir "$tmp/hugo-cache" --quiet; then
			pages[hugo]=$(pages_written "$tmp/out-hugo")
		else
			die "hugo failed on the corpus"
		fi
	fi
	if [ "$floor_ok" = 1 ]; then
		if run floor "$tmp/out-floor" bash -c "mkdir -p \"\$OUT\" && $FLOOR_CMD"; then
			pages[floor]=$(pages_written "$tmp/out-floor")
		else
			floor_ok=0
			say "bench: FLOOR_CMD failed; no further floor runs"
		fi
	fi
done

if [ -f "$tmp/hugo.log" ] && grep -q -E 'WARN|ERROR' "$tmp/hugo.log"; then
	say "bench: Hugo's warnings (last run):"
	grep -E 'WARN|ERROR' "$tmp/hugo.log" | head -20 | sed 's/^/    /' >&2
fi

# ---------------------------------------------------------------- table

# median COLUMN FILE
median() {
	[ -s "$2" ] || { echo ""; return; }
	awk -v c="$1" '{print $c}' "$2" | sort -g | awk '{v[NR]=$1} END{ if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2 }'
}

# fastest FILE: the smallest wall time
fastest() {
	[ -s "$1" ] || { echo ""; return; }
	awk 'NR == 1 || $1 < m {m = $1} END {print m}' "$1"
}

declare -A wall=() best=() cpu=() mem=()
for tool in sitegen hugo floor; do
	f=$tmp/$tool.times
	wall[$tool]=$(median 1 "$f")
	best[$tool]=$(fastest "$f")
	cpu[$tool]=$(median 2 "$f")
	m=$(median 3 "$f")
	mem[$tool]=${m:+$(awk -v k="$m" 'BEGIN{printf "%.1f", k/1024}')}
done

files=$(find "$corpus/content" -name '*.md' | wc -l)
mib=$(du -sb "$corpus/content" | awk '{printf "%.1f", $1/1048576}')
echo
echo "corpus: $PAGES Danish pages, $files Markdown files in da/en/kl, ${mib} MiB, seed $SEED; $RUNS runs; medians"
echo "machine: $(nproc) cores, $(hugo version | awk '{print $1, $2}'), $(go version | awk '{print $3}')"
if [ -s "$tmp/others" ]; then
	awk '{o+=$1; w+=$2} END{ if (w > 0 && o/w > 0.1) printf "warning: other processes kept %.2f cores busy on average during the runs: wall times are noisy, CPU times less so\n", o/w }' "$tmp/others"
fi
printf '%-8s %10s %10s %10s %12s %8s\n' tool wall_s min_wall_s cpu_s peak_MiB pages
for tool in sitegen hugo floor; do
	[ "$tool" = floor ] && [ -z "$FLOOR_CMD" ] && continue
	[ "$tool" != floor ] && [[ $TOOLS != *" $tool "* ]] && continue
	if [ -n "${wall[$tool]}" ]; then
		printf '%-8s %10.2f %10.2f %10.2f %12.1f %8s\n' "$tool" "${wall[$tool]}" "${best[$tool]}" "${cpu[$tool]}" "${mem[$tool]}" "${pages[$tool]:--}"
	else
		printf '%-8s %10s %10s %10s %12s %8s\n' "$tool" failed - - - -
		[ "$tool" = sitegen ] && [ "$sitegen_ok" = 0 ] && [ -s "$tmp/sitegen-build.log" ] && echo "  (sitegen did not build; see the messages above)"
	fi
done
if [ -n "${wall[sitegen]}" ] && [ -n "${wall[hugo]}" ]; then
	awk -v sw="${wall[sitegen]}" -v hw="${wall[hugo]}" -v sc="${cpu[sitegen]}" -v hc="${cpu[hugo]}" \
		-v sm="${mem[sitegen]}" -v hm="${mem[hugo]}" \
		'BEGIN{printf "sitegen/hugo: wall %.2f  cpu %.2f  memory %.2f\n", sw/hw, sc/hc, sm/hm}'
elif [[ $TOOLS == *" sitegen "* ]] && [[ $TOOLS == *" hugo "* ]]; then
	echo "sitegen/hugo: n/a (sitegen did not run)"
fi
echo "(Hugo's page count includes its root /index.html redirect to /da/.)"

#!/usr/bin/env bash
# A real Slurm on this machine, end to end: installs slurm-wlm and munge from Debian, configures one
# node (localhost, 2 CPUs), starts munged, slurmctld and slurmd, writes a few short test videos, runs
# 'emotionnet analyze' as an 'sbatch --array=0-2' job (each task picks its shard from
# SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT), merges the shard folders with 'emotionnet merge', and
# compares the merged report with one process over all videos. Exits non-zero on any mismatch.
#   eng/slurm-test.sh            (as root, on Debian 12; rerunnable: daemons already up are reused)
# It leaves the machine's daemons as it found them: those it started (munged, slurmctld, slurmd) are
# stopped when it exits, however it exits; those already running keep running.
# Environment: WORK (default runs/slurm-test), VIDEOS (count, default 6), SECONDS_PER_VIDEO (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work="${WORK:-$repo/runs/slurm-test}"
count="${VIDEOS:-6}"
seconds="${SECONDS_PER_VIDEO:-2}"
start=$(date +%s)
say() { echo "slurm-test: $*"; }

[ "$(id -u)" -eq 0 ] || { echo "slurm-test: run as root (it installs packages and starts daemons)" >&2; exit 1; }

# The daemons, by pid file. Those running now are left running at the end; any other that runs then
# was started by this run (or by the packages' install scripts) and is stopped, on every exit path.
daemons=(/run/slurmd.pid /run/slurmctld.pid /run/munge/munged.pid)
running() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
stop() {
  running "$1" || return 0
  local pid; pid=$(cat "$1")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}
before=" "
for pidfile in "${daemons[@]}"; do running "$pidfile" && before+="$pidfile "; done
stop_started() {
  local status=$? pidfile
  for pidfile in "${daemons[@]}"; do
    case "$before" in *" $pidfile "*) continue ;; esac
    if running "$pidfile"; then say "stopping $(basename "$pidfile" .pid), started by this run"; stop "$pidfile"; fi
  done
  exit "$status"
}
trap stop_started EXIT

# 1. Packages (once).
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

# 2. munge: a key, then the daemon (as the munge user, as Debian's service would).
if [ ! -s /etc/munge/munge.key ]; then
  if command -v mungekey >/dev/null; then mungekey --create --keyfile /etc/munge/munge.key; else dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; fi
fi
chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
mkdir -p /run/munge /var/log/munge /var/lib/munge && chown munge:munge /run/munge /var/log/munge /var/lib/munge
if ! munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then
  say "starting munged"
  runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid
  for _ in $(seq 1 50); do munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.2; done
  munge -n </dev/null | unmunge >/dev/null
fi

# 3. A one-node cluster on localhost. slurmd's node name is this host's short name.
node=$(hostname -s)
conf=/etc/slurm/slurm.conf
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat > "$conf.new" <<CONF
# Written by EmotionNet's eng/slurm-test.sh: one node, 2 CPUs, no accounting, no cgroups.
ClusterName=emotionnet-test
SlurmctldHost=$node(127.0.0.1)
AuthType=auth/munge
SlurmUser=root
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=2 RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
changed=0
cmp -s "$conf.new" "$conf" || { mv "$conf.new" "$conf"; changed=1; }
rm -f "$conf.new"

# Daemons already running with another configuration are restarted with this one.
if [ "$changed" -eq 1 ]; then stop /run/slurmd.pid; stop /run/slurmctld.pid; fi
running /run/slurmctld.pid || { say "starting slurmctld"; slurmctld -c; }
running /run/slurmd.pid || { say "starting slurmd"; slurmd; }
for _ in $(seq 1 60); do
  state=$(sinfo -h -n "$node" -o %T 2>/dev/null || true)
  case "$state" in idle*|mixed*|allocated*) break ;; down*|drain*|unknown*) scontrol update nodename="$node" state=resume 2>/dev/null || true ;; esac
  sleep 1
done
case "$state" in idle*|mixed*|allocated*) say "node $node is $state" ;; *) echo "slurm-test: node $node never became idle (state '$state'); see /var/log/slurm/" >&2; exit 1 ;; esac

# 4. The CLI and the clip generator, built as the repository builds them.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/EmotionNet.Cli -c Release -nologo -v:q -clp:NoSummary
dotnet build bench/EmotionNet.Benchmarks.Inference -c Release -nologo -v:q -clp:NoSummary
cli="dotnet $repo/src/EmotionNet.Cli/bin/Release/net10.0/emotionnet.dll"
mkdir -p "$work"
dotnet "$repo/bench/EmotionNet.Benchmarks.Inference/bin/Release/net10.0/EmotionNet.Benchmarks.Inference.dll" videos "$work/videos" "$count" "$seconds" >/dev/null
rm -rf "$work/shards" "$work/merged" "$work/single" "$work/logs"
mkdir -p "$work/logs"
prepared=$(date +%s)

# 5. The array job: no --shard flag, each task reads its share from Slurm's variables.
cat > "$work/analyze.sbatch" <<JOB
#!/usr/bin/env bash
#SBATCH --job-name=emotionnet-analyze
#SBATCH --array=0-2
#SBATCH --cpus-per-task=1
#SBATCH --output=$work/logs/%A_%a.out
set -euo pipefail
$cli analyze "$work/videos" --out "$work/shards/shard-\$SLURM_ARRAY_TASK_ID" --device cpu --model-threads 1
JOB
say "sbatch --array=0-2 over $count video(s) of ${seconds} s"
set +e
sbatch --wait "$work/analyze.sbatch"
job_status=$?
set -e
cat "$work"/logs/*.out
[ "$job_status" -eq 0 ] || { echo "slurm-test: the array job failed (sbatch exit $job_status)" >&2; exit 1; }
arrayed=$(date +%s)

# 6. Merge, then one process over all videos, then compare.
$cli merge "$work"/shards/shard-* --out "$work/merged"
$cli analyze "$work/videos" --out "$work/single" --device cpu --model-threads 1 >/dev/null
mismatch=0
for f in batch.csv batch.json batch.png batch-segments.csv batch-segments.json; do
  if cmp -s "$work/single/$f" "$work/merged/$f"; then say "$f: merged == single process (byte-identical)"
  else say "$f: MISMATCH"; diff "$work/single/$f" "$work/merged/$f" | head -20 || true; mismatch=1; fi
done
# Each input's own tables, written by whichever shard had it, against the single process's.
inputs=0
for dir in "$work"/single/*/; do
  name=$(basename "$dir")
  shard=$(ls -d "$work"/shards/shard-*/"$name" 2>/dev/null | head -1)
  [ -n "$shard" ] || { say "$name: in no shard"; mismatch=1; continue; }
  for f in frames.csv segments.csv; do
    cmp -s "$dir/$f" "$shard/$f" || { say "$name/$f: MISMATCH"; mismatch=1; }
  done
  inputs=$((inputs + 1))
done
say "per-input frames.csv and segments.csv of $inputs input(s): compared with the shards' copies"
end=$(date +%s)
say "rows: $(($(wc -l < "$work/merged/batch.csv") - 1)); setup+build+videos $((prepared - start)) s, array job $((arrayed - prepared)) s, merge+single run+compare $((end - arrayed)) s, total $((end - start)) s"
[ "$mismatch" -eq 0 ] || { echo "slurm-test: the merged report differs from the single-process one" >&2; exit 1; }
say "OK"

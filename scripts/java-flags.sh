# Sourced by scripts/tregflow and scripts/bench, so that both give a JVM the same flags: sets java_key (the java
# binary, links resolved), major (its major version) and java_flags (an array) for a run that is small when $small is
# 1, with the user's own JVM options in $user_opts (a collector named there replaces the memory flags below).
# The Java major version, read from the JDK's release file without starting a JVM (java -version takes 30-50 ms).
java_bin="$(command -v java)"
java_key="$(readlink -f "$java_bin" 2>/dev/null || echo "$java_bin")"
major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$java_key")")/release" 2>/dev/null || true)"
if [ -z "$major" ]; then
  major="$(java -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')"
fi
# Arrow needs java.nio opened (the jar manifest says so too) and Netty's Unsafe on JDK 24+.
# Memory: the parallel collector with a small young generation and a heap that starts small keeps the peak nearer
# what the files in flight need: one 1M-event x 16-channel file 345 -> 283 MB peak RSS against the default G1,
# eight such files on 2 threads 895-933 -> 606-621 MB, for 8% more wall time (6.2 -> 6.7 s). A batch that must fit
# a fixed memory budget adds a cap: TREGFLOW_JAVA_OPTS=-Xmx...
# The young generation starts just under the initial heap and grows to 32 MB (-Xmn with -Xms16m would make the
# JVM print a warning on standard output, ahead of every command's own output); to 128 MB from Java 22 on, whose
# parallel collector no longer collects the old generation until the heap is full (see pipeline.HeapGuard): on
# Java 25 with 32 MB, 144 files in one JVM grew to 2.4 GB of RSS against 882 MB, and with the guard a long batch
# took about 15% more CPU; on Java 17, 128 MB gave the same CPU within the noise and 15-65 MB more peak.
# A small run starts with 96 MB instead: grown from 16 MB its heap took two full collections (36 ms of pauses)
# on one sample-data file, and its peak is the JVM's anyway.
# A collector named in the user's options (-XX:+UseG1GC, -XX:+UseZGC, ...) replaces these memory flags: the JVM
# refuses two collectors, and the sizes are tuned for the parallel one.
java_flags=(--add-opens=java.base/java.nio=ALL-UNNAMED -Dio.netty.noUnsafe=false)
if [[ " ${user_opts:-} " =~ [[:space:]]-XX:\+Use[A-Za-z0-9]+GC[[:space:]] ]]; then
  gc_flags=()
elif [ "$small" = 1 ]; then
  gc_flags=(-XX:+UseParallelGC -Xms96m -XX:NewSize=32m -XX:MaxNewSize=32m)
else
  young=32m
  if [ "${major:-0}" -ge 22 ]; then
    young=128m
  fi
  gc_flags=(-XX:+UseParallelGC -Xms16m -XX:NewSize=15m -XX:MaxNewSize="$young")
fi
java_flags+=("${gc_flags[@]}")
# JDK 24+ warns on standard error, four lines at every run, when Netty (Arrow's memory) uses sun.misc.Unsafe,
# which it must there: allowed. JVMs before 23 refuse the option.
if [ "${major:-0}" -ge 24 ]; then
  java_flags+=(--sun-misc-unsafe-memory-access=allow)
fi

# Sourced by e2e.sh and ttf.sh: two copies of ./mcsweep next to it (the launcher finds the jars from its own
# folder), removed on exit. .mcsweep-jvm-client never uses the C client (the launcher as it was before it);
# .mcsweep-c-timing uses a copy of it built without the one check that timing needs to pass:
# MCSWEEP_JAVA_OPTS=-Dmcsweep.debug.timing=true makes the JVM that runs a sweep print when its tasks were
# submitted, and the daemon serves only clients with its own environment, so the clients must set it too.
main=/work/main
jvm_client=$main/.mcsweep-jvm-client c_timing=$main/.mcsweep-c-timing
trap 'rm -f "$jvm_client" "$c_timing" "$main/cli/target/mcsweep-client-timing"*' EXIT
sed 's/^if \[ "\$handover" = yes \] && \[ -z "\${MCSWEEP_JAVA_OPTS:-}" \]/if false/' "$main/mcsweep" > "$jvm_client"
sed -e 's/^if \[ "\$handover" = yes \] && \[ -z "\${MCSWEEP_JAVA_OPTS:-}" \]/if [ "$handover" = yes ]/' \
    -e 's|exe=$root/cli/target/mcsweep-client src=$root/cli/src/main/c/mcsweep-client.c|exe=$root/cli/target/mcsweep-client-timing src=/tmp/mcsweep-client-timing.c|' \
    "$main/mcsweep" > "$c_timing"
sed 's/"_JAVA_OPTIONS", "MCSWEEP_JAVA_OPTS"/"_JAVA_OPTIONS"/' "$main/cli/src/main/c/mcsweep-client.c" > /tmp/mcsweep-client-timing.c
chmod +x "$jvm_client" "$c_timing"
grep -q '^if false' "$jvm_client" && grep -q 'mcsweep-client-timing' "$c_timing" \
  && ! grep -q MCSWEEP_JAVA_OPTS /tmp/mcsweep-client-timing.c || { echo "launchers.sh: the copies did not take" >&2; exit 1; }

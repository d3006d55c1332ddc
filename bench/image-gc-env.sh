# Sourced by load.sh and micro.sh: fills the array gc_env with the runtime settings the container image gives the
# service (the Dockerfile's "ENV DOTNET_GC...=value" lines), so the benchmarks measure the service as it is shipped.
gc_env=()
while read -r setting; do gc_env+=("$setting"); done < <(sed -n 's/^ENV \(DOTNET_GC[A-Za-z0-9_]*=[^ ]*\)$/\1/p' Dockerfile)

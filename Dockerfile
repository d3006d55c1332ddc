# syntax=docker/dockerfile:1
# CalcCds: multi-stage build (SDK -> ASP.NET runtime), non-root, with a health check.
# Build: docker build -t calccds .   Run: docker run -p 8080:8080 calccds

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the layer is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CalcCds.Fhir/CalcCds.Fhir.csproj src/CalcCds.Fhir/
COPY src/CalcCds.Hooks/CalcCds.Hooks.csproj src/CalcCds.Hooks/
COPY src/CalcCds.Pathway/CalcCds.Pathway.csproj src/CalcCds.Pathway/
COPY src/CalcCds.Storage/CalcCds.Storage.csproj src/CalcCds.Storage/
COPY src/CalcCds.Api/CalcCds.Api.csproj src/CalcCds.Api/
RUN dotnet restore src/CalcCds.Api/CalcCds.Api.csproj
COPY src/ src/
RUN dotnet publish src/CalcCds.Api/CalcCds.Api.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# curl is only for the HEALTHCHECK below.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app ./
# The GC is the project default (server GC, which .NET 10 sizes to the load), with a floor under its gen0 budget.
# Without the floor, a hook call (~300 KB allocated for a ~100 KB prefetch) under sustained load met a gen0 budget
# so small that the GC kept handing memory back to the kernel and faulting it in again: ~6 page faults per call, and
# 0.35-0.41 of the bare-parse throughput instead of 0.41-0.43 (side-by-side runs; docs/operations.md "Runtime settings").
# The floor is an environment-only setting (runtimeconfig.json cannot carry it); bench/load.sh reads the DOTNET_GC*
# lines below so that it measures the service with the image's runtime settings.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    CalcCds__Storage__DataFolder=/var/lib/calccds
ENV DOTNET_GCgen0size=0x2000000
# SQLite feedback store and evaluation log: mount a volume here (unused when CalcCds__Storage__Provider=PostgreSql).
RUN mkdir -p /var/lib/calccds && chown app /var/lib/calccds
VOLUME /var/lib/calccds
# The aspnet images ship the unprivileged 'app' user (uid 1654).
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "CalcCds.Api.dll"]

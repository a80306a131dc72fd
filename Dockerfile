# Autopilot.Server, the self-hosted runtime (ASP.NET Core + Durable Task engine on Azure Storage).
# Build from the repository root: docker build -t autopilot-server .   (or: docker compose up --build)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Solution-wide build settings first: they decide package versions, analyzers and warnings-as-errors.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY Autopilot.Core/Autopilot.Core.csproj Autopilot.Core/
COPY Autopilot.Server/Autopilot.Server.csproj Autopilot.Server/
# Restore in its own layer so source edits reuse the downloaded packages.
RUN dotnet restore Autopilot.Server/Autopilot.Server.csproj
COPY Autopilot.Core/ Autopilot.Core/
COPY Autopilot.Server/ Autopilot.Server/
# A developer's bin/ and obj/ may have come along with the sources: drop them so the build uses this
# image's restore (the packages are already in the cache, so restoring again is quick).
RUN find Autopilot.Core Autopilot.Server -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} + \
 && dotnet publish Autopilot.Server/Autopilot.Server.csproj -c Release -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
# /data holds the generated demo warehouse; owned by the image's non-root user (APP_UID).
RUN mkdir -p /data && chown "$APP_UID" /data
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8000 \
    DEMO_WAREHOUSE_PATH=/data/demo-warehouse.duckdb \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8000
USER $APP_UID
ENTRYPOINT ["dotnet", "Autopilot.Server.dll"]

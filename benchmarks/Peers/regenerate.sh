#!/usr/bin/env bash
# Regenerates the peer clients from the seed's OpenAPI document, as a .NET developer would generate them:
# NSwag (dotnet tool NSwag.ConsoleCore 14.8) and Kiota (dotnet tool Microsoft.OpenApi.Kiota 1.38).
set -euo pipefail
cd "$(dirname "$0")"
tools="$(mktemp -d)"
dotnet tool install NSwag.ConsoleCore --tool-path "$tools" >/dev/null
dotnet tool install Microsoft.OpenApi.Kiota --tool-path "$tools" >/dev/null
awk '/^````yaml/{f=1;next}/^````/{f=0}f' ../../../shared/seeds/delete-memory.openapi.md > delete-memory.openapi.yaml
"$tools/nswag" openapi2csclient /input:delete-memory.openapi.yaml /classname:NSwagMemoriesClient \
  /namespace:Mielto.Client.Benchmarks.Peers.NSwag /output:NSwag/NSwagMemoriesClient.g.cs \
  /JsonLibrary:SystemTextJson /GenerateClientInterfaces:false /InjectHttpClient:true /UseBaseUrl:false
rm -rf Kiota
"$tools/kiota" generate -l CSharp -d delete-memory.openapi.yaml -o Kiota \
  -n Mielto.Client.Benchmarks.Peers.Kiota -c KiotaMemoriesClient --exclude-backward-compatible
rm -f Kiota/.kiota.log

#!/usr/bin/env bash
# Fetches the operators' CRDs that `npm run plan` checks every custom resource against
# (tests/harness/crd-validate.ts reads them from ../shared/crds, beside the checkout), from
# each operator's repository at the release tag the project pins
# (components/backends/kubernetes/operator-pins.ts), and refuses any file whose SHA-256
# differs from the copy the tests use. Run by the `plan` job of pulumi-ha-preview.yml.
#
# usage: examples/ci/fetch-crds.sh [DEST]   (DEST defaults to ../shared/crds of the checkout)
# CRD_BASE_URL replaces https://raw.githubusercontent.com (a mirror; tests use file://).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="${1:-"$root/../shared/crds"}"
base="${CRD_BASE_URL:-https://raw.githubusercontent.com}"

status=0
# folder (operator-version, as tests/harness/crd-validate.ts names it), repository, tag,
# path in the repository at that tag, SHA-256 of the file.
while read -r folder repo tag file sum; do
    out="$dest/$folder/${file##*/}"
    mkdir -p "$dest/$folder"
    curl --fail --silent --show-error --location --retry 3 --output "$out" "$base/$repo/$tag/$file"
    if ! echo "$sum  $out" | sha256sum --check --status; then
        echo "fetch-crds: $repo@$tag $file does not have the SHA-256 the tests pin ($sum)" >&2
        rm -f "$out"
        status=1
    fi
done <<'CRDS'
cloudnative-pg-v1.30.0 cloudnative-pg/cloudnative-pg v1.30.0 config/crd/bases/postgresql.cnpg.io_backups.yaml 694bafce2eda4603629657c2141a89189c15250c74215002a6987538d3d78ff5
cloudnative-pg-v1.30.0 cloudnative-pg/cloudnative-pg v1.30.0 config/crd/bases/postgresql.cnpg.io_clusters.yaml ae47f4a00f6e998faef57e480f9a3960cd48ea16a79270861fc7442601507472
cloudnative-pg-v1.30.0 cloudnative-pg/cloudnative-pg v1.30.0 config/crd/bases/postgresql.cnpg.io_poolers.yaml 9e0dad05355f72dceb154a12b43ebe8a410d470133ad228bf711c1fdee221124
cloudnative-pg-v1.30.0 cloudnative-pg/cloudnative-pg v1.30.0 config/crd/bases/postgresql.cnpg.io_scheduledbackups.yaml 1dffb969a92ed6b09abe59d9c848ff97c6646c7824e75f8e0b8379df8473a145
plugin-barman-cloud-v0.14.0 cloudnative-pg/plugin-barman-cloud v0.14.0 config/crd/bases/barmancloud.cnpg.io_objectstores.yaml 7c98720494253421339acd03aa77487869326ea20d4768a0c3aef8ff076daaef
rabbitmq-cluster-operator-v2.22.3 rabbitmq/cluster-operator v2.22.3 config/crd/bases/rabbitmq.com_rabbitmqclusters.yaml 3d12de2e4281eb91c49d9860b733b6aa741fe0f608c6a2c4160226fe4993d0de
redis-operator-v0.26.0 OT-CONTAINER-KIT/redis-operator v0.26.0 config/crd/bases/redis.redis.opstreelabs.in_redis.yaml aaaaf9291a7de39011f112e41c7909fa1ce121908e98fab0cdb1f11c961bfeb6
redis-operator-v0.26.0 OT-CONTAINER-KIT/redis-operator v0.26.0 config/crd/bases/redis.redis.opstreelabs.in_redisclusters.yaml 2ad9627590c19cff08802aaa5adee68db9aa5987232c2451654216232a55455c
redis-operator-v0.26.0 OT-CONTAINER-KIT/redis-operator v0.26.0 config/crd/bases/redis.redis.opstreelabs.in_redisreplications.yaml 1d62dfc5638de69a71b3610752c455ee3aa16a1db853d5e3f2c9e4e2d8bdbbcd
redis-operator-v0.26.0 OT-CONTAINER-KIT/redis-operator v0.26.0 config/crd/bases/redis.redis.opstreelabs.in_redissentinels.yaml 5b119926c54876486817e54213214516cb96c3e451c159ec2f54f00aafea1754
rook-ceph-v1.20.6 rook/rook v1.20.6 deploy/examples/crds.yaml 7fa7462d44b35d636703a03a88120030692a06a05ac91ec253200cb4ae8c37cf
CRDS
exit "$status"

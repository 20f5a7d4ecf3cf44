#!/usr/bin/env bash
# `npm run lint:manifests`: the outside reviewer's check of issue 7, run here. Writes every
# stack's offline plan as manifests (`npm run plan -- <stack> --update --yaml`, secrets redacted,
# custom resources included), runs kube-linter, Polaris and Checkov over them, and prints every
# finding grouped by tool → check → object, sorted into classes (scripts/lint-manifests-summary.ts).
#
# Opt-in, not part of `npm test`: it installs the tools from their package registries (Go module
# proxy, PyPI) into a cache outside the repository, once; later runs reuse them.
#
# Exit 0: no finding about a missing numeric user, missing resources or a missing NetworkPolicy
# ("class (a)"), and every tool ran. 1: at least one class (a) finding. 2: an error (a plan or a
# tool failed to run). 3: no class (a) finding, but a tool could not be installed: the check is
# incomplete, and says so; `--allow-missing` accepts that (exit 0).
#
# Usage: scripts/lint-manifests.sh [--allow-missing] [stack...]   (default: every Pulumi.<stack>.yaml)
# Environment: LINT_MANIFESTS_CACHE (default ~/.cache/pulumi-ha-lint), LINT_MANIFESTS_OUT (default
# plan-out/lint-manifests), KUBE_LINTER_VERSION, POLARIS_VERSION, CHECKOV_VERSION.
set -uo pipefail
cd "$(dirname "$0")/.."

# kube-linter and Checkov at their latest releases when this was written. Polaris's go.mod says
# `module github.com/fairwindsops/polaris` while its releases are tagged v10.x, so Go cannot
# install a release tag (a v2+ tag needs a /v10 module path): only `latest`, a pseudo-version of
# the default branch, is installable with `go install`.
KUBE_LINTER_VERSION="${KUBE_LINTER_VERSION:-v0.8.3}"
POLARIS_VERSION="${POLARIS_VERSION:-latest}"
CHECKOV_VERSION="${CHECKOV_VERSION:-3.3.30}"
CACHE="${LINT_MANIFESTS_CACHE:-${HOME:-/tmp}/.cache/pulumi-ha-lint}"
OUT="${LINT_MANIFESTS_OUT:-plan-out/lint-manifests}"

allow_missing=false
stacks=()
for arg in "$@"; do
    case "$arg" in
        --allow-missing) allow_missing=true ;;
        -*) echo "lint-manifests: unknown option $arg" >&2; exit 2 ;;
        *) stacks+=("$arg") ;;
    esac
done
if [ ${#stacks[@]} -eq 0 ]; then
    for f in Pulumi.*.yaml; do stacks+=("$(basename "$f" .yaml | sed 's/^Pulumi\.//')"); done
fi

mkdir -p "$CACHE" "$OUT/reports"
rm -f "$OUT/reports/"*  # a report from an earlier run must not pass for this one
missing=()  # "tool=reason" for each tool that could not be installed

# Installs a Go program once per version; a failure is recorded with the go command's own words.
install_go() { # name module@version binary
    local name="$1" target="$2" bin="$CACHE/go/bin/$3" stamp="$CACHE/$1.version"
    if [ -x "$bin" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$target" ]; then return 0; fi
    if ! command -v go >/dev/null; then missing+=("$name=no Go toolchain on PATH"); return 1; fi
    echo "lint-manifests: installing $name ($target) into $CACHE …" >&2
    local log="$CACHE/$name-install.log"
    if GOPATH="$CACHE/go" GOBIN="$CACHE/go/bin" go install "$target" >"$log" 2>&1; then
        echo "$target" >"$stamp"
        return 0
    fi
    missing+=("$name=go install $target failed: $(grep -m1 -E 'go: |403|not permitted|not available' "$log" | tr -d '\n' | cut -c1-300)")
    return 1
}

install_checkov() {
    local venv="$CACHE/checkov-venv" stamp="$CACHE/checkov.version"
    if [ -x "$venv/bin/checkov" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$CHECKOV_VERSION" ]; then return 0; fi
    if ! command -v python3 >/dev/null; then missing+=("checkov=no python3 on PATH"); return 1; fi
    echo "lint-manifests: installing checkov $CHECKOV_VERSION into $venv …" >&2
    local log="$CACHE/checkov-install.log"
    if python3 -m venv "$venv" >"$log" 2>&1 && "$venv/bin/pip" install --quiet "checkov==$CHECKOV_VERSION" >>"$log" 2>&1; then
        echo "$CHECKOV_VERSION" >"$stamp"
        return 0
    fi
    missing+=("checkov=pip install checkov==$CHECKOV_VERSION failed: $(tail -n1 "$log" | cut -c1-300)")
    return 1
}

have_kube_linter=false have_polaris=false have_checkov=false
install_go kube-linter "golang.stackrox.io/kube-linter/cmd/kube-linter@$KUBE_LINTER_VERSION" kube-linter && have_kube_linter=true
install_go polaris "github.com/fairwindsops/polaris@$POLARIS_VERSION" polaris && have_polaris=true
install_checkov && have_checkov=true

# The plans: compiled once by the first `npm run plan`; exit 1 (a mandatory policy violation)
# still writes the manifests, so only an error (2) stops the lint.
for stack in "${stacks[@]}"; do
    rm -rf "${OUT:?}/$stack"
    echo "lint-manifests: planning $stack …" >&2
    npm run --silent plan -- "$stack" --update --yaml "$OUT/$stack" >"$OUT/reports/plan-$stack.log" 2>&1
    rc=$?
    if [ $rc -ge 2 ]; then
        echo "lint-manifests: npm run plan -- $stack failed (exit $rc); see $OUT/reports/plan-$stack.log" >&2
        exit 2
    fi
    [ $rc -eq 1 ] && echo "lint-manifests: note: the plan of $stack has a mandatory policy violation" >&2
done

# Each tool exits non-zero when it has findings; only a report that is not JSON is an error.
# Checkov runs with --skip-download: otherwise it asks its vendor's API for guideline links first.
for stack in "${stacks[@]}"; do
    dir="$OUT/$stack"
    if $have_kube_linter; then
        "$CACHE/go/bin/kube-linter" lint --format json "$dir" >"$OUT/reports/kube-linter-$stack.json" 2>"$OUT/reports/kube-linter-$stack.err"
    fi
    if $have_polaris; then
        "$CACHE/go/bin/polaris" audit --audit-path "$dir" --format json >"$OUT/reports/polaris-$stack.json" 2>"$OUT/reports/polaris-$stack.err"
    fi
    if $have_checkov; then
        "$CACHE/checkov-venv/bin/checkov" -d "$dir" --framework kubernetes -o json --quiet --skip-download \
            >"$OUT/reports/checkov-$stack.json" 2>"$OUT/reports/checkov-$stack.err"
    fi
    for tool in kube-linter polaris checkov; do
        report="$OUT/reports/$tool-$stack.json"
        if [ -f "$report" ] && ! node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$report" 2>/dev/null; then
            echo "lint-manifests: $tool wrote no JSON report for $stack; see ${report%.json}.err" >&2
            exit 2
        fi
    done
done

args=("$OUT" "${stacks[@]}")
for m in "${missing[@]+"${missing[@]}"}"; do args+=(--missing "$m"); done
node build/scripts/lint-manifests-summary.js "${args[@]}"
rc=$?
if [ $rc -eq 3 ] && $allow_missing; then
    echo "lint-manifests: --allow-missing: accepting a check without every tool" >&2
    exit 0
fi
exit $rc
